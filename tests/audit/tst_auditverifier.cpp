// AuditVerifier: every way of tampering with the audit trail that the chain and the signed
// checkpoints can show is found, with the row where it breaks; and what no chain can show
// (an uncovered tail, the newest checkpoint removed) is reported as not yet covered.
// Tampering is done from outside: the real sqlite3 CLI on the file, psql on PostgreSQL.
#include "audit/auditcheckpointer.h"
#include "audit/auditsigning.h"
#include "audit/auditverifier.h"
#include "audittestsupport.h"
#include "catalog/auditlog.h"
#include "catalog/transactionguard.h"
#include "catalogtestsupport.h"
#include "crypto/ed25519keypair.h"

#include <QTest>
#include <memory>

using namespace cv;
using namespace audittest;
using Kind = AuditProblem::Kind;

class TestAuditVerifier final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool append(int count);
    bool checkpoint(qint64 expectedRowId);
    void tamper(const QString &sql);
    AuditVerdict verifyNow();
    void expectProblem(Kind kind, qint64 rowId, const QString &phrase = QString());
    void expectValid(qint64 rows, qint64 checkpoints, qint64 uncovered);
    ExternalCatalog external() { return ExternalCatalog::of(backend().config()); }

    QUuid m_siteId = QUuid::fromString(QStringLiteral("6f0c1a52-3f55-4c39-9d5e-1d6f1b1c2a77"));
    std::unique_ptr<crypto::Ed25519KeyPair> m_key;

private slots:
    void initTestCase();
    void emptyTrailIsValid();
    void validTrailWithCheckpoints();
    void editedRowIsNamed();
    void deletedRowIsNamed();
    void deletedFirstRowsAreNamed();
    void insertedRowIsNamed();
    void tailTruncatedAfterCheckpointIsFound();
    void tailTruncatedBeyondCheckpointsIsOnlyUncovered();
    void checkpointSignatureAltered();
    void checkpointFieldAltered();
    void checkpointOfAnotherKey();
    void middleCheckpointDeleted();
    void newestCheckpointDeletedLeavesRowsUncovered();
    void checkpointedRowDeleted();
    void relinkedDeletionIsFound();
    void relinkedEditIsFoundByCheckpoint();
    void rolledBackAppendLeavesNoFalseAlarm();
    void progressAndCancel();
};

void TestAuditVerifier::initTestCase()
{
    auto key = crypto::Ed25519KeyPair::generate();
    QVERIFY(key.ok());
    m_key = std::make_unique<crypto::Ed25519KeyPair>(key.takeValue());
}

bool TestAuditVerifier::append(int count)
{
    const auto ids = appendEvents(db(), count);
    [&] { QVERIFY2(ids.ok(), qPrintable(ids.errorMessage())); }();
    return ids.ok();
}

bool TestAuditVerifier::checkpoint(qint64 expectedRowId)
{
    const auto written = AuditCheckpointer(db(), m_siteId, *m_key).checkpoint();
    [&] {
        QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
        QVERIFY(written.value().has_value());
        QCOMPARE(written.value()->auditRowId, expectedRowId);
    }();
    return !QTest::currentTestFailed();
}

void TestAuditVerifier::tamper(const QString &sql)
{
    const auto done = runExternalSql(external(), sql);
    QVERIFY2(done.ok(), qPrintable(done.errorMessage()));
}

AuditVerdict TestAuditVerifier::verifyNow()
{
    AuditVerifier verifier(db(), m_siteId, m_key->publicKey());
    verifier.setPageSize(7); // page boundaries fall everywhere in these short trails
    const auto verdict = verifier.verify();
    [&] { QVERIFY2(verdict.ok(), qPrintable(verdict.errorMessage())); }();
    return verdict.ok() ? verdict.value() : AuditVerdict();
}

