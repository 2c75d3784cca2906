// End-to-end with a real PostgreSQL catalog: `init --pg`, import, list, export and verify
// through the real callvaultctl. CALLVAULT_TEST_PG_URL comes from tests/tools/with-postgres.sh
// (called by with-services.sh). Each run works in its own fresh database when the test role
// may create one, else in its own fresh schema, and drops it at the end, so reruns and
// parallel runs never meet.
#include "ctltesthelpers.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace ctltest;

namespace {

const QString kAdminConnection = QStringLiteral("ctl-pg-admin");
const QString kCatalogConnection = QStringLiteral("ctl-pg-catalog");

QSqlDatabase openPg(const QString &name, const QUrl &url, const QString &database)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(database);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.open();
    return db;
}

QString exec(QSqlDatabase db, const QString &sql) // error text, empty on success
{
    QSqlQuery q(db);
    return q.exec(sql) ? QString() : q.lastError().text();
}

} // namespace

class TestCtlPg final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void initStoresNoPassword();
    void importListExportVerify();
    void rowsAreInThisRunsCatalog();
    void passwordComesFromTheEnvironment();
    void secondSiteOnSameCatalogRefused();

private:
    QUrl m_serverUrl; // CALLVAULT_TEST_PG_URL
    QString m_password;
    QString m_name; // our database or schema
    bool m_ownDatabase = false;
    QString m_catalogUrl; // what init gets (with the password)
    std::unique_ptr<CtlSite> m_site;
    QStringList m_ids;
};

void TestCtlPg::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    const QString url = qEnvironmentVariable("CALLVAULT_TEST_PG_URL");
    QVERIFY2(!url.isEmpty(),
             "CALLVAULT_TEST_PG_URL is not set: run the tests via tests/tools/with-services.sh (or "
             "tests/tools/with-postgres.sh), which start a throwaway PostgreSQL server");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver (QPSQL) is missing");
    m_serverUrl = QUrl(url);
    m_password = m_serverUrl.password();
    QVERIFY2(!m_password.isEmpty(), "CALLVAULT_TEST_PG_URL has no password");
    const QString serverDb = m_serverUrl.path().mid(1);

    QSqlDatabase admin = openPg(kAdminConnection, m_serverUrl, serverDb);
    QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
    QSqlQuery q(admin);
    QVERIFY2(
        q.exec(QStringLiteral("SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user")) &&
            q.next(),
        qPrintable(q.lastError().text()));
    m_ownDatabase = q.value(0).toBool();
    m_name = QStringLiteral("cvctl_%1_%2")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));

    QUrl catalog = m_serverUrl;
    if (m_ownDatabase) {
        const QString error = exec(admin, QStringLiteral("CREATE DATABASE %1").arg(m_name));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        catalog.setPath(u'/' + m_name);
    } else {
        // The role of with-postgres.sh has no CREATEDB but owns its database: a schema of our
        // own, selected through libpq's `options`, isolates this run just as well.
        qInfo("the PostgreSQL test role may not create databases; using the fresh schema %s",
              qPrintable(m_name));
        const QString error = exec(admin, QStringLiteral("CREATE SCHEMA %1").arg(m_name));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Keep the TLS parameters (sslmode, sslrootcert) of the server URL.
        const QString tls = catalog.query(QUrl::FullyEncoded);
        catalog.setQuery((tls.isEmpty() ? QString() : tls + u'&') +
                         QStringLiteral("options=-csearch_path%3D") + m_name);
    }
    m_catalogUrl = catalog.toString(QUrl::FullyEncoded);

    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    m_site->env().insert(QStringLiteral("PGPASSWORD"), m_password);
}

void TestCtlPg::cleanupTestCase()
{
    m_site.reset();
    {
        QSqlDatabase admin = QSqlDatabase::database(kAdminConnection);
        if (admin.isOpen() && !m_name.isEmpty()) {
            const QString error = exec(
                admin, m_ownDatabase
                           ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)
                           : QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_name));
            if (!error.isEmpty())
                qWarning("could not drop %s: %s", qPrintable(m_name), qPrintable(error));
        }
        QSqlDatabase::database(kCatalogConnection, false).close();
        admin.close();
    }
    QSqlDatabase::removeDatabase(kCatalogConnection);
    QSqlDatabase::removeDatabase(kAdminConnection);
}

