// End-to-end with a real PostgreSQL catalog: `init --pg SUPERUSER_URL` (which sets up the
// site's roles and server-side security, docs/postgres-security.md), import, list, export
// and verify through the real callvaultctl. The server comes from tests/tools/with-postgres.sh
// (called by with-services.sh): TLS 1.3 with verify-full, $CALLVAULT_TEST_PG_SUPERUSER_URL.
// Each run works in a fresh database of its own and drops it and the site's roles at the end,
// so reruns and parallel runs never meet.
//
// After init every command logs in as a CallVault user, i.e. as that user's own PostgreSQL
// login role: the admin sets up a team, a recorder and a supervisor; the recorder imports
// (and sees nothing); the supervisor lists, exports and verifies the calls of the team.
#include "ctltesthelpers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include "catalog/migrator.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace ctltest;

namespace {

const QString kAdminConnection = QStringLiteral("ctl-pg-admin");
const QString kCatalogConnection = QStringLiteral("ctl-pg-catalog");

// A QPSQL connection with the URL's TLS parameters (verify-full against the test CA).
QSqlDatabase openPg(const QString &name, const QUrl &url, const QString &database)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(database);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        options << key + u'=' + value;
    db.setConnectOptions(options.join(u';'));
    db.open();
    return db;
}

QString exec(QSqlDatabase db, const QString &sql) // error text, empty on success
{
    QSqlQuery q(db);
    return q.exec(sql) ? QString() : q.lastError().text();
}

QStringList siteRoles(QSqlDatabase db, const QString &prefix)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?) ORDER BY 1"));
    q.addBindValue(prefix);
    QStringList names;
    if (q.exec()) {
        while (q.next())
            names << q.value(0).toString();
    }
    return names;
}

} // namespace

class TestCtlPg final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void initNeedsASuperuser();
    void initSecuresTheCatalog();
    void adminSetsUpTheTeamThroughTheServer();
    void importListExportVerify();
    void rowsAreInThisRunsCatalog();
    void recorderRecordsIntoTheServer();
    void passwordComesFromTheEnvironment();
    void secondSiteOnSameCatalogRefused();
    void upgradeReappliesTheSecurity();

private:
    // The site's environment logged in as `user` (password "Chosen password of <user>", the
    // admin's from init).
    QProcessEnvironment as(const QString &user) const;
    void actAs(const QString &user);

    QUrl m_serverUrl; // CALLVAULT_TEST_PG_SUPERUSER_URL
    QString m_password;
    QString m_name; // our database
    QString m_catalogUrl; // what init gets (the superuser's, with the password)
    QString m_prefix;     // the site's role prefix, from site.json
    std::unique_ptr<CtlSite> m_site;
    QStringList m_ids;
};

void TestCtlPg::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    const QString url = qEnvironmentVariable("CALLVAULT_TEST_PG_SUPERUSER_URL");
    QVERIFY2(!url.isEmpty(),
             "CALLVAULT_TEST_PG_SUPERUSER_URL is not set: run the tests via "
             "tests/tools/with-services.sh (or tests/tools/with-postgres.sh), which start a "
             "throwaway PostgreSQL server");
    QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
             "the Qt PostgreSQL driver (QPSQL) is missing");
    m_serverUrl = QUrl(url);
    m_password = m_serverUrl.password();
    QVERIFY2(!m_password.isEmpty(), "CALLVAULT_TEST_PG_SUPERUSER_URL has no password");

    QSqlDatabase admin = openPg(kAdminConnection, m_serverUrl, m_serverUrl.path().mid(1));
    QVERIFY2(admin.isOpen(), qPrintable(admin.lastError().text()));
    m_name = QStringLiteral("cvctl_%1_%2")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString error = exec(admin, QStringLiteral("CREATE DATABASE %1").arg(m_name));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QUrl catalog = m_serverUrl;
    catalog.setPath(u'/' + m_name);
    m_catalogUrl = catalog.toString(QUrl::FullyEncoded);

    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
}