void TestAuditVerifier::expectProblem(Kind kind, qint64 rowId, const QString &phrase)
{
    const AuditVerdict verdict = verifyNow();
    QVERIFY2(!verdict.isValid(),
             qPrintable(QStringLiteral("accepted a tampered trail: ") + verdict.summary()));
    QVERIFY2(verdict.problem->kind == kind,
             qPrintable(QStringLiteral("kind %1 instead of %2: %3")
                            .arg(static_cast<int>(verdict.problem->kind))
                            .arg(static_cast<int>(kind))
                            .arg(verdict.summary())));
    QCOMPARE(verdict.problem->rowId, rowId);
    QVERIFY2(verdict.summary().startsWith(QStringLiteral("BROKEN at row %1: ").arg(rowId)),
             qPrintable(verdict.summary()));
    if (!phrase.isEmpty())
        QVERIFY2(
            verdict.summary().contains(phrase),
            qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(phrase, verdict.summary())));
}

void TestAuditVerifier::expectValid(qint64 rows, qint64 checkpoints, qint64 uncovered)
{
    const AuditVerdict verdict = verifyNow();
    QVERIFY2(verdict.isValid(), qPrintable(verdict.summary()));
    QCOMPARE(verdict.rowsVerified, rows);
    QCOMPARE(verdict.checkpointsVerified, checkpoints);
    QCOMPARE(verdict.uncoveredRows, uncovered);
    QCOMPARE(verdict.summary(),
             QStringLiteral("valid: %1 rows, %2 signed checkpoints").arg(rows).arg(checkpoints));
    if (uncovered > 0)
        QVERIFY2(verdict.notes().join(u'\n').contains(
                     QStringLiteral("last %1 rows not yet covered by a signed checkpoint")
                         .arg(uncovered)),
                 qPrintable(verdict.notes().join(u'\n')));
}

void TestAuditVerifier::emptyTrailIsValid()
{
    QVERIFY(migrateLatest());
    expectValid(0, 0, 0);
}

void TestAuditVerifier::validTrailWithCheckpoints()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    QVERIFY(checkpoint(10));
    QVERIFY(append(10));
    QVERIFY(checkpoint(20));
    QVERIFY(append(5));
    expectValid(25, 2, 5);
    const AuditVerdict verdict = verifyNow();
    QCOMPARE(verdict.lastCheckpointRowId, 20);
    QCOMPARE(verdict.lastRowId, 25);
}

void TestAuditVerifier::editedRowIsNamed()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    QVERIFY(checkpoint(20));
    tamper(QStringLiteral("UPDATE audit SET target = 'recording-of-someone-else' WHERE id = 8;"));
    expectProblem(Kind::RowChanged, 8, QStringLiteral("row 8 was changed after it was written"));
}

void TestAuditVerifier::deletedRowIsNamed()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    tamper(QStringLiteral("DELETE FROM audit WHERE id = 12;"));
    expectProblem(Kind::RowsRemoved, 13, QStringLiteral("row 12 before it was removed"));
}

void TestAuditVerifier::deletedFirstRowsAreNamed()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    tamper(QStringLiteral("DELETE FROM audit WHERE id <= 3;"));
    expectProblem(Kind::RowsRemoved, 4, QStringLiteral("the first row does not start the chain"));
}

void TestAuditVerifier::insertedRowIsNamed()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    const auto rows = allRows(db());
    QVERIFY(rows.ok());
    // A forged row that is consistent in itself (links to row 10, correct hash), slipped in
    // after row 10 by moving the later rows up one id.
    AuditRow forged = rows->at(9);
    forged.id = 11;
    forged.actor = QStringLiteral("alice");
    forged.action = QStringLiteral("delete");
    forged.target = QStringLiteral("recording-covered-up");
    forged.prevHash = rows->at(9).hash;
    forged.hash = AuditLog::chainHash(forged.prevHash, forged);
    const ExternalCatalog c = external();
    tamper(
        QStringLiteral(
            "UPDATE audit SET id = -id WHERE id > 10;\n"
            "UPDATE audit SET id = -id + 1 WHERE id < 0;\n"
            "INSERT INTO audit (id, at_ms, actor, host, program, action, target, details, result, "
            "prev_hash, hash) VALUES (11, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10);")
            .arg(forged.atMs)
            .arg(textLiteral(forged.actor), textLiteral(forged.host), textLiteral(forged.program),
                 textLiteral(forged.action), textLiteral(forged.target),
                 textLiteral(forged.details),
                 textLiteral(forged.allowed ? QStringLiteral("allowed") : QStringLiteral("denied")),
                 blobLiteral(c, forged.prevHash), blobLiteral(c, forged.hash)));
    expectProblem(Kind::RowInserted, 12, QStringLiteral("a row was inserted"));
}

