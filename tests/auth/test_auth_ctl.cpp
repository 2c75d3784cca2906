// callvaultctl user / team / role / setting / search / tag / bookmark / audit / key end to
// end, with the real binary on a SQLite site: the permission matrix rows of path "ctl"
// (tests/auth/permission-matrix.csv), exit codes (0 ok, 1 refused or failed, 2 usage), the
// same answer for an unknown user and a wrong password, and a whole account life cycle, all
// in the audit trail.
#include "auth/accountrepository.h"
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalog/catalogconfig.h"
#include "catalog/database.h"
#include "crypto/scrypt.h"
#include "ctltesthelpers.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace cv;
using ctltest::RunResult;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

} // namespace

class TestAuthCtl final : public QObject
{
    Q_OBJECT

private:
    // Runs callvaultctl ARGS --site DIR --user USER with CALLVAULT_PASSWORD=password (and
    // CALLVAULT_NEW_PASSWORD=newPassword when given).
    RunResult as(const QString &user, const QStringList &args, const QString &password = kPassword,
                 const QString &newPassword = QString()) const;
    // The callvaultctl command that exercises a matrix operation.
    QStringList matrixCommand(const QString &operation, const QString &role) const;
    std::unique_ptr<Database> openCatalog() const;
    QVector<authtest::AuditEntry> audit() const;

    std::unique_ptr<ctltest::CtlSite> m_site;
    QString m_recording; // a call of agent A1 (team T1): in the supervisor's, evaluator's and
                         // agent's scope

private slots:
    void initTestCase();
    void permissionMatrixThroughCtl();
    void usageErrorsExitTwo();
    void unknownUserAndWrongPasswordLookTheSame();
    void accountLifeCycle();
};

RunResult TestAuthCtl::as(const QString &user, const QStringList &args, const QString &password,
                          const QString &newPassword) const
{
    QProcessEnvironment env = m_site->env();
    env.insert(QStringLiteral("CALLVAULT_PASSWORD"), password);
    env.insert(QStringLiteral("CALLVAULT_BACKUP_PASSPHRASE"), QStringLiteral("backup passphrase"));
    if (!newPassword.isEmpty())
        env.insert(QStringLiteral("CALLVAULT_NEW_PASSWORD"), newPassword);
    return ctltest::run(
        ctltest::ctlPath(),
        args + QStringList{QStringLiteral("--site"), m_site->dir(), QStringLiteral("--user"), user},
        env);
}

std::unique_ptr<Database> TestAuthCtl::openCatalog() const
{
    auto db =
        Database::open(CatalogConfig::sqlite(m_site->dir() + QStringLiteral("/catalog.sqlite")));
    return db.ok() ? db.takeValue() : nullptr;
}

QVector<authtest::AuditEntry> TestAuthCtl::audit() const
{
    auto db = openCatalog();
    return db ? authtest::auditRows(*db) : QVector<authtest::AuditEntry>();
}

