// RecordingRepository on both backends.
#include "catalog/recordingrepository.h"
#include "catalog/siterepository.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestRecordingRepository final : public CatalogTestCase
{
    Q_OBJECT

private slots:
    void insertAndFind();
    void findUnknownIsEmpty();
    void nullSentimentAndEmptyFields();
    void listIsNewestFirstAndPages();
    void listOrdersEqualStartTimesById();
    void countCountsRows();
    void updateStatus();
    void updateStatusOfUnknownIsNotFound();
    void duplicateIdIsAConflict();
    void rejectsIncompleteRows();
    void rejectsValuesTheSchemaForbids();
    void rejectsUnknownSite();
    void fillsCreatedAt();
};

void TestRecordingRepository::insertAndFind()
{
    const QUuid site = migrateWithSite();
    QVERIFY(!site.isNull());
    RecordingRepository repo(db());
    const RecordingRow row = catalogtest::makeRecording(
        site, QDateTime(QDate(2024, 5, 1), QTime(9, 30, 15, 123), Qt::UTC));
    const auto inserted = repo.insert(row);
    QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
    const auto found = repo.find(row.id);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY(found.value().has_value());
    catalogtest::compareRecordings(*found.value(), row);
}

void TestRecordingRepository::findUnknownIsEmpty()
{
    QVERIFY(migrateLatest());
    const auto found = RecordingRepository(db()).find(QUuid::createUuid());
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY(!found.value().has_value());
}

void TestRecordingRepository::nullSentimentAndEmptyFields()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    row.sentiment.reset();
    row.agentId = QString(); // null QString: stored as '' (NOT NULL column)
    row.customerPhone = QString();
    row.peaks = QByteArray();
    row.direction = Direction::Internal;
    row.status = RecordingStatus::Unfinished;
    row.tier = QStringLiteral("cold");
    // A local-time QDateTime is stored as the same instant and read back in UTC.
    row.startedAt =
        QDateTime(QDate(2023, 12, 31), QTime(23, 59, 59, 999), Qt::OffsetFromUTC, 8 * 3600);
    row.endedAt = row.startedAt.addSecs(10);
    const auto inserted = repo.insert(row);
    QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
    const auto found = repo.find(row.id);
    QVERIFY(found.ok() && found.value().has_value());
    QVERIFY(!found.value()->sentiment.has_value());
    QCOMPARE(found.value()->agentId, QString());
    QCOMPARE(found.value()->customerPhone, QString());
    QCOMPARE(found.value()->peaks, QByteArray());
    QCOMPARE(found.value()->direction, Direction::Internal);
    QCOMPARE(found.value()->status, RecordingStatus::Unfinished);
    QCOMPARE(found.value()->tier, QStringLiteral("cold"));
    QCOMPARE(found.value()->startedAt, row.startedAt);
    QCOMPARE(found.value()->startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(found.value()->startedAt.toMSecsSinceEpoch(), row.startedAt.toMSecsSinceEpoch());
}

void TestRecordingRepository::listIsNewestFirstAndPages()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    const QDateTime base(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
    QVector<RecordingRow> rows;
    // Inserted in a scrambled order.
    for (int minutes : {30, 5, 55, 0, 45, 10, 20}) {
        rows.append(catalogtest::makeRecording(site, base.addSecs(minutes * 60)));
        QVERIFY(repo.insert(rows.last()).ok());
    }
    std::sort(rows.begin(), rows.end(), [](const RecordingRow &a, const RecordingRow &b) {
        return a.startedAt > b.startedAt;
    });

    const auto all = repo.list(100, 0);
    QVERIFY2(all.ok(), qPrintable(all.errorMessage()));
    QCOMPARE(all->size(), rows.size());
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(all->at(i).id, rows.at(i).id);
    catalogtest::compareRecordings(all->first(), rows.first());
    if (QTest::currentTestFailed())
        return;

    const auto page = repo.list(3, 2);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(page->at(i).id, rows.at(i + 2).id);
    QCOMPARE(repo.list(3, 6)->size(), 1);
    QCOMPARE(repo.list(3, 7)->size(), 0);
    QCOMPARE(repo.list(0, 0)->size(), 0);
    QVERIFY(!repo.list(-1, 0).ok());
    QVERIFY(!repo.list(1, -1).ok());
}

