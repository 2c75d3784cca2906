#pragma once

#include "catalog/catalogconfig.h"
#include "catalog/catalogtypes.h"
#include "catalog/database.h"
#include "common/result.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QUuid>
#include <memory>

// Shared by the catalog tests: each test class runs every case against both backends.
//
//   void initTestCase_data() { CatalogTestBackend::addBackendRows(); }
//   void init() { QFETCH_GLOBAL(QString, backend); m_backend = ...; QVERIFY2(setUp ok) }
//
// "sqlite": a fresh file in a temporary directory.
// "postgres": a fresh schema (cvt_<random>) in the database named by
// $CALLVAULT_TEST_PG_URL, reached through the URL option search_path, dropped afterwards.
// Without $CALLVAULT_TEST_PG_URL the PostgreSQL cases fail (they never skip): run the
// tests through tests/tools/with-postgres.sh.
class CatalogTestBackend final
{
public:
    explicit CatalogTestBackend(QString backend);
    ~CatalogTestBackend();

    CatalogTestBackend(const CatalogTestBackend &) = delete;
    CatalogTestBackend &operator=(const CatalogTestBackend &) = delete;

    // Adds the global "backend" column with the rows "sqlite" and "postgres".
    static void addBackendRows();

    // Creates the empty catalog and opens db() on it (not migrated).
    cv::Result<void> setUp();
    cv::Database &db() { return *m_db; }
    const cv::CatalogConfig &config() const { return m_config; }
    bool isPostgres() const { return m_backend == QLatin1String("postgres"); }
    // Another, independent Database on the same catalog (as a second process would have).
    cv::Result<std::unique_ptr<cv::Database>> openAnother() const;
    // Runs constant test SQL (tampering, DDL) on this thread's connection of db().
    cv::Result<void> execRaw(const QString &sql);

private:
    QString m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<cv::Database> m_admin; // PostgreSQL: creates and drops the schema
    QString m_schema;
    cv::CatalogConfig m_config;
    std::unique_ptr<cv::Database> m_db;
};

// Base of the backend-driven test classes: every test function runs once per backend
// ("sqlite", "postgres"), each time on a fresh, empty catalog.
class CatalogTestCase : public QObject
{
    Q_OBJECT

protected:
    CatalogTestBackend &backend() { return *m_backend; }
    cv::Database &db() { return m_backend->db(); }
    bool isPostgres() const { return m_backend->isPostgres(); }
    // Migrates db() to the latest schema; false (with a test failure) on error.
    bool migrateLatest();
    // migrateLatest() and inserts a site; a null id (with a test failure) on error.
    QUuid migrateWithSite();

protected slots:
    void initTestCase_data();
    void init();
    void cleanup();

private:
    std::unique_ptr<CatalogTestBackend> m_backend;
};

namespace catalogtest {

cv::SiteRow makeSite();
cv::RecordingRow makeRecording(const QUuid &siteId, const QDateTime &startedAt);
cv::KeyRow makeKey(const QUuid &recordingId);
cv::AuditEvent makeEvent(const QString &action, const QString &target);

// QCOMPARE on every field; check QTest::currentTestFailed() afterwards.
void compareRecordings(const cv::RecordingRow &actual, const cv::RecordingRow &expected);

} // namespace catalogtest