void TestAuthCtl::initTestCase()
{
    QVERIFY2(!ctltest::ctlPath().isEmpty(), "CALLVAULT_BUILD_DIR is not set");
    m_site = std::make_unique<ctltest::CtlSite>();
    const RunResult init = m_site->init();
    CTL_EXPECT_EXIT(init, 0);
    // One user per default role, with cheap hashes so the many log-ins below stay fast; the
    // admin's OWASP hash from init is replaced the same way. (callvaultctl itself hashes new
    // passwords with the product parameters: see accountLifeCycle.)
    auto db = openCatalog();
    QVERIFY(db);
    QVERIFY(authtest::addTeam(*db, QStringLiteral("T1")));
    QVERIFY(authtest::addAgent(*db, QStringLiteral("A1"), QStringLiteral("T1")));
    ctltest::RunResult imported;
    m_recording = m_site->importSine(8000, 1, 2000,
                                     {QStringLiteral("--agent"), QStringLiteral("A1")}, &imported);
    QVERIFY2(!m_recording.isEmpty(), qPrintable(imported.describe()));
    const QByteArray password = kPassword.toUtf8();
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_security_admin"), password,
                              QStringLiteral("security_admin")) > 0);
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_auditor"), password,
                              QStringLiteral("auditor")) > 0);
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_supervisor"), password,
                              QStringLiteral("supervisor"), {QStringLiteral("T1")}) > 0);
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_qa_evaluator"), password,
                              QStringLiteral("qa_evaluator"), {QStringLiteral("T1")}) > 0);
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_agent"), password, QStringLiteral("agent"), {},
                              QStringLiteral("A1")) > 0);
    QVERIFY(authtest::addUser(*db, QStringLiteral("u_recorder"), password,
                              QStringLiteral("recorder")) > 0);
    const auto admin = AccountRepository(*db).findByName(QStringLiteral("admin"));
    QVERIFY(admin.ok() && admin.value().has_value());
    QVERIFY(AccountRepository(*db)
                .setPassword(admin.value()->id,
                             crypto::hashPassword(password, authtest::cheapParams()).value(), false,
                             1)
                .ok());
    // The real admin password from init still works before the swap... and ours after it.
    QVERIFY(
        as(QStringLiteral("admin"), {QStringLiteral("user"), QStringLiteral("list")}).exitCode ==
        0);
}

QStringList TestAuthCtl::matrixCommand(const QString &op, const QString &role) const
{
    if (op == QLatin1String("manage_users"))
        return {QStringLiteral("user"), QStringLiteral("list")};
    if (op == QLatin1String("manage_roles"))
        return {QStringLiteral("role"), QStringLiteral("grant"), QStringLiteral("supervisor"),
                QStringLiteral("recording.tag")};
    if (op == QLatin1String("change_settings"))
        return {QStringLiteral("setting"), QStringLiteral("set"),
                QStringLiteral("agent.may_play_own"), QStringLiteral("true")};
    if (op == QLatin1String("change_security_policy"))
        return {QStringLiteral("setting"), QStringLiteral("set"),
                QStringLiteral("lockout.max_failures"), QStringLiteral("10")};
    if (op == QLatin1String("manage_teams"))
        return {QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("team-of-") + role};
    if (op == QLatin1String("search"))
        return {QStringLiteral("search"), QStringLiteral("--count")};
    if (op == QLatin1String("tag"))
        return {QStringLiteral("tag"), QStringLiteral("add"), m_recording,
                QStringLiteral("tag-of-") + role};
    if (op == QLatin1String("bookmark"))
        return {QStringLiteral("bookmark"),       QStringLiteral("add"),  m_recording,
                QStringLiteral("--at"),           QStringLiteral("0:01"), QStringLiteral("--text"),
                QStringLiteral("note of ") + role};
    if (op == QLatin1String("read_audit"))
        return {QStringLiteral("audit"),
                QStringLiteral("export"),
                QStringLiteral("--from"),
                QStringLiteral("2000-01-01"),
                QStringLiteral("--to"),
                QStringLiteral("2100-01-01"),
                m_site->scratch(QStringLiteral("audit-of-%1.json").arg(role))};
    if (op == QLatin1String("verify_audit"))
        return {QStringLiteral("audit"), QStringLiteral("verify")};
    if (op == QLatin1String("manage_keys"))
        return {QStringLiteral("key"), QStringLiteral("export"),
                m_site->scratch(QStringLiteral("keys-of-%1.json").arg(role))};
    return {};
}