QProcessEnvironment TestCtlPg::as(const QString &user) const
{
    QProcessEnvironment env = m_site->env();
    env.insert(QStringLiteral("CALLVAULT_USER"), user);
    env.insert(QStringLiteral("CALLVAULT_PASSWORD"),
               user == QLatin1String("admin")
                   ? env.value(QStringLiteral("CALLVAULT_ADMIN_PASSWORD"))
                   : QStringLiteral("Chosen password of ") + user);
    return env;
}

void TestCtlPg::actAs(const QString &user)
{
    m_site->env() = as(user);
}

void TestCtlPg::cleanupTestCase()
{
    m_site.reset();
    {
        QSqlDatabase admin = QSqlDatabase::database(kAdminConnection);
        QSqlDatabase::database(kCatalogConnection, false).close();
        if (admin.isOpen() && !m_name.isEmpty()) {
            exec(admin, QStringLiteral("SET client_min_messages = warning"));
            QString error =
                exec(admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
            if (!error.isEmpty())
                qWarning("could not drop %s: %s", qPrintable(m_name), qPrintable(error));
            // Roles outlive databases: drop this site's (names of the provisioner's making).
            if (!m_prefix.isEmpty()) {
                for (const QString &role : siteRoles(admin, m_prefix + u'_')) {
                    error = exec(admin, QStringLiteral("DROP ROLE \"%1\"").arg(role));
                    if (!error.isEmpty())
                        qWarning("could not drop %s: %s", qPrintable(role), qPrintable(error));
                }
            }
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(kCatalogConnection);
    QSqlDatabase::removeDatabase(kAdminConnection);
}

void TestCtlPg::initNeedsASuperuser()
{
    // The owner role of with-postgres.sh is no superuser: refused before anything is made.
    QUrl owner(qEnvironmentVariable("CALLVAULT_TEST_PG_URL"));
    QVERIFY(!owner.isEmpty());
    CtlSite site;
    QVERIFY(site.isValid());
    const QString before = siteRoles(QSqlDatabase::database(kAdminConnection), QStringLiteral("cv_")).join(u',');
    const RunResult r = site.init({QStringLiteral("--pg"), owner.toString(QUrl::FullyEncoded)});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("which is not a superuser"));
    QVERIFY(!QFile::exists(site.dir() + QStringLiteral("/site.json")));
    QVERIFY(!QFile::exists(site.keyFile()));
    QCOMPARE(siteRoles(QSqlDatabase::database(kAdminConnection), QStringLiteral("cv_")).join(u','),
             before);
}

void TestCtlPg::initSecuresTheCatalog()
{
    const RunResult r = m_site->init({QStringLiteral("--pg"), m_catalogUrl});
    CTL_EXPECT_EXIT(r, 0);
    // site.json and the report name neither user nor password.
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("catalog:      PostgreSQL postgresql://%1:%2/%3?")
                                   .arg(m_serverUrl.host())
                                   .arg(m_serverUrl.port())
                                   .arg(m_name));
    QVERIFY2(!r.out.contains(m_password) && !r.err.contains(m_password),
             "init printed the database password");
    QVERIFY2(!QFile::exists(m_site->dir() + QStringLiteral("/catalog.sqlite")),
             "a PostgreSQL site has no SQLite file");
    const QByteArray json = readFile(m_site->dir() + QStringLiteral("/site.json"));
    QVERIFY(!json.isEmpty());
    QVERIFY2(!json.contains(m_password.toUtf8()), "site.json holds the database password");
    QVERIFY2(!json.contains("postgres@"), "site.json names the superuser");
    const QJsonObject catalog =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("catalog")).toObject();
    QCOMPARE(catalog.value(QStringLiteral("kind")).toString(), QStringLiteral("postgres"));
    QVERIFY2(catalog.value(QStringLiteral("location")).toString().contains(m_name), json.constData());
    m_prefix = catalog.value(QStringLiteral("pgRolePrefix")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^cv_[0-9a-f]{8}$")).match(m_prefix).hasMatch(),
             json.constData());
    QCOMPARE(catalog.value(QStringLiteral("pgGatePassword")).toString().size(), 64);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("login role:   %1_u_").arg(m_prefix));

    // The roles exist, the owner owns the database and the tables, and the admin's login
    // role is a member of the app role.
    QSqlDatabase admin = QSqlDatabase::database(kAdminConnection);
    const QStringList roles = siteRoles(admin, m_prefix + u'_');
    for (const QString &suffix : {QStringLiteral("_owner"), QStringLiteral("_app"), QStringLiteral("_gate")})
        QVERIFY2(roles.contains(m_prefix + suffix), qPrintable(roles.join(u',')));
    QCOMPARE(roles.size(), 4);
    QSqlDatabase catalogDb = openPg(kCatalogConnection, m_serverUrl, m_name);
    QVERIFY2(catalogDb.isOpen(), qPrintable(catalogDb.lastError().text()));
    QSqlQuery q(catalogDb);
    QVERIFY2(q.exec(QStringLiteral("SELECT pg_get_userbyid(d.datdba), "
                                   "(SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables "
                                   " WHERE schemaname = 'public'), "
                                   "(SELECT count(*) FROM users WHERE db_role IS NOT NULL) "
                                   "FROM pg_database d WHERE d.datname = current_database()")) &&
                 q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toString(), m_prefix + QStringLiteral("_owner"));
    QCOMPARE(q.value(1).toString(), m_prefix + QStringLiteral("_owner"));
    QCOMPARE(q.value(2).toInt(), 1);
}

