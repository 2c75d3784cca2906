// KeyRepository on both backends.
#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

class TestKeyRepository final : public CatalogTestCase
{
    Q_OBJECT

private:
    QUuid addRecording(const QUuid &site);

private slots:
    void insertFindRemove();
    void findUnknownIsEmpty();
    void secondKeyIsAConflict();
    void keyNeedsItsRecording();
    void removeUnknownIsNotFound();
    void deletingTheRecordingDeletesItsKey();
    void emptyWrappedKeyIsRefused();
};

QUuid TestKeyRepository::addRecording(const QUuid &site)
{
    const RecordingRow row = catalogtest::makeRecording(site, QDateTime::currentDateTimeUtc());
    return RecordingRepository(db()).insert(row).ok() ? row.id : QUuid();
}

void TestKeyRepository::insertFindRemove()
{
    const QUuid site = migrateWithSite();
    const QUuid recording = addRecording(site);
    QVERIFY(!recording.isNull());
    KeyRepository keys(db());
    const KeyRow key = catalogtest::makeKey(recording);
    const auto inserted = keys.insert(key);
    QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));

    const auto found = keys.find(recording);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY(found.value().has_value());
    QCOMPARE(found.value()->recordingId, key.recordingId);
    QCOMPARE(found.value()->wrappedKey, key.wrappedKey);
    QCOMPARE(found.value()->suite, key.suite);
    QCOMPARE(found.value()->siteKeyId, key.siteKeyId);

    const auto removed = keys.remove(recording);
    QVERIFY2(removed.ok(), qPrintable(removed.errorMessage()));
    QVERIFY(!keys.find(recording).value().has_value());
    // The recording row stays (crypto-shredded: the audio can no longer be decrypted).
    QVERIFY(RecordingRepository(db()).find(recording).value().has_value());
}

void TestKeyRepository::findUnknownIsEmpty()
{
    QVERIFY(migrateLatest());
    const auto found = KeyRepository(db()).find(QUuid::createUuid());
    QVERIFY(found.ok());
    QVERIFY(!found.value().has_value());
}

void TestKeyRepository::secondKeyIsAConflict()
{
    const QUuid recording = addRecording(migrateWithSite());
    KeyRepository keys(db());
    QVERIFY(keys.insert(catalogtest::makeKey(recording)).ok());
    KeyRow other = catalogtest::makeKey(recording);
    other.wrappedKey = QByteArray(127, '\x77');
    const auto again = keys.insert(other);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(keys.find(recording).value()->wrappedKey, catalogtest::makeKey(recording).wrappedKey);
}

void TestKeyRepository::keyNeedsItsRecording()
{
    QVERIFY(migrateLatest());
    const auto inserted = KeyRepository(db()).insert(catalogtest::makeKey(QUuid::createUuid()));
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.error().code, ErrorCode::Database);
}

void TestKeyRepository::removeUnknownIsNotFound()
{
    QVERIFY(migrateLatest());
    const auto removed = KeyRepository(db()).remove(QUuid::createUuid());
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().code, ErrorCode::NotFound);
}

void TestKeyRepository::deletingTheRecordingDeletesItsKey()
{
    const QUuid recording = addRecording(migrateWithSite());
    QVERIFY(KeyRepository(db()).insert(catalogtest::makeKey(recording)).ok());
    // No repository API deletes recordings yet; the foreign key must cascade regardless.
    QSqlQuery query(db().connection());
    QVERIFY(query.prepare(QStringLiteral("DELETE FROM recordings WHERE id = ?")));
    query.addBindValue(recording.toString(QUuid::WithoutBraces));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QCOMPARE(query.numRowsAffected(), 1);
    QVERIFY(!KeyRepository(db()).find(recording).value().has_value());
}

void TestKeyRepository::emptyWrappedKeyIsRefused()
{
    const QUuid recording = addRecording(migrateWithSite());
    KeyRow key = catalogtest::makeKey(recording);
    key.wrappedKey.clear();
    QVERIFY(!KeyRepository(db()).insert(key).ok());
}

QTEST_GUILESS_MAIN(TestKeyRepository)
#include "tst_keyrepository.moc"
