// SiteRepository on both backends.
#include "catalog/siterepository.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestSiteRepository final : public CatalogTestCase
{
    Q_OBJECT

private slots:
    void emptyCatalogHasNoSite();
    void insertAndGet();
    void secondSiteIsAConflict();
    void rejectsMalformedKeys();
};

void TestSiteRepository::emptyCatalogHasNoSite()
{
    QVERIFY(migrateLatest());
    const auto site = SiteRepository(db()).get();
    QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
    QVERIFY(!site.value().has_value());
}

void TestSiteRepository::insertAndGet()
{
    QVERIFY(migrateLatest());
    const SiteRow row = catalogtest::makeSite();
    const auto inserted = SiteRepository(db()).insert(row);
    QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
    const auto site = SiteRepository(db()).get();
    QVERIFY(site.ok() && site.value().has_value());
    QCOMPARE(site.value()->id, row.id);
    QCOMPARE(site.value()->name, row.name);
    QCOMPARE(site.value()->x25519Public, row.x25519Public);
    QCOMPARE(site.value()->ed25519Public, row.ed25519Public);
    QCOMPARE(site.value()->keyId, row.keyId);
    QCOMPARE(site.value()->createdAt, row.createdAt);
}

void TestSiteRepository::secondSiteIsAConflict()
{
    QVERIFY(migrateLatest());
    const SiteRow first = catalogtest::makeSite();
    QVERIFY(SiteRepository(db()).insert(first).ok());
    const auto second = SiteRepository(db()).insert(catalogtest::makeSite());
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Conflict);
    QCOMPARE(SiteRepository(db()).get().value()->id, first.id);
}

void TestSiteRepository::rejectsMalformedKeys()
{
    QVERIFY(migrateLatest());
    SiteRow row = catalogtest::makeSite();
    row.x25519Public = QByteArray(31, 'x');
    QVERIFY(!SiteRepository(db()).insert(row).ok());
    QVERIFY(!SiteRepository(db()).get().value().has_value());
}

QTEST_GUILESS_MAIN(TestSiteRepository)
#include "tst_siterepository.moc"