void TestRecordingRepository::listOrdersEqualStartTimesById()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    const QDateTime same(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
    QVector<QUuid> ids;
    for (const char *id :
         {"00000000-0000-4000-8000-000000000002", "ffffffff-0000-4000-8000-000000000000",
          "0a000000-0000-4000-8000-000000000000", "a0000000-0000-4000-8000-000000000000"}) {
        RecordingRow row = catalogtest::makeRecording(site, same);
        row.id = QUuid::fromString(QLatin1String(id));
        ids.append(row.id);
        QVERIFY(repo.insert(row).ok());
    }
    const auto listed = repo.list(10, 0);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 4);
    // id DESC, the same in both dialects (UUID order = canonical text order).
    QCOMPARE(listed->at(0).id, ids.at(1));
    QCOMPARE(listed->at(1).id, ids.at(3));
    QCOMPARE(listed->at(2).id, ids.at(2));
    QCOMPARE(listed->at(3).id, ids.at(0));
}

void TestRecordingRepository::countCountsRows()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    QCOMPARE(repo.count().value(), 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(
            repo.insert(catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc())).ok());
    const auto count = repo.count();
    QVERIFY2(count.ok(), qPrintable(count.errorMessage()));
    QCOMPARE(count.value(), 5);
}

void TestRecordingRepository::updateStatus()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    QVERIFY(repo.insert(row).ok());
    const auto updated = repo.updateStatus(row.id, RecordingStatus::Recovered);
    QVERIFY2(updated.ok(), qPrintable(updated.errorMessage()));
    QCOMPARE(repo.find(row.id).value()->status, RecordingStatus::Recovered);
}

void TestRecordingRepository::updateStatusOfUnknownIsNotFound()
{
    QVERIFY(migrateLatest());
    const auto updated =
        RecordingRepository(db()).updateStatus(QUuid::createUuid(), RecordingStatus::Normal);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().code, ErrorCode::NotFound);
}

void TestRecordingRepository::duplicateIdIsAConflict()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    QVERIFY(repo.insert(row).ok());
    const auto again = repo.insert(row);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.errorMessage().contains(row.id.toString(QUuid::WithoutBraces)),
             qPrintable(again.errorMessage()));
    QCOMPARE(repo.count().value(), 1);
}

void TestRecordingRepository::rejectsIncompleteRows()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    RecordingRow noId = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    noId.id = QUuid();
    QCOMPARE(repo.insert(noId).error().code, ErrorCode::InvalidArgument);
    RecordingRow noTime = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    noTime.endedAt = QDateTime();
    QCOMPARE(repo.insert(noTime).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(repo.count().value(), 0);
}

void TestRecordingRepository::rejectsValuesTheSchemaForbids()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    RecordingRow badTier = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    badTier.tier = QStringLiteral("lukewarm");
    QCOMPARE(repo.insert(badTier).error().code, ErrorCode::Database);
    RecordingRow endsBeforeStart =
        catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    endsBeforeStart.endedAt = endsBeforeStart.startedAt.addSecs(-1);
    QCOMPARE(repo.insert(endsBeforeStart).error().code, ErrorCode::Database);
    QCOMPARE(repo.count().value(), 0);
}

void TestRecordingRepository::rejectsUnknownSite()
{
    QVERIFY(migrateLatest());
    const auto inserted = RecordingRepository(db()).insert(
        catalogtest::makeRecording(QUuid::createUuid(), QDateTime::currentDateTimeUtc()));
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.error().code, ErrorCode::Database);
}

void TestRecordingRepository::fillsCreatedAt()
{
    const QUuid site = migrateWithSite();
    RecordingRepository repo(db());
    RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    row.createdAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(repo.insert(row).ok());
    const QDateTime createdAt = repo.find(row.id).value()->createdAt;
    QVERIFY(createdAt.isValid());
    QVERIFY(createdAt >= before.addMSecs(-1));
    QVERIFY(createdAt <= QDateTime::currentDateTimeUtc());
}

QTEST_GUILESS_MAIN(TestRecordingRepository)
#include "tst_recordingrepository.moc"