void TestAuthCtl::permissionMatrixThroughCtl()
{
    QFile file(qEnvironmentVariable("CALLVAULT_AUTH_MATRIX"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), "CALLVAULT_AUTH_MATRIX");
    const auto before = audit();
    QStringList mismatches;
    int rows = 0;
    int denials = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QStringList f = line.split(u',');
        if (line.startsWith(u'#') || f.size() != 4 || f[2] != QLatin1String("ctl"))
            continue;
        ++rows;
        const QString &role = f[0];
        const QString &op = f[1];
        const bool allow = f[3] == QLatin1String("allow");
        const QStringList args = matrixCommand(op, role);
        if (args.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no callvaultctl command for %1").arg(op)));
        const QString user = role == QLatin1String("admin") ? role : QStringLiteral("u_") + role;
        const RunResult r = as(user, args);
        const bool denied = r.exitCode == 1 && r.err.contains(QLatin1String("Permission denied"));
        if (allow ? r.exitCode != 0 : !denied)
            mismatches.append(
                QStringLiteral("%1 %2: expected %3\n%4").arg(role, op, f[3], r.describe()));
        if (!allow) {
            ++denials;
            // One line, with the reason.
            if (r.errLines().size() != 1)
                mismatches.append(
                    QStringLiteral("%1 %2: more than one line on stderr").arg(role, op));
        }
    }
    QCOMPARE(rows, 7 * 11);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QStringLiteral("\n\n"))));
    // Every denial is in the audit trail.
    const auto after = audit();
    int deniedRows = 0;
    for (qsizetype i = before.size(); i < after.size(); ++i)
        deniedRows += after.at(i).result == QLatin1String("denied") ? 1 : 0;
    QCOMPARE(deniedRows, denials);
}

