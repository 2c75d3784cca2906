// Log-in, lockout and accounts on a secured PostgreSQL catalog (docs/postgres-security.md):
// the app logs in as the user's own login role over TLS 1.3 and never needs the owner;
// failed log-ins counted by the gate lock the login role and an expired lock is lifted
// ('retry'); unknown names get the same answers; the account functions and the users
// trigger keep UserAdmin's rules; the provisioner refuses what it must and leaves nothing
// behind when it fails; `upgrade` re-applies the security SQL, also to a table that a
// migration adds.
#include "catalog/migrator.h"
#include "catalog/pgpassword.h"
#include "catalog/pgsecurityprovisioner.h"
#include "securedcatalog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

namespace {

QString outcome(Database &db, const QString &sql, const QVariantList &values = {})
{
    return SecuredCatalog::outcome(db, sql, values);
}

} // namespace

class TestPgAccounts final : public QObject
{
    Q_OBJECT

private:
    QString gate(const QString &name);
    QStringList auditOf(const QString &target, qint64 afterId);
    qint64 lastAuditId();

    std::unique_ptr<SecuredCatalog> m_catalog;
    std::unique_ptr<Database> m_gate;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void appLogsInAsTheUserOverTls13();
    void failedLogInsLockTheLoginRole();
    void unknownNamesGetTheSameAnswers();
    void gateCanOnlyCountFailures();
    void accountFunctionsFollowUserAdminRules();
    void directChangesOfUsersAreGuarded();
    void provisioningRefusesAndLeavesNothing();
    void upgradeReappliesTheSecurity();
    void upgradeGivesANewTableItsSecurity();
};

void TestPgAccounts::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE settings SET value = '3' WHERE key = 'lockout.max_failures'")).ok());
    QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0)")).ok());
    auto gate = m_catalog->connect(m_catalog->gateRole(), m_catalog->gatePassword());
    QVERIFY2(gate.ok(), qPrintable(gate.errorMessage()));
    m_gate = gate.takeValue();
}

void TestPgAccounts::cleanupTestCase()
{
    m_gate.reset();
    m_catalog.reset();
}

QString TestPgAccounts::gate(const QString &name)
{
    return outcome(*m_gate, QStringLiteral("SELECT cv_login_failed(?, 'ws-9', 'tst_pgaccounts')"),
                   {name});
}

qint64 TestPgAccounts::lastAuditId()
{
    return m_catalog->scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit"))->toLongLong();
}

// "action result details" of the audit rows about `target` after `afterId`, in order.
QStringList TestPgAccounts::auditOf(const QString &target, qint64 afterId)
{
    QSqlQuery query(m_catalog->superuser().connection());
    query.prepare(QStringLiteral("SELECT action, result, details, actor FROM audit "
                                 "WHERE target = ? AND id > ? ORDER BY id"));
    query.addBindValue(target);
    query.addBindValue(afterId);
    QStringList rows;
    if (query.exec()) {
        while (query.next())
            rows << QStringLiteral("%1 %2 %3")
                        .arg(query.value(0).toString(), query.value(1).toString(),
                             query.value(2).toString());
    }
    return rows;
}

void TestPgAccounts::appLogsInAsTheUserOverTls13()
{
    auto admin = m_catalog->connectAs(QStringLiteral("admin"));
    QVERIFY2(admin.ok(), qPrintable(admin.errorMessage()));
    Database &db = *admin.value();
    const QString role = m_catalog->loginRole(QStringLiteral("admin"));
    QCOMPARE(outcome(db, QStringLiteral("SELECT name || ' ' || role || ' ' || scope FROM cv_whoami()")),
             QStringLiteral("admin admin all"));
    QCOMPARE(outcome(db, QStringLiteral("SELECT session_user || ' ' || current_user")),
             role + u' ' + role);
    QCOMPARE(outcome(db, QStringLiteral("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")),
             QStringLiteral("TLSv1.3"));
    QCOMPARE(outcome(db, QStringLiteral("SELECT status FROM cv_login_succeeded('ws-1', 'tst')")),
             QStringLiteral("ok"));
    // Not the owner, not a superuser, no way to become either, nothing to create.
    QCOMPARE(outcome(db, QStringLiteral("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")),
             QStringLiteral("false"));
    QCOMPARE(outcome(db, QStringLiteral("SET ROLE %1").arg(PgSecurityProvisioner::ownerRole(m_catalog->prefix()))),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("CREATE TABLE mine (x int)")), QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("CREATE TEMP TABLE mine (x int)")), QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'")),
             QStringLiteral("error 42501"));
    // Becoming the app role changes nothing: the mapping is by session_user.
    QCOMPARE(outcome(db, QStringLiteral("SET ROLE %1").arg(PgSecurityProvisioner::appRole(m_catalog->prefix()))),
             QString());
    QCOMPARE(outcome(db, QStringLiteral("SELECT name FROM cv_whoami()")), QStringLiteral("admin"));
}

