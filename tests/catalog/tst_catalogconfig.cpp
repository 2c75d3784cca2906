// CatalogConfig: PostgreSQL URL parsing (no database needed).
#include "catalog/catalogconfig.h"

#include <QTest>

using namespace cv;

class TestCatalogConfig final : public QObject
{
    Q_OBJECT

private slots:
    void sqliteConfig();
    void parsesFullUrl();
    void passwordFromEnvironment();
    void defaultsPortAndApplicationName();
    void rejectsBadUrls_data();
    void rejectsBadUrls();
    void userFromEnvironment();
    void displayNameHidesPassword();
};

void TestCatalogConfig::sqliteConfig()
{
    const CatalogConfig config =
        CatalogConfig::sqlite(QStringLiteral("/var/lib/callvault/catalog.sqlite"));
    QCOMPARE(config.kind, CatalogConfig::Kind::Sqlite);
    QCOMPARE(config.sqlitePath, QStringLiteral("/var/lib/callvault/catalog.sqlite"));
    QCOMPARE(config.displayName(), config.sqlitePath);
    QVERIFY(!config.pgConnectionParams().ok());
}

void TestCatalogConfig::parsesFullUrl()
{
    const auto config = CatalogConfig::fromPgUrl(
        QStringLiteral("postgresql://cv%40app:p%3Ass%20w@db.example.com:6543/call%20vault"
                       "?sslmode=verify-full&sslrootcert=/etc/callvault/ca.pem&connect_timeout=5"));
    QVERIFY2(config.ok(), qPrintable(config.errorMessage()));
    QCOMPARE(config->kind, CatalogConfig::Kind::Postgres);
    const auto params = config->pgConnectionParams();
    QVERIFY(params.ok());
    QCOMPARE(params->host, QStringLiteral("db.example.com"));
    QCOMPARE(params->port, 6543);
    QCOMPARE(params->database, QStringLiteral("call vault"));
    QCOMPARE(params->user, QStringLiteral("cv@app"));
    QCOMPARE(params->password, QStringLiteral("p:ss w"));
    QCOMPARE(
        params->connectOptions,
        QStringLiteral("sslmode=verify-full;sslrootcert=/etc/callvault/ca.pem;connect_timeout=5;"
                       "application_name=callvault"));
}

void TestCatalogConfig::passwordFromEnvironment()
{
    qputenv("PGPASSWORD", "from-env");
    const auto withEnv =
        CatalogConfig::fromPgUrl(QStringLiteral("postgres://cv@localhost/callvault"));
    QVERIFY(withEnv.ok());
    QCOMPARE(withEnv->pgConnectionParams()->password, QStringLiteral("from-env"));
    const auto inUrl =
        CatalogConfig::fromPgUrl(QStringLiteral("postgres://cv:secret@localhost/callvault"));
    QCOMPARE(inUrl->pgConnectionParams()->password, QStringLiteral("secret"));
    qunsetenv("PGPASSWORD");
    QCOMPARE(withEnv->pgConnectionParams()->password, QString());
}

void TestCatalogConfig::defaultsPortAndApplicationName()
{
    const auto config = CatalogConfig::fromPgUrl(
        QStringLiteral("postgresql://cv@127.0.0.1/callvault?application_name=recorder-1"));
    QVERIFY(config.ok());
    QCOMPARE(config->pgConnectionParams()->port, 5432);
    QCOMPARE(config->pgConnectionParams()->connectOptions,
             QStringLiteral("application_name=recorder-1"));
}

void TestCatalogConfig::rejectsBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("scheme") << QStringLiteral("mysql://cv@host/db");
    QTest::newRow("no database") << QStringLiteral("postgresql://cv@host/");
    QTest::newRow("no user") << QStringLiteral("postgresql://host/db");
    QTest::newRow("no host") << QStringLiteral("postgresql://cv@/db");
    QTest::newRow("unknown key") << QStringLiteral(
        "postgresql://cv@host/db?sslmode=require&dbname=other");
    QTest::newRow("space in value")
        << QStringLiteral("postgresql://cv@host/db?sslrootcert=/a%20b/ca.pem");
    QTest::newRow("semicolon in value")
        << QStringLiteral("postgresql://cv@host/db?sslmode=require%3Bhost=x");
    QTest::newRow("empty value") << QStringLiteral("postgresql://cv@host/db?sslmode=");
}

void TestCatalogConfig::rejectsBadUrls()
{
    QFETCH(QString, url);
    qunsetenv("PGUSER"); // else "no user" takes it from there
    const auto config = CatalogConfig::fromPgUrl(url);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!config.errorMessage().isEmpty());
}

void TestCatalogConfig::userFromEnvironment()
{
    // site.json of a secured PostgreSQL catalog names no user: each person is their own
    // login role, given like libpq's PGUSER.
    // Read when connecting (like PGPASSWORD), so it must be set then.
    qputenv("PGUSER", "cv_0123abcd_u_00112233aabbccdd");
    const auto config = CatalogConfig::fromPgUrl(
        QStringLiteral("postgresql://db.example:5433/callvault?sslmode=verify-full"));
    QVERIFY2(config.ok(), qPrintable(config.errorMessage()));
    const auto params = config->pgConnectionParams();
    const auto named = CatalogConfig::fromPgUrl(QStringLiteral("postgresql://cv@host/db"));
    qunsetenv("PGUSER");
    QVERIFY(params.ok() && named.ok());
    QCOMPARE(params->user, QStringLiteral("cv_0123abcd_u_00112233aabbccdd"));
    const auto namedParams = named->pgConnectionParams();
    QCOMPARE(namedParams->user, QStringLiteral("cv"));
}

void TestCatalogConfig::displayNameHidesPassword()
{
    const auto config = CatalogConfig::fromPgUrl(
        QStringLiteral("postgresql://cv:hunter2@host:5433/db?sslmode=require"));
    QVERIFY(config.ok());
    QVERIFY(!config->displayName().contains(QLatin1String("hunter2")));
    QVERIFY(config->displayName().contains(QLatin1String("host:5433/db")));
}

QTEST_GUILESS_MAIN(TestCatalogConfig)
#include "tst_catalogconfig.moc"