void TestCtlPg::adminSetsUpTheTeamThroughTheServer()
{
    const QProcessEnvironment admin = as(QStringLiteral("admin"));
    const auto run = [&](const QStringList &args, const QProcessEnvironment &env) {
        return m_site->ctl(args, env);
    };
    CTL_EXPECT_EXIT(run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("Team One"),
                         QStringLiteral("--id"), QStringLiteral("T1")},
                        admin),
                    0);
    for (const QString &agent : {QStringLiteral("7001"), QStringLiteral("7002")})
        CTL_EXPECT_EXIT(run({QStringLiteral("team"), QStringLiteral("assign-agent"), agent,
                             QStringLiteral("T1")},
                            admin),
                        0);
    const QString temporary = m_site->scratch(QStringLiteral("temporary-password"));
    QFile file(temporary);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("Temporary password 1\n") > 0);
    file.close();
    const struct
    {
        QString name;
        QStringList extra;
    } users[] = {{QStringLiteral("rec"), {QStringLiteral("--role"), QStringLiteral("recorder")}},
                 {QStringLiteral("sup"),
                  {QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--team"),
                   QStringLiteral("T1")}}};
    for (const auto &user : users) {
        CTL_EXPECT_EXIT(run(QStringList{QStringLiteral("user"), QStringLiteral("add"), user.name,
                                        QStringLiteral("--new-password-file"), temporary} +
                                user.extra,
                            admin),
                        0);
        // The first log-in must change the temporary password.
        QProcessEnvironment first = as(user.name);
        const QString chosen = first.value(QStringLiteral("CALLVAULT_PASSWORD"));
        first.insert(QStringLiteral("CALLVAULT_PASSWORD"), QStringLiteral("Temporary password 1"));
        RunResult r = run({QStringLiteral("list")}, first);
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("must change their password first"));
        first.insert(QStringLiteral("CALLVAULT_NEW_PASSWORD"), chosen);
        CTL_EXPECT_EXIT(run({QStringLiteral("user"), QStringLiteral("passwd")}, first), 0);
    }
    // The admin manages users but may not list recordings: the server shows none.
    actAs(QStringLiteral("admin"));
    RunResult adminList;
    QCOMPARE(m_site->recordingCount(&adminList), 0);
}