void TestCtlPg::initStoresNoPassword()
{
    const RunResult r = m_site->init({QStringLiteral("--pg"), m_catalogUrl});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("catalog:      PostgreSQL postgresql://%1@%2:%3/")
                                   .arg(m_serverUrl.userName(), m_serverUrl.host())
                                   .arg(m_serverUrl.port()));
    QVERIFY2(!r.out.contains(m_password) && !r.err.contains(m_password),
             "init printed the database password");
    QVERIFY2(!QFile::exists(m_site->dir() + QStringLiteral("/catalog.sqlite")),
             "a PostgreSQL site has no SQLite file");

    const QByteArray json = readFile(m_site->dir() + QStringLiteral("/site.json"));
    QVERIFY(!json.isEmpty());
    QVERIFY2(!json.contains(m_password.toUtf8()), "site.json holds the database password");
    QVERIFY2(json.contains("postgres"), json.constData());
    QVERIFY2(json.contains(m_name.toUtf8()), "site.json does not name this run's catalog");
}

void TestCtlPg::importListExportVerify()
{
    const struct
    {
        int rate, channels;
        QString agent, phone;
    } calls[] = {{16000, 2, QStringLiteral("7001"), QStringLiteral("13900139001")},
                 {8000, 1, QStringLiteral("7002"), QStringLiteral("13900139002")}};
    for (const auto &call : calls) {
        RunResult r;
        const QString id = m_site->importSine(
            call.rate, call.channels, 2000,
            {QStringLiteral("--agent"), call.agent, QStringLiteral("--phone"), call.phone}, &r);
        CTL_EXPECT_EXIT(r, 0);
        QVERIFY2(!id.isEmpty(), qPrintable(r.describe()));
        m_ids << id;
    }

    RunResult list;
    QCOMPARE(m_site->recordingCount(&list), 2);
    for (int i = 0; i < 2; ++i) {
        const QString line = listLine(list, m_ids.at(i));
        CTL_EXPECT_CONTAINS(line, calls[i].agent);
        CTL_EXPECT_CONTAINS(line, calls[i].phone);
    }

    const QString opus = m_site->scratch(QStringLiteral("pg.opus"));
    RunResult r = m_site->ctl({QStringLiteral("export"), m_ids.at(0), opus});
    CTL_EXPECT_EXIT(r, 0);
    Probe probe = ffprobe(opus);
    QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
    QCOMPARE(probe.firstStream().value(QStringLiteral("codec_name")).toString(),
             QStringLiteral("opus"));
    QCOMPARE(probe.firstStream().value(QStringLiteral("channels")).toInt(), 2);

    const QString wav = m_site->scratch(QStringLiteral("pg.wav"));
    r = m_site->ctl({QStringLiteral("export"), m_ids.at(1), wav});
    CTL_EXPECT_EXIT(r, 0);
    const PcmWav pcm = readPcmWav(wav);
    QVERIFY2(pcm.ok, qPrintable(pcm.problem));
    QCOMPARE(pcm.rate, 8000);
    QCOMPARE(pcm.frames(), qint64(16000));

    r = m_site->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 recordings verified: 2 ok, 0 failed"));
}

void TestCtlPg::rowsAreInThisRunsCatalog()
{
    QSqlDatabase db = m_ownDatabase ? openPg(kCatalogConnection, m_serverUrl, m_name)
                                    : QSqlDatabase::database(kAdminConnection);
    QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
    const QString prefix = m_ownDatabase ? QString() : m_name + u'.';
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1recordings").arg(prefix)) && q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1recording_keys").arg(prefix)) &&
                 q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY2(
        q.exec(QStringLiteral("SELECT action, count(*) FROM %1audit GROUP BY action").arg(prefix)),
        qPrintable(q.lastError().text()));
    QMap<QString, int> actions;
    while (q.next())
        actions.insert(q.value(0).toString(), q.value(1).toInt());
    QCOMPARE(actions.value(QStringLiteral("site.init")), 1);
    QCOMPARE(actions.value(QStringLiteral("recording.create")), 2);
    QCOMPARE(actions.value(QStringLiteral("recording.export")), 2);
}

void TestCtlPg::passwordComesFromTheEnvironment()
{
    QProcessEnvironment env = m_site->env();
    env.remove(QStringLiteral("PGPASSWORD"));
    const RunResult r = m_site->ctl({QStringLiteral("list")}, env);
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Could not connect to the PostgreSQL catalog"));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("PGPASSWORD"));
    QVERIFY2(!r.err.contains(m_password), "the error message shows the password");
}

void TestCtlPg::secondSiteOnSameCatalogRefused()
{
    CtlSite second;
    QVERIFY(second.isValid());
    second.env().insert(QStringLiteral("PGPASSWORD"), m_password);
    const RunResult r = second.init({QStringLiteral("--pg"), m_catalogUrl});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("already belongs to a site"));
    QVERIFY(!QFile::exists(second.dir() + QStringLiteral("/site.json")));
    QVERIFY(!QFile::exists(second.keyFile()));
    QCOMPARE(m_site->recordingCount(), 2);
}

QTEST_GUILESS_MAIN(TestCtlPg)
#include "test_ctl_pg.moc"