void TestPgAccounts::failedLogInsLockTheLoginRole()
{
    auto id = m_catalog->addUser(QStringLiteral("lena"), QStringLiteral("agent"));
    QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    const QString role = m_catalog->loginRole(QStringLiteral("lena"));
    const qint64 before = lastAuditId();

    auto wrong = m_catalog->connect(role, QByteArrayLiteral("not-her-password"));
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.errorMessage().contains(QLatin1String("password authentication failed")),
             qPrintable(wrong.errorMessage()));
    QCOMPARE(gate(QStringLiteral("lena")), QStringLiteral("wrong"));
    QCOMPARE(gate(QStringLiteral("lena")), QStringLiteral("wrong"));
    QCOMPARE(gate(QStringLiteral("lena")), QStringLiteral("locked"));
    // Locked: the right password no longer logs in.
    auto locked = m_catalog->connectAs(QStringLiteral("lena"));
    QVERIFY(!locked.ok());
    QVERIFY2(locked.errorMessage().contains(QLatin1String("not permitted to log in")),
             qPrintable(locked.errorMessage()));
    QCOMPARE(gate(QStringLiteral("lena")), QStringLiteral("locked"));
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {role})->toBool(),
             false);

    // The lock expires: the next failure report lifts it and says to try once more.
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE users SET locked_until_ms = 1 WHERE name = 'lena'")).ok());
    QCOMPARE(gate(QStringLiteral("lena")), QStringLiteral("retry"));
    auto back = m_catalog->connectAs(QStringLiteral("lena"));
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(outcome(*back.value(), QStringLiteral("SELECT status || ' ' || must_change_password FROM cv_login_succeeded('ws-9', 'tst')")),
             QStringLiteral("ok false"));

    const QStringList expected = {
        QStringLiteral("auth.login denied {\"failures\":1,\"reason\":\"wrong password\"}"),
        QStringLiteral("auth.login denied {\"failures\":2,\"reason\":\"wrong password\"}"),
        QStringLiteral("auth.login denied {\"failures\":3,\"reason\":\"wrong password\"}"),
        QStringLiteral("auth.lockout denied {\"failures\":3,\"minutes\":30}"),
        QStringLiteral("auth.login denied {\"reason\":\"account locked\"}"),
        QStringLiteral("auth.unlock allowed {\"reason\":\"lockout expired\"}"),
        QStringLiteral("auth.login allowed {\"mustChangePassword\":false,\"role\":\"agent\"}"),
    };
    QCOMPARE(auditOf(QStringLiteral("lena"), before), expected);
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT failed_logins || ' ' || (locked_until_ms IS NULL) || ' ' || (last_login_ms > 0) FROM users WHERE name = 'lena'"))->toString(),
             QStringLiteral("0 true true"));
}

void TestPgAccounts::unknownNamesGetTheSameAnswers()
{
    const qint64 before = lastAuditId();
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("wrong"));
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("wrong"));
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("locked"));
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("locked"));
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE login_throttle SET locked_until_ms = 1")).ok());
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("retry"));
    QCOMPARE(gate(QStringLiteral("ghost")), QStringLiteral("wrong"));
    const QStringList rows = auditOf(QStringLiteral("ghost"), before);
    QCOMPARE(rows.size(), 7);
    QCOMPARE(rows.at(0), QStringLiteral("auth.login denied {\"reason\":\"unknown user\"}"));
    QCOMPARE(rows.at(3), QStringLiteral("auth.lockout denied {\"failures\":3,\"minutes\":30}"));
    QCOMPARE(rows.at(4), QStringLiteral("auth.login denied {\"reason\":\"name locked\"}"));
    QCOMPARE(rows.at(5), QStringLiteral("auth.unlock allowed {\"reason\":\"lockout expired\"}"));
    // Keyed by the SHA-256 of the name, like cv::LoginThrottle.
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT failures FROM login_throttle WHERE name_key = encode(sha256('ghost'), 'hex')"))->toInt(),
             1);
}