void TestCtlPg::importListExportVerify()
{
    actAs(QStringLiteral("rec"));
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
    // The recorder adds calls but can neither list nor export them.
    QCOMPARE(m_site->recordingCount(), 0);
    RunResult refused =
        m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_ids.at(0), m_site->scratch(QStringLiteral("x.opus"))});
    CTL_EXPECT_EXIT(refused, 1);
    QVERIFY(!QFile::exists(m_site->scratch(QStringLiteral("x.opus"))));

    actAs(QStringLiteral("sup"));
    RunResult list;
    QCOMPARE(m_site->recordingCount(&list), 2);
    for (int i = 0; i < 2; ++i) {
        const QString line = listLine(list, m_ids.at(i));
        CTL_EXPECT_CONTAINS(line, calls[i].agent);
        CTL_EXPECT_CONTAINS(line, calls[i].phone);
    }

    const QString opus = m_site->scratch(QStringLiteral("pg.opus"));
    RunResult r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_ids.at(0), opus});
    CTL_EXPECT_EXIT(r, 0);
    Probe probe = ffprobe(opus);
    QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
    QCOMPARE(probe.firstStream().value(QStringLiteral("codec_name")).toString(),
             QStringLiteral("opus"));
    QCOMPARE(probe.firstStream().value(QStringLiteral("channels")).toInt(), 2);

    const QString wav = m_site->scratch(QStringLiteral("pg.wav"));
    r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), m_ids.at(1), wav});
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
    QSqlDatabase db = QSqlDatabase::database(kCatalogConnection);
    QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM recordings")) && q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM recording_keys")) && q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY2(q.exec(QStringLiteral("SELECT action, count(*) FROM audit GROUP BY action")),
             qPrintable(q.lastError().text()));
    QMap<QString, int> actions;
    while (q.next())
        actions.insert(q.value(0).toString(), q.value(1).toInt());
    QCOMPARE(actions.value(QStringLiteral("site.init")), 1);
    QCOMPARE(actions.value(QStringLiteral("recording.create")), 2);
    // The server's row for each key release, and the program's row with the file.
    QCOMPARE(actions.value(QStringLiteral("recording.export")), 2);
    QCOMPARE(actions.value(QStringLiteral("recording.export.file")), 2);
    QVERIFY2(q.exec(QStringLiteral("SELECT DISTINCT actor FROM audit WHERE action LIKE "
                                   "'recording.%' ORDER BY 1")),
             qPrintable(q.lastError().text()));
    QStringList actors;
    while (q.next())
        actors << q.value(0).toString();
    QCOMPARE(actors, (QStringList{QStringLiteral("rec"), QStringLiteral("sup")}));
}

