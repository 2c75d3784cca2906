#include "catalogtestsupport.h"

#include "catalog/siterepository.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

CatalogTestBackend::CatalogTestBackend(QString backend) : m_backend(std::move(backend)) {}

CatalogTestBackend::~CatalogTestBackend()
{
    m_db.reset(); // closes its connections before the schema goes
    if (m_admin && !m_schema.isEmpty()) {
        QSqlQuery quiet(m_admin->connection());
        quiet.exec(
            QStringLiteral("SET client_min_messages = warning")); // no "drop cascades" notice
        QSqlQuery drop(m_admin->connection());
        if (!drop.exec(QStringLiteral("DROP SCHEMA ") + m_schema + QStringLiteral(" CASCADE")))
            qWarning("Could not drop test schema %s: %s", qPrintable(m_schema),
                     qPrintable(drop.lastError().text()));
    }
}

void CatalogTestBackend::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

Result<void> CatalogTestBackend::setUp()
{
    if (m_backend == QLatin1String("sqlite")) {
        if (!m_dir.isValid())
            return makeError(ErrorCode::Io,
                             QStringLiteral("Could not create a temporary directory."));
        m_config = CatalogConfig::sqlite(m_dir.filePath(QStringLiteral("catalog.sqlite")));
    } else {
        const QString url = qEnvironmentVariable("CALLVAULT_TEST_PG_URL");
        if (url.isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("CALLVAULT_TEST_PG_URL is not set, so the PostgreSQL cases "
                               "cannot run. Run the tests through tests/tools/with-postgres.sh "
                               "(e.g. tests/tools/with-postgres.sh ctest --test-dir <build> "
                               "-R test_catalog), which starts a throwaway server."));
        auto adminConfig = CatalogConfig::fromPgUrl(url);
        if (!adminConfig)
            return adminConfig.error();
        auto admin = Database::open(adminConfig.value());
        if (!admin)
            return admin.error();
        m_admin = admin.takeValue();
        // A random lowercase identifier of our own making: safe to put into DDL.
        m_schema = QStringLiteral("cvt_%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                                QLatin1Char('0'));
        QSqlQuery create(m_admin->connection());
        if (!create.exec(QStringLiteral("CREATE SCHEMA ") + m_schema)) {
            const QString why = create.lastError().text();
            m_schema.clear();
            return makeError(ErrorCode::Database,
                             QStringLiteral("Could not create a test schema: ") + why);
        }
        const QString separator = url.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
        auto config = CatalogConfig::fromPgUrl(
            url + separator + QStringLiteral("options=-csearch_path%3D") + m_schema);
        if (!config)
            return config.error();
        m_config = config.takeValue();
    }
    auto db = Database::open(m_config);
    if (!db)
        return db.error();
    m_db = db.takeValue();
    return {};
}

Result<std::unique_ptr<Database>> CatalogTestBackend::openAnother() const
{
    return Database::open(m_config);
}

Result<void> CatalogTestBackend::execRaw(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql))
        return makeError(ErrorCode::Database,
                         sql + QStringLiteral(": ") + query.lastError().text());
    return {};
}

void CatalogTestCase::initTestCase_data()
{
    CatalogTestBackend::addBackendRows();
}

void CatalogTestCase::init()
{
    // Any warning is a bug here (e.g. QtSql's "Unable to free statement" or "connection
    // is still in use"): fail the test on it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    QFETCH_GLOBAL(QString, backend);
    m_backend = std::make_unique<CatalogTestBackend>(backend);
    const auto ready = m_backend->setUp();
    QVERIFY2(ready.ok(), qPrintable(ready.errorMessage()));
}

void CatalogTestCase::cleanup()
{
    m_backend.reset();
}

bool CatalogTestCase::migrateLatest()
{
    const auto migrated = db().migrate();
    [&] { QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage())); }();
    return migrated.ok();
}