void TestAuditVerifier::tailTruncatedAfterCheckpointIsFound()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(30));
    QVERIFY(checkpoint(30));
    tamper(QStringLiteral("DELETE FROM audit WHERE id > 25;"));
    expectProblem(Kind::TailTruncated, 26,
                  QStringLiteral("checkpoint 1 signed the trail up to row 30"));
}

void TestAuditVerifier::tailTruncatedBeyondCheckpointsIsOnlyUncovered()
{
    // Documented limit: rows after the last checkpoint can be cut without a trace in the
    // chain; the verdict says how many rows are in that window.
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    QVERIFY(checkpoint(20));
    QVERIFY(append(10));
    tamper(QStringLiteral("DELETE FROM audit WHERE id > 25;"));
    expectValid(25, 1, 5);
}

void TestAuditVerifier::checkpointSignatureAltered()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    QVERIFY(checkpoint(10));
    QVERIFY(append(10));
    QVERIFY(checkpoint(20));
    const auto latest = AuditCheckpointRepository(db()).latest();
    QVERIFY(latest.ok() && latest.value());
    QByteArray signature = latest.value()->signature;
    signature[17] = static_cast<char>(signature.at(17) ^ 0x01);
    tamper(QStringLiteral("UPDATE audit_checkpoints SET signature = %1 WHERE id = 2;")
               .arg(blobLiteral(external(), signature)));
    expectProblem(Kind::CheckpointSignatureInvalid, 20,
                  QStringLiteral("checkpoint 2 (of row 20) has an invalid signature"));
}

void TestAuditVerifier::checkpointFieldAltered()
{
    // Moving a checkpoint back to make room for a truncation breaks its signature.
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    QVERIFY(checkpoint(20));
    const auto rows = allRows(db());
    QVERIFY(rows.ok());
    tamper(QStringLiteral(
               "DELETE FROM audit WHERE id > 15;\n"
               "UPDATE audit_checkpoints SET audit_row_id = 15, row_count = 15, head_hash = %1;")
               .arg(blobLiteral(external(), rows->at(14).hash)));
    expectProblem(Kind::CheckpointSignatureInvalid, 15, QStringLiteral("invalid signature"));
}

void TestAuditVerifier::checkpointOfAnotherKey()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    auto other = crypto::Ed25519KeyPair::generate();
    QVERIFY(other.ok());
    const auto written = AuditCheckpointer(db(), m_siteId, other.value()).checkpoint();
    QVERIFY2(written.ok() && written.value(), qPrintable(written.errorMessage()));
    expectProblem(Kind::CheckpointSignatureInvalid, 10,
                  QStringLiteral("not this site's signing key"));
}

void TestAuditVerifier::middleCheckpointDeleted()
{
    QVERIFY(migrateLatest());
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(append(10));
        QVERIFY(checkpoint(10 * i));
    }
    expectValid(30, 3, 0);
    tamper(QStringLiteral("DELETE FROM audit_checkpoints WHERE id = 2;"));
    expectProblem(Kind::CheckpointChainBroken, 30, QStringLiteral("does not follow checkpoint 1"));
}

void TestAuditVerifier::newestCheckpointDeletedLeavesRowsUncovered()
{
    // Documented limit: the newest checkpoint has no successor to miss it; its rows are
    // reported as not yet covered.
    QVERIFY(migrateLatest());
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(append(10));
        QVERIFY(checkpoint(10 * i));
    }
    tamper(QStringLiteral("DELETE FROM audit_checkpoints WHERE id = 3;"));
    expectValid(30, 2, 10);
}