void TestCtlPg::recorderRecordsIntoTheServer()
{
    // callvault-recorder on the server-enforced catalog, logged in as the recorder user `rec`
    // (role recorder: adds recordings, keys and captured_calls, reads nothing back), replays a
    // real sipp call (A-law speech, an RFC 2833 digit) captured on the loopback interface.
    const QString recorder = qEnvironmentVariable("CALLVAULT_BUILD_DIR") + QStringLiteral("/app/recorder/callvault-recorder");
    QVERIFY2(QFile::exists(recorder), qPrintable(recorder));
    const QString passwordFile = m_site->scratch(QStringLiteral("rec-password"));
    QFile password(passwordFile);
    QVERIFY(password.open(QIODevice::WriteOnly) && password.write("Chosen password of rec\n") > 0);
    password.close();
    const QString config = m_site->scratch(QStringLiteral("recorder.conf"));
    QFile conf(config);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("[recorder]\nname = pg-recorder\nsite = %1\nwarn_free_mb = 0\nmin_free_mb = 0\n"
                              "[catalog]\nuser = rec\npassword_file = %2\n")
                   .arg(m_site->dir(), passwordFile)
                   .toUtf8());
    conf.close();
    const RunResult r = run(recorder,
                            {QStringLiteral("--config"), config, QStringLiteral("--pcap"),
                             qEnvironmentVariable("CALLVAULT_TEST_DATA") + QStringLiteral("/recorder/sipp-pcma-dtmf.pcap")},
                            m_site->env(), 60000);
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("calls cataloged: 1"));

    QSqlDatabase db = QSqlDatabase::database(kCatalogConnection);
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("SELECT completeness, agent_id, customer_phone, node, details, "
                                   "recording_id IS NOT NULL FROM captured_calls")) && q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toString(), QStringLiteral("complete"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("1001"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("+8613800138000"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("pg-recorder"));
    QVERIFY2(q.value(4).toString().contains(QStringLiteral("dtmf")), qPrintable(q.value(4).toString()));
    QVERIFY(q.value(5).toBool());
    QVERIFY(!q.next());
    QVERIFY2(q.exec(QStringLiteral("SELECT r.sample_rate, r.channels, a.actor FROM recordings r JOIN captured_calls c "
                                   "ON c.recording_id = r.id JOIN audit a ON a.target = r.id::text "
                                   "AND a.action = 'recording.create'")) && q.next(),
             qPrintable(q.lastError().text()));
    QCOMPARE(q.value(0).toInt(), 8000);
    QCOMPARE(q.value(1).toInt(), 2);
    QCOMPARE(q.value(2).toString(), QStringLiteral("rec"));
}

void TestCtlPg::passwordComesFromTheEnvironment()
{
    // No name: the command says how to give one. A wrong password or an unknown name: one
    // answer, and no database text.
    QProcessEnvironment env = m_site->env();
    env.remove(QStringLiteral("CALLVAULT_USER"));
    RunResult r = m_site->ctl({QStringLiteral("list")}, env);
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("--user NAME or $CALLVAULT_USER"));
    for (const QString &user : {QStringLiteral("sup"), QStringLiteral("nobody")}) {
        env = as(user);
        env.insert(QStringLiteral("CALLVAULT_PASSWORD"), QStringLiteral("not the password"));
        r = m_site->ctl({QStringLiteral("list")}, env);
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("The user name or password is wrong."));
        QVERIFY2(!r.err.contains(QStringLiteral("FATAL")) && !r.err.contains(m_prefix),
                 qPrintable(r.err));
    }
}

void TestCtlPg::secondSiteOnSameCatalogRefused()
{
    QSqlDatabase admin = QSqlDatabase::database(kAdminConnection);
    const QStringList rolesBefore = siteRoles(admin, QStringLiteral("cv_"));
    CtlSite second;
    QVERIFY(second.isValid());
    const RunResult r = second.init({QStringLiteral("--pg"), m_catalogUrl});
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("already belongs to a site"));
    QVERIFY(!QFile::exists(second.dir() + QStringLiteral("/site.json")));
    QVERIFY(!QFile::exists(second.keyFile()));
    QCOMPARE(siteRoles(admin, QStringLiteral("cv_")), rolesBefore);
    QCOMPARE(m_site->recordingCount(), 2);
}

void TestCtlPg::upgradeReappliesTheSecurity()
{
    // On a current catalog: no migration, the security SQL applied again, nothing lost.
    RunResult r = m_site->ctl({QStringLiteral("upgrade"), QStringLiteral("--pg"), m_catalogUrl});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("schema version %1 -> %1").arg(cv::Migrator::latestVersion()));
    CTL_EXPECT_CONTAINS(r.out, m_prefix + QStringLiteral("_*"));
    QVERIFY2(!r.out.contains(m_password), "upgrade printed the password");
    QCOMPARE(m_site->recordingCount(), 2);
    r = m_site->ctl({QStringLiteral("upgrade")});
    CTL_EXPECT_EXIT(r, 2);
}

QTEST_GUILESS_MAIN(TestCtlPg)
#include "test_ctl_pg.moc"
