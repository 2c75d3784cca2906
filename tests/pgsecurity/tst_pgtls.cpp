// The test server of tests/tools/with-postgres.sh speaks TLS 1.3 only and refuses
// connections without TLS on TCP (docs/postgres-security.md, "TLS"), and the catalog's own
// connections verify the server certificate against the throwaway CA (verify-full).
#include "catalog/catalogconfig.h"
#include "catalog/database.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

using namespace cv;

namespace {

// A libpq connection with the given TLS options (QPSQL connect options) as the test's
// owner role; the caller closes it.
QSqlDatabase connectWith(const QString &name, const QString &options)
{
    const QUrl url(qEnvironmentVariable("CALLVAULT_TEST_PG_URL"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(url.path().mid(1));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setConnectOptions(options);
    db.open();
    return db;
}

} // namespace

class TestPgTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void catalogConnectionsUseTls13();
    void connectionWithoutTlsIsRefused();
    void olderTlsIsRefused();
    void serverCertificateIsVerified();
};

void TestPgTls::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CALLVAULT_TEST_PG_URL"),
             "CALLVAULT_TEST_PG_URL is not set: run through tests/tools/with-services.sh");
    QVERIFY2(QFile::exists(qEnvironmentVariable("CALLVAULT_TEST_PG_CA")),
             "CALLVAULT_TEST_PG_CA names no file");
    const QUrlQuery query(QUrl(qEnvironmentVariable("CALLVAULT_TEST_PG_URL")));
    QCOMPARE(query.queryItemValue(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
}

void TestPgTls::catalogConnectionsUseTls13()
{
    auto config = CatalogConfig::fromPgUrl(qEnvironmentVariable("CALLVAULT_TEST_PG_URL"));
    QVERIFY2(config.ok(), qPrintable(config.errorMessage()));
    auto db = Database::open(config.value());
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    QSqlQuery query(db.value()->connection());
    QVERIFY2(query.exec(QStringLiteral(
                 "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                 query.next(),
             qPrintable(query.lastError().text()));
    QVERIFY(query.value(0).toBool());
    QCOMPARE(query.value(1).toString(), QStringLiteral("TLSv1.3"));
}

void TestPgTls::connectionWithoutTlsIsRefused()
{
    {
        QSqlDatabase plain = connectWith(QStringLiteral("plain"), QStringLiteral("sslmode=disable"));
        QVERIFY(!plain.isOpen());
        QVERIFY2(plain.lastError().text().contains(QLatin1String("no encryption")),
                 qPrintable(plain.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
}

void TestPgTls::olderTlsIsRefused()
{
    {
        QSqlDatabase old = connectWith(
            QStringLiteral("tls12"), QStringLiteral("sslmode=require;ssl_max_protocol_version=TLSv1.2"));
        QVERIFY(!old.isOpen());
        QVERIFY2(old.lastError().text().contains(QLatin1String("protocol version")),
                 qPrintable(old.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tls12"));
}

void TestPgTls::serverCertificateIsVerified()
{
    // Another CA (a certificate libpq has never seen) must not be accepted with verify-full.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString otherCa = dir.filePath(QStringLiteral("other-ca.pem"));
    const int made = QProcess::execute(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
         QStringLiteral("/CN=Other CA"), QStringLiteral("-keyout"),
         dir.filePath(QStringLiteral("other-ca.key")), QStringLiteral("-out"), otherCa});
    QCOMPARE(made, 0);
    {
        QSqlDatabase wrong = connectWith(
            QStringLiteral("wrongca"),
            QStringLiteral("sslmode=verify-full;sslrootcert=") + otherCa);
        QVERIFY(!wrong.isOpen());
        QVERIFY2(wrong.lastError().text().contains(QLatin1String("certificate verify failed")),
                 qPrintable(wrong.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("wrongca"));
}

QTEST_GUILESS_MAIN(TestPgTls)
#include "tst_pgtls.moc"
