// commitFinishedRecording: row + key + audit event in one transaction.
#include "catalog/auditlog.h"
#include "catalog/keyrepository.h"
#include "catalog/recordingcommit.h"
#include "catalog/recordingrepository.h"
#include "catalog/transactionguard.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestRecordingCommit final : public CatalogTestCase
{
    Q_OBJECT

private:
    qint64 auditRows() { return AuditLog(db()).verifyChain().value(); }
    void expectNothingOf(const QUuid &recording);

private slots:
    void commitsAllThree();
    void duplicateKeyRowLeavesNothing();
    void failingKeyInsertLeavesNothing();
    void failingAuditAppendLeavesNothing();
    void keyForAnotherRecordingIsRefused();
    void joinsTheCallersTransaction();
};

void TestRecordingCommit::expectNothingOf(const QUuid &recording)
{
    const auto found = RecordingRepository(db()).find(recording);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY2(!found.value().has_value(), "the recording row was left behind");
    QVERIFY2(!KeyRepository(db()).find(recording).value().has_value(),
             "the key row was left behind");
}

void TestRecordingCommit::commitsAllThree()
{
    const QUuid site = migrateWithSite();
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    const KeyRow key = catalogtest::makeKey(row.id);
    const AuditEvent event =
        catalogtest::makeEvent(QStringLiteral("record"), row.id.toString(QUuid::WithoutBraces));
    const auto committed = commitFinishedRecording(db(), row, key, event);
    QVERIFY2(committed.ok(), qPrintable(committed.errorMessage()));

    const auto found = RecordingRepository(db()).find(row.id);
    QVERIFY(found.ok() && found.value().has_value());
    catalogtest::compareRecordings(*found.value(), row);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(KeyRepository(db()).find(row.id).value()->wrappedKey, key.wrappedKey);
    const auto audit = AuditLog(db()).list(10, 0);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().action, QStringLiteral("record"));
    QCOMPARE(audit->first().target, event.target);
    QCOMPARE(auditRows(), 1);
}

void TestRecordingCommit::duplicateKeyRowLeavesNothing()
{
    // The recording already exists with its key: a second commit of the same recording
    // fails and changes nothing (no second audit row, the stored key untouched).
    const QUuid site = migrateWithSite();
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    QVERIFY(commitFinishedRecording(
                db(), row, catalogtest::makeKey(row.id),
                catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("1")))
                .ok());
    KeyRow otherKey = catalogtest::makeKey(row.id);
    otherKey.wrappedKey = QByteArray(127, '\x33');
    const auto again = commitFinishedRecording(
        db(), row, otherKey, catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("2")));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(RecordingRepository(db()).count().value(), 1);
    QCOMPARE(KeyRepository(db()).find(row.id).value()->wrappedKey,
             catalogtest::makeKey(row.id).wrappedKey);
    QCOMPARE(auditRows(), 1);
}

void TestRecordingCommit::failingKeyInsertLeavesNothing()
{
    // The recording row goes in, then the key row fails in the database (CHECK: empty
    // wrapped key): the recording row must be rolled back and no audit row written.
    const QUuid site = migrateWithSite();
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    KeyRow badKey = catalogtest::makeKey(row.id);
    badKey.wrappedKey.clear();
    const auto committed = commitFinishedRecording(
        db(), row, badKey, catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("x")));
    QVERIFY(!committed.ok());
    QCOMPARE(committed.error().code, ErrorCode::Database);
    expectNothingOf(row.id);
    QCOMPARE(RecordingRepository(db()).count().value(), 0);
    QCOMPARE(auditRows(), 0);

    // The connection is clean afterwards: the same recording commits fine.
    const auto retried = commitFinishedRecording(
        db(), row, catalogtest::makeKey(row.id),
        catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("x")));
    QVERIFY2(retried.ok(), qPrintable(retried.errorMessage()));
}

void TestRecordingCommit::failingAuditAppendLeavesNothing()
{
    // Row and key succeed, the audit append (the last step) fails: both must go.
    const QUuid site = migrateWithSite();
    QVERIFY(backend().execRaw(QStringLiteral("ALTER TABLE audit RENAME TO audit_away")).ok());
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    const auto committed = commitFinishedRecording(
        db(), row, catalogtest::makeKey(row.id),
        catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("x")));
    QVERIFY(!committed.ok());
    QVERIFY(backend().execRaw(QStringLiteral("ALTER TABLE audit_away RENAME TO audit")).ok());
    expectNothingOf(row.id);
    QCOMPARE(auditRows(), 0);
}

void TestRecordingCommit::keyForAnotherRecordingIsRefused()
{
    const QUuid site = migrateWithSite();
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    const auto committed = commitFinishedRecording(
        db(), row, catalogtest::makeKey(QUuid::createUuid()),
        catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("x")));
    QVERIFY(!committed.ok());
    QCOMPARE(committed.error().code, ErrorCode::InvalidArgument);
    expectNothingOf(row.id);
    QCOMPARE(auditRows(), 0);
}

void TestRecordingCommit::joinsTheCallersTransaction()
{
    const QUuid site = migrateWithSite();
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    {
        TransactionGuard outer(db());
        QVERIFY(commitFinishedRecording(
                    db(), row, catalogtest::makeKey(row.id),
                    catalogtest::makeEvent(QStringLiteral("record"), QStringLiteral("x")))
                    .ok());
    } // the caller rolls back: nothing stays
    expectNothingOf(row.id);
    QCOMPARE(auditRows(), 0);
}

QTEST_GUILESS_MAIN(TestRecordingCommit)
#include "tst_recordingcommit.moc"