void TestPgAccounts::gateCanOnlyCountFailures()
{
    Database &g = *m_gate;
    for (const QString &sql :
         {QStringLiteral("SELECT count(*) FROM users"), QStringLiteral("SELECT count(*) FROM audit"),
          QStringLiteral("SELECT count(*) FROM login_throttle"),
          QStringLiteral("SELECT count(*) FROM settings"), QStringLiteral("SELECT * FROM cv_whoami()"),
          QStringLiteral("SELECT cv_audit_append('x.y', 't', '{}', true, '', '')"),
          QStringLiteral("SELECT cv_login_succeeded('h', 'p')"),
          QStringLiteral("SELECT cv_make_login(1, 'SCRAM-SHA-256$4096:YQ==$YQ==:YQ==')"),
          QStringLiteral("UPDATE users SET failed_logins = 0")})
        QVERIFY2(outcome(g, sql) == QLatin1String("error 42501"), qPrintable(sql + u' ' + outcome(g, sql)));
}

void TestPgAccounts::accountFunctionsFollowUserAdminRules()
{
    auto olgaId = m_catalog->addUser(QStringLiteral("olga"), QStringLiteral("agent"));
    QVERIFY2(olgaId.ok(), qPrintable(olgaId.errorMessage()));
    auto supId = m_catalog->addUser(QStringLiteral("sven"), QStringLiteral("supervisor"), {QStringLiteral("T1")});
    QVERIFY2(supId.ok(), qPrintable(supId.errorMessage()));
    auto admin = m_catalog->connectAs(QStringLiteral("admin"));
    auto sven = m_catalog->connectAs(QStringLiteral("sven"));
    QVERIFY(admin.ok() && sven.ok());
    const QString olgaRole = m_catalog->loginRole(QStringLiteral("olga"));
    auto verifierFor = [&](const QByteArray &password) {
        return pgpassword::scramVerifier(admin.value()->connection(), olgaRole, password).value();
    };
    const qint64 before = lastAuditId();

    // users.manage is needed; passwords only as verifiers.
    QCOMPARE(outcome(*sven.value(), QStringLiteral("SELECT cv_set_password(?, ?, true)"),
                     {olgaId.value(), verifierFor("NewPassword123")}),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_set_password(?, 'Plain-Text-Password', true)"),
                     {olgaId.value()}),
             QStringLiteral("error 22023"));
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_create_login(?, ?)"),
                     {olgaId.value(), verifierFor("Again123456")}),
             QStringLiteral("error 42710")); // she has one already

    // A reset by the admin: a temporary password that must be changed.
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_set_password(?, ?, true)::text"),
                     {olgaId.value(), verifierFor("Temporary123")}),
             QString());
    auto olga = m_catalog->connect(olgaRole, QByteArrayLiteral("Temporary123"));
    QVERIFY2(olga.ok(), qPrintable(olga.errorMessage()));
    // Until she changes it she holds no permission at all.
    QCOMPARE(outcome(*olga.value(), QStringLiteral("SELECT cv_has_permission('recording.search')")),
             QStringLiteral("false"));
    QCOMPARE(outcome(*olga.value(), QStringLiteral("SELECT cv_set_password(?, ?, true)::text"),
                     {olgaId.value(), verifierFor("Mine12345678")}),
             QStringLiteral("error 22023"));
    QCOMPARE(outcome(*olga.value(), QStringLiteral("SELECT cv_set_password(?, ?, false)::text"),
                     {olgaId.value(), verifierFor("Mine12345678")}),
             QString());
    QCOMPARE(outcome(*olga.value(), QStringLiteral("SELECT cv_has_permission('recording.search')")),
             QStringLiteral("true"));
    QVERIFY(!m_catalog->connect(olgaRole, QByteArrayLiteral("Temporary123")).ok());

    // Disabled: no new log-in, and the open session loses every permission at once.
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_set_login_enabled(?, false)::text"),
                     {olgaId.value()}),
             QString());
    QVERIFY(!m_catalog->connect(olgaRole, QByteArrayLiteral("Mine12345678")).ok());
    QCOMPARE(outcome(*olga.value(), QStringLiteral("SELECT cv_has_permission('recording.search')")),
             QStringLiteral("false"));
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_set_login_enabled(?, true)::text"),
                     {olgaId.value()}),
             QString());
    QVERIFY(m_catalog->connect(olgaRole, QByteArrayLiteral("Mine12345678")).ok());
    // No one does this to their own account.
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT cv_set_login_enabled(cv_my_id(), false)::text")),
             QStringLiteral("error 42501"));

    const QStringList expected = {
        QStringLiteral("user.reset_password allowed {\"unlocked\":false}"),
        QStringLiteral("auth.password_change allowed {\"forced\":true}"),
        QStringLiteral("user.disable allowed {}"),
        QStringLiteral("user.enable allowed {}"),
    };
    QCOMPARE(auditOf(QStringLiteral("olga"), before), expected);
}