void TestAuditVerifier::checkpointedRowDeleted()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    QVERIFY(checkpoint(10));
    QVERIFY(append(10));
    tamper(QStringLiteral("DELETE FROM audit WHERE id = 10;"));
    expectProblem(Kind::CheckpointRowMissing, 10,
                  QStringLiteral("row 10, which checkpoint 1 signed, is missing"));
}

void TestAuditVerifier::relinkedDeletionIsFound()
{
    // A careful attacker removes row 5 and recomputes every later hash and link.
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    QVERIFY(checkpoint(20));
    const auto rows = allRows(db());
    QVERIFY(rows.ok());
    const ExternalCatalog c = external();
    tamper(QStringLiteral("DELETE FROM audit WHERE id = 5;\n") +
           relinkSql(c, rows->mid(5), rows->at(3).hash));
    if (isPostgres()) // PostgreSQL skips ids legitimately: the signed checkpoint finds it
        expectProblem(Kind::CheckpointHeadMismatch, 20,
                      QStringLiteral("differs from what checkpoint 1 signed"));
    else // SQLite never skips ids
        expectProblem(Kind::IdGap, 6,
                      QStringLiteral("row 5 before it is missing although the chain links"));
}

void TestAuditVerifier::relinkedEditIsFoundByCheckpoint()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(20));
    QVERIFY(checkpoint(20));
    QVERIFY(append(3));
    auto rows = allRows(db());
    QVERIFY(rows.ok());
    QVector<AuditRow> changed = rows->mid(4); // rows 5..23
    changed[0].target = QStringLiteral("nothing-to-see");
    tamper(relinkSql(external(), changed, rows->at(3).hash));
    expectProblem(Kind::CheckpointHeadMismatch, 20, QStringLiteral("the chain at row 20 differs"));
}

void TestAuditVerifier::rolledBackAppendLeavesNoFalseAlarm()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(5));
    {
        TransactionGuard transaction(db());
        QVERIFY(transaction.ok());
        QVERIFY(AuditLog(db())
                    .append(catalogtest::makeEvent(QStringLiteral("play"), QStringLiteral("x")))
                    .ok());
        // rolled back: the caller's work failed
    }
    QVERIFY(append(5));
    expectValid(10, 0, 10);
    const AuditVerdict verdict = verifyNow();
    if (isPostgres()) {
        QCOMPARE(verdict.unusedIds, 1);
        QVERIFY2(
            verdict.notes().join(u'\n').contains(QStringLiteral("1 ids unused (the first: 6)")),
            qPrintable(verdict.notes().join(u'\n')));
    } else {
        QCOMPARE(verdict.unusedIds, 0);
    }
}

void TestAuditVerifier::progressAndCancel()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(95));
    QVERIFY(checkpoint(95));
    QVector<QPair<qint64, qint64>> calls;
    {
        AuditVerifier verifier(db(), m_siteId, m_key->publicKey());
        verifier.setPageSize(10);
        verifier.setProgressCallback([&calls](qint64 done, qint64 total) {
            calls.append({done, total});
        });
        const auto verdict = verifier.verify();
        QVERIFY(verdict.ok() && verdict->isValid());
    }
    QCOMPARE(calls.size(), 11); // the start and one per page
    QCOMPARE(calls.first(), qMakePair(qint64(0), qint64(95)));
    QCOMPARE(calls.last(), qMakePair(qint64(95), qint64(95)));
    for (int i = 1; i < calls.size(); ++i)
        QVERIFY(calls.at(i).first > calls.at(i - 1).first);

    AuditVerifier verifier(db(), m_siteId, m_key->publicKey());
    verifier.setPageSize(10);
    int pages = 0;
    verifier.setProgressCallback([&](qint64, qint64) {
        if (++pages == 3)
            verifier.cancel();
    });
    const auto cancelled = verifier.verify();
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QCOMPARE(pages, 3);
}

QTEST_GUILESS_MAIN(TestAuditVerifier)
#include "tst_auditverifier.moc"