void TestAuthCtl::usageErrorsExitTwo()
{
    const QList<QStringList> cases = {
        {QStringLiteral("user")},
        {QStringLiteral("user"), QStringLiteral("frobnicate")},
        {QStringLiteral("user"), QStringLiteral("add")},
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x")}, // no --role
        {QStringLiteral("user"), QStringLiteral("set-teams"), QStringLiteral("x")},
        {QStringLiteral("role"), QStringLiteral("grant"), QStringLiteral("supervisor"),
         QStringLiteral("bogus.perm")},
        {QStringLiteral("role"), QStringLiteral("create"), QStringLiteral("lead"),
         QStringLiteral("--scope"), QStringLiteral("world")},
        {QStringLiteral("setting"), QStringLiteral("set"), QStringLiteral("no.such.key"),
         QStringLiteral("1")},
        {QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A1")},
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--bogus-option")},
    };
    for (const QStringList &args : cases) {
        const RunResult r = as(QStringLiteral("admin"), args);
        CTL_EXPECT_EXIT(r, 2);
    }
    // No --user at all.
    const RunResult noUser = ctltest::run(
        ctltest::ctlPath(),
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--site"), m_site->dir()},
        m_site->env());
    CTL_EXPECT_EXIT(noUser, 2);
    CTL_EXPECT_CONTAINS(noUser.err, QStringLiteral("--user"));
    // Help is not an error.
    CTL_EXPECT_EXIT(ctltest::run(ctltest::ctlPath(),
                                 {QStringLiteral("user"), QStringLiteral("--help")}, m_site->env()),
                    0);
    CTL_EXPECT_EXIT(
        ctltest::run(ctltest::ctlPath(),
                     {QStringLiteral("role"), QStringLiteral("grant"), QStringLiteral("--help")},
                     m_site->env()),
        0);
}

void TestAuthCtl::unknownUserAndWrongPasswordLookTheSame()
{
    const RunResult unknown =
        as(QStringLiteral("nobody"), {QStringLiteral("user"), QStringLiteral("list")});
    const RunResult wrong =
        as(QStringLiteral("admin"), {QStringLiteral("user"), QStringLiteral("list")},
           QStringLiteral("wrong password"));
    CTL_EXPECT_EXIT(unknown, 1);
    CTL_EXPECT_EXIT(wrong, 1);
    QCOMPARE(unknown.err, wrong.err);
    QCOMPARE(unknown.err.trimmed(),
             QStringLiteral("callvaultctl: error: The user name or password is wrong."));
    QVERIFY(unknown.out.isEmpty() && wrong.out.isEmpty());
}

void TestAuthCtl::accountLifeCycle()
{
    const QString admin = QStringLiteral("admin");
    const QString temp = QStringLiteral("temporary-pass-1");
    const QString real = QStringLiteral("dora's real password");
    // Added by the admin with a temporary password (hashed with the product parameters).
    CTL_EXPECT_EXIT(as(admin,
                       {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dora"),
                        QStringLiteral("--role"), QStringLiteral("supervisor"),
                        QStringLiteral("--team"), QStringLiteral("T1")},
                       kPassword, temp),
                    0);
    {
        auto db = openCatalog();
        QVERIFY(AccountRepository(*db)
                    .findByName(QStringLiteral("dora"))
                    .value()
                    ->passwordHash.startsWith(QLatin1String("$scrypt$ln=17,r=8,p=1$")));
    }
    // First log-in: only the password change is possible.
    const RunResult blocked =
        as(QStringLiteral("dora"), {QStringLiteral("team"), QStringLiteral("list")}, temp);
    CTL_EXPECT_EXIT(blocked, 1);
    CTL_EXPECT_CONTAINS(blocked.err, QStringLiteral("user passwd"));
    CTL_EXPECT_EXIT(as(QStringLiteral("dora"), {QStringLiteral("user"), QStringLiteral("passwd")},
                       temp, QStringLiteral("short")),
                    1);
    CTL_EXPECT_EXIT(
        as(QStringLiteral("dora"), {QStringLiteral("user"), QStringLiteral("passwd")}, temp, real),
        0);
    // A supervisor manages no one.
    const RunResult notHers =
        as(QStringLiteral("dora"), {QStringLiteral("user"), QStringLiteral("list")}, real);
    CTL_EXPECT_EXIT(notHers, 1);
    CTL_EXPECT_CONTAINS(
        notHers.err,
        QStringLiteral("Permission denied: dora (role supervisor) may not manage users."));
    // The security administrator shortens the lockout policy; three failures lock her out.
    CTL_EXPECT_EXIT(as(QStringLiteral("u_security_admin"),
                       {QStringLiteral("setting"), QStringLiteral("set"),
                        QStringLiteral("lockout.max_failures"), QStringLiteral("3")}),
                    0);
    for (int i = 0; i < 3; ++i)
        CTL_EXPECT_EXIT(as(QStringLiteral("dora"), {QStringLiteral("team"), QStringLiteral("list")},
                           QStringLiteral("guess-%1").arg(i)),
                        1);
    const RunResult locked =
        as(QStringLiteral("dora"), {QStringLiteral("user"), QStringLiteral("passwd")}, real,
           QStringLiteral("x"));
    CTL_EXPECT_EXIT(locked, 1);
    CTL_EXPECT_CONTAINS(locked.err, QStringLiteral("locked"));
    const RunResult listed = as(admin, {QStringLiteral("user"), QStringLiteral("list")});
    CTL_EXPECT_EXIT(listed, 0);
    CTL_EXPECT_CONTAINS(listed.out, QStringLiteral("locked until"));
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("dora")}), 0);
    // Disabled, she gets the wrong-password answer; enabled again, she is back.
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("dora")}), 0);
    const RunResult disabled =
        as(QStringLiteral("dora"), {QStringLiteral("user"), QStringLiteral("passwd")}, real,
           QStringLiteral("whatever-else-1"));
    CTL_EXPECT_EXIT(disabled, 1);
    CTL_EXPECT_CONTAINS(disabled.err, QStringLiteral("The user name or password is wrong."));
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("dora")}), 0);
    // The admin cannot disable himself, nor appoint an auditor now that a security admin exists.
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("admin")}), 1);
    CTL_EXPECT_EXIT(as(admin, {QStringLiteral("user"), QStringLiteral("grant"),
                               QStringLiteral("dora"), QStringLiteral("auditor")}),
                    1);
    CTL_EXPECT_EXIT(as(QStringLiteral("u_security_admin"),
                       {QStringLiteral("user"), QStringLiteral("grant"), QStringLiteral("dora"),
                        QStringLiteral("qa_evaluator")}),
                    0);
    // Reset: a temporary password that must be changed again.
    CTL_EXPECT_EXIT(
        as(admin,
           {QStringLiteral("user"), QStringLiteral("reset-password"), QStringLiteral("dora")},
           kPassword, QStringLiteral("temporary-pass-2")),
        0);
    CTL_EXPECT_EXIT(as(QStringLiteral("dora"), {QStringLiteral("team"), QStringLiteral("list")},
                       QStringLiteral("temporary-pass-2")),
                    1);
    // Teams and roles.
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("客服二组"),
                   QStringLiteral("--id"), QStringLiteral("T2")}),
        0);
    CTL_EXPECT_EXIT(
        as(admin, {QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A9"),
                   QStringLiteral("T2"), QStringLiteral("--name"), QStringLiteral("Wang Fang")}),
        0);
    CTL_EXPECT_EXIT(as(admin, {QStringLiteral("team"), QStringLiteral("assign-agent"),
                               QStringLiteral("A9"), QStringLiteral("T404")}),
                    1);
    CTL_EXPECT_EXIT(as(admin, {QStringLiteral("user"), QStringLiteral("set-teams"),
                               QStringLiteral("dora"), QStringLiteral("T1"), QStringLiteral("T2")}),
                    0);
    const RunResult teams = as(admin, {QStringLiteral("team"), QStringLiteral("list")});
    CTL_EXPECT_EXIT(teams, 0);
    CTL_EXPECT_CONTAINS(teams.out, QStringLiteral("客服二组"));
    CTL_EXPECT_EXIT(
        as(QStringLiteral("u_security_admin"),
           {QStringLiteral("role"), QStringLiteral("create"), QStringLiteral("team_lead"),
            QStringLiteral("--scope"), QStringLiteral("teams")}),
        0);
    CTL_EXPECT_EXIT(as(QStringLiteral("u_security_admin"),
                       {QStringLiteral("role"), QStringLiteral("grant"),
                        QStringLiteral("team_lead"), QStringLiteral("recording.play")}),
                    0);
    CTL_EXPECT_EXIT(as(QStringLiteral("u_security_admin"),
                       {QStringLiteral("role"), QStringLiteral("revoke"),
                        QStringLiteral("team_lead"), QStringLiteral("recording.play")}),
                    0);
    const RunResult roles =
        as(QStringLiteral("u_security_admin"), {QStringLiteral("role"), QStringLiteral("list")});
    CTL_EXPECT_EXIT(roles, 0);
    CTL_EXPECT_CONTAINS(roles.out, QStringLiteral("team_lead"));
    QVERIFY2(!roles.out.contains(QLatin1String("three-admin")), qPrintable(roles.out));
    const RunResult settings =
        as(QStringLiteral("u_security_admin"), {QStringLiteral("setting"), QStringLiteral("list")});
    CTL_EXPECT_CONTAINS(settings.out, QStringLiteral("lockout.max_failures   = 3"));

    // All of it is in the audit trail, and the chain holds.
    const auto rows = audit();
    for (const QString &action :
         {QStringLiteral("user.add"), QStringLiteral("auth.password_change"),
          QStringLiteral("user.unlock"), QStringLiteral("user.disable"),
          QStringLiteral("user.enable"), QStringLiteral("user.set_role"),
          QStringLiteral("user.reset_password"), QStringLiteral("team.add"),
          QStringLiteral("team.assign_agent"), QStringLiteral("user.set_teams"),
          QStringLiteral("role.create"), QStringLiteral("role.grant"),
          QStringLiteral("role.revoke"), QStringLiteral("settings.change")})
        QVERIFY2(authtest::countAudit(rows, action, QStringLiteral("allowed")) >= 1,
                 qPrintable(action));
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.lockout"), QStringLiteral("denied")),
             1);
    QVERIFY(authtest::countAudit(rows, QStringLiteral("user.disable"), QStringLiteral("denied")) >=
            1);
    QVERIFY(authtest::countAudit(rows, QStringLiteral("user.set_role"), QStringLiteral("denied")) >=
            1);
    for (const auto &row : rows) {
        if (row.action.startsWith(QLatin1String("user.")) ||
            row.action.startsWith(QLatin1String("team.")))
            QVERIFY2(!row.actor.startsWith(QLatin1String("os:")),
                     qPrintable(row.actor)); // a CallVault user
    }
    auto db = openCatalog();
    const auto verified = AuditLog(*db).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
}

QTEST_GUILESS_MAIN(TestAuthCtl)
#include "test_auth_ctl.moc"