void TestPgAccounts::directChangesOfUsersAreGuarded()
{
    auto admin = m_catalog->connectAs(QStringLiteral("admin"));
    QVERIFY(admin.ok());
    Database &db = *admin.value();
    // The first admin may appoint a security administrator while there is none...
    auto sec = m_catalog->addUser(QStringLiteral("sara"), QStringLiteral("security_admin"));
    QVERIFY2(sec.ok(), qPrintable(sec.errorMessage()));
    // ...but no longer once one exists: roles with permissions the admin lacks are theirs.
    auto pia = m_catalog->addUser(QStringLiteral("pia"), QStringLiteral("agent"));
    QVERIFY(pia.ok());
    QCOMPARE(outcome(db, QStringLiteral("UPDATE users SET role = 'auditor' WHERE name = 'pia'")),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("INSERT INTO users (name, password_hash, role, created_at_ms) "
                                        "VALUES ('aldo', '!', 'auditor', 0)")),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("DELETE FROM users WHERE name = 'sara'")),
             QStringLiteral("error 42501"));
    // Not one's own account, and never a login role by hand.
    QCOMPARE(outcome(db, QStringLiteral("UPDATE users SET agent_id = 'A1' WHERE name = 'admin'")),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("UPDATE users SET db_role = NULL WHERE name = 'pia'")),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("UPDATE users SET disabled = true WHERE name = 'pia'")),
             QStringLiteral("error 42501"));
    QCOMPARE(outcome(db, QStringLiteral("SELECT password_hash FROM users LIMIT 1")),
             QStringLiteral("error 42501"));
    // What the admin may do: change an agent, remove one (its login role goes with it).
    QCOMPARE(outcome(db, QStringLiteral("UPDATE users SET agent_id = 'A7' WHERE name = 'pia' RETURNING agent_id")),
             QStringLiteral("A7"));
    const QString piaRole = m_catalog->loginRole(QStringLiteral("pia"));
    QCOMPARE(outcome(db, QStringLiteral("DELETE FROM users WHERE name = 'pia' RETURNING name")),
             QStringLiteral("pia"));
    QVERIFY(!m_catalog->scalar(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {piaRole})->isValid());
}

void TestPgAccounts::provisioningRefusesAndLeavesNothing()
{
    PgSecurityProvisioner::Options options;
    options.adminPassword = SecuredCatalog::adminPassword();

    // Not a superuser (the owner role of with-postgres.sh).
    {
        auto config = CatalogConfig::fromPgUrl(qEnvironmentVariable("CALLVAULT_TEST_PG_URL"));
        QVERIFY(config.ok());
        auto owner = Database::open(config.value());
        QVERIFY2(owner.ok(), qPrintable(owner.errorMessage()));
        options.siteId = QUuid::createUuid();
        auto refused = PgSecurityProvisioner::provision(*owner.value(), options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("not a superuser")), qPrintable(refused.errorMessage()));
    }
    // Not empty.
    {
        SecuredCatalog other;
        QVERIFY(other.createDatabase(QUuid::createUuid()).ok());
        QVERIFY(other.exec(QStringLiteral("CREATE TABLE leftover (x int)")).ok());
        options.siteId = other.siteId();
        auto refused = PgSecurityProvisioner::provision(other.superuser(), options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("not empty")), qPrintable(refused.errorMessage()));
        QCOMPARE(other.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE starts_with(rolname, ?)"),
                              {other.prefix()})->toInt(), 0);
    }
    // Roles of the site already there.
    {
        SecuredCatalog other;
        QVERIFY(other.createDatabase(QUuid::createUuid()).ok());
        QVERIFY(other.exec(QStringLiteral("CREATE ROLE %1_app NOLOGIN").arg(other.prefix())).ok());
        options.siteId = other.siteId();
        auto refused = PgSecurityProvisioner::provision(other.superuser(), options);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.errorMessage().contains(other.prefix() + QStringLiteral("_app")), qPrintable(refused.errorMessage()));
    }
    // A failure at the very end (the caller's rows) rolls everything back: no roles, no
    // tables, the database still the superuser's.
    {
        SecuredCatalog other;
        QVERIFY(other.createDatabase(QUuid::createUuid()).ok());
        options.siteId = other.siteId();
        options.populate = [](Database &) -> Result<void> {
            return makeError(ErrorCode::Io, QStringLiteral("the key store is full"));
        };
        auto failed = PgSecurityProvisioner::provision(other.superuser(), options);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.errorMessage(), QStringLiteral("the key store is full"));
        QCOMPARE(other.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE starts_with(rolname, ?)"),
                              {other.prefix()})->toInt(), 0);
        QCOMPARE(other.scalar(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"))->toInt(),
                 0);
        QCOMPARE(other.scalar(QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))->toString(),
                 QUrl(qEnvironmentVariable("CALLVAULT_TEST_PG_SUPERUSER_URL")).userName());
        // ...and the same database can then be set up.
        options.populate = nullptr;
        auto ok = PgSecurityProvisioner::provision(other.superuser(), options);
        QVERIFY2(ok.ok(), qPrintable(ok.errorMessage()));
    }
}