QUuid CatalogTestCase::migrateWithSite()
{
    if (!migrateLatest())
        return QUuid();
    const SiteRow site = catalogtest::makeSite();
    const auto inserted = SiteRepository(db()).insert(site);
    [&] { QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage())); }();
    return inserted.ok() ? site.id : QUuid();
}

namespace catalogtest {

SiteRow makeSite()
{
    SiteRow site;
    site.id = QUuid::createUuid();
    site.name = QStringLiteral("Test site");
    site.x25519Public = QByteArray(32, '\x11');
    site.ed25519Public = QByteArray(32, '\x22');
    site.keyId = QStringLiteral("ab").repeated(32);
    site.createdAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    return site;
}

RecordingRow makeRecording(const QUuid &siteId, const QDateTime &startedAt)
{
    RecordingRow row;
    row.id = QUuid::createUuid();
    row.siteId = siteId;
    row.startedAt = startedAt;
    row.endedAt = startedAt.addMSecs(93'250);
    row.durationMs = 93'250;
    row.direction = Direction::Outbound;
    row.agentId = QStringLiteral("agent-007");
    row.customerPhone = QStringLiteral("+8613800138000");
    row.sentiment = -0.25;
    row.status = RecordingStatus::Normal;
    row.tier = QStringLiteral("hot");
    row.storagePath = QStringLiteral("hot/2024/05/01/") + row.id.toString(QUuid::WithoutBraces) +
                      QStringLiteral(".cvr");
    row.sizeBytes = 1'234'567;
    row.sha256Hex = QStringLiteral("0123456789abcdef").repeated(4);
    row.codec = QStringLiteral("opus");
    row.sampleRate = 48000;
    row.channels = 2;
    row.bitrate = 24000;
    row.peaks = QByteArray("\x00\x10\x7f\x80\xff", 5);
    row.createdAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 1), Qt::UTC);
    return row;
}

KeyRow makeKey(const QUuid &recordingId)
{
    KeyRow key;
    key.recordingId = recordingId;
    key.wrappedKey = QByteArray(127, '\x5a');
    key.wrappedKey[0] = '\x01';
    key.wrappedKey[5] = '\x00';
    key.suite = 1;
    key.siteKeyId = QStringLiteral("cd").repeated(32);
    return key;
}

AuditEvent makeEvent(const QString &action, const QString &target)
{
    AuditEvent event;
    event.actor = QStringLiteral("alice");
    event.host = QStringLiteral("ws-01");
    event.program = QStringLiteral("callvault");
    event.action = action;
    event.target = target;
    event.details = QStringLiteral("{\"reason\":\"QA review\",\"note\":\"客户投诉\"}");
    event.allowed = true;
    return event;
}

void compareRecordings(const RecordingRow &actual, const RecordingRow &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.siteId, expected.siteId);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.startedAt.timeSpec(), Qt::UTC);
    QCOMPARE(actual.endedAt, expected.endedAt);
    QCOMPARE(actual.durationMs, expected.durationMs);
    QCOMPARE(actual.direction, expected.direction);
    QCOMPARE(actual.agentId, expected.agentId);
    QCOMPARE(actual.customerPhone, expected.customerPhone);
    QCOMPARE(actual.sentiment.has_value(), expected.sentiment.has_value());
    if (expected.sentiment)
        QCOMPARE(*actual.sentiment, *expected.sentiment);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.tier, expected.tier);
    QCOMPARE(actual.storagePath, expected.storagePath);
    QCOMPARE(actual.sizeBytes, expected.sizeBytes);
    QCOMPARE(actual.sha256Hex, expected.sha256Hex);
    QCOMPARE(actual.codec, expected.codec);
    QCOMPARE(actual.sampleRate, expected.sampleRate);
    QCOMPARE(actual.channels, expected.channels);
    QCOMPARE(actual.bitrate, expected.bitrate);
    QCOMPARE(actual.peaks, expected.peaks);
    QCOMPARE(actual.createdAt, expected.createdAt);
}

} // namespace catalogtest