void TestPgAccounts::upgradeReappliesTheSecurity()
{
    const QString policies = QStringLiteral("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'");
    const int before = m_catalog->scalar(policies)->toInt();
    QVERIFY(before > 40);
    auto upgraded = PgSecurityProvisioner::upgrade(m_catalog->superuser(), m_catalog->prefix());
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorMessage()));
    QCOMPARE(m_catalog->scalar(policies)->toInt(), before);
    auto admin = m_catalog->connectAs(QStringLiteral("admin"));
    QVERIFY(admin.ok());
    QCOMPARE(outcome(*admin.value(), QStringLiteral("SELECT name FROM cv_whoami()")), QStringLiteral("admin"));
    // A database that is not this site's is refused.
    auto wrong = PgSecurityProvisioner::upgrade(m_catalog->superuser(), QStringLiteral("cv_00000000"));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, ErrorCode::NotFound);
}

void TestPgAccounts::upgradeGivesANewTableItsSecurity()
{
    // A catalog secured at version 11 (before the network recorder's captured_calls of
    // migration 12): `upgrade` migrates it, and the new table gets its grants, row-level
    // security and policies like every other table.
    const QString policies =
        QStringLiteral("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'");
    const int before = m_catalog->scalar(policies)->toInt();
    const int latest = Migrator::latestVersion();
    QCOMPARE(latest, 12);
    for (const QString &sql : {QStringLiteral("DROP TABLE captured_calls"),
                               QStringLiteral("DELETE FROM schema_migrations WHERE version = 12")})
        QVERIFY2(m_catalog->exec(sql).ok(), qPrintable(sql));
    QCOMPARE(m_catalog->scalar(policies)->toInt(), before - 2);
    auto upgraded = PgSecurityProvisioner::upgrade(m_catalog->superuser(), m_catalog->prefix());
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorMessage()));
    QCOMPARE(
        m_catalog->scalar(QStringLiteral("SELECT max(version) FROM schema_migrations"))->toInt(),
        Migrator::latestVersion());
    QCOMPARE(m_catalog->scalar(policies)->toInt(), before);
    Database &super = m_catalog->superuser();
    const QString app = m_catalog->prefix() + QStringLiteral("_app");
    QCOMPARE(outcome(super, QStringLiteral("SELECT relname || ':' || relrowsecurity FROM pg_class "
                                           "WHERE relname = 'captured_calls'")),
             QStringLiteral("captured_calls:true"));
    QCOMPARE(outcome(super, QStringLiteral("SELECT string_agg(policyname || ':' || cmd, ',' ORDER BY "
                                           "policyname) FROM pg_policies WHERE tablename = 'captured_calls'")),
             QStringLiteral("cv_insert:INSERT,cv_read:SELECT"));
    QCOMPARE(outcome(super, QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'captured_calls'")),
             m_catalog->prefix() + QStringLiteral("_owner"));
    for (const auto &[privilege, granted] : {std::pair<const char *, const char *>{"SELECT", "true"},
                                             {"INSERT", "true"},
                                             {"UPDATE", "false"},
                                             {"DELETE", "false"},
                                             {"TRUNCATE", "false"}}) {
        QCOMPARE(outcome(super, QStringLiteral("SELECT has_table_privilege(?, 'captured_calls', ?)"),
                         {app, QString::fromLatin1(privilege)}),
                 QString::fromLatin1(granted));
    }
}

QTEST_GUILESS_MAIN(TestPgAccounts)
#include "tst_pgaccounts.moc"
