// AccessControl and the administration services on both backends: the permission matrix
// (tests/auth/permission-matrix.csv) through the core API, the three-admin separation,
// scopes, audited denials, changes that count at once, and no privilege escalation.
#include "auth/accesscontrol.h"
#include "auth/authservice.h"
#include "auth/roleadmin.h"
#include "auth/settingsadmin.h"
#include "auth/teamadmin.h"
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "tags/bookmarkservice.h"
#include "tags/tagservice.h"

#include <QFile>
#include <QTest>
#include <map>

using namespace cv;

namespace {

const QByteArray kPassword = authtest::RoleSite::kRolePassword;

struct MatrixRow
{
    int line = 0;
    QString role;
    QString operation;
    QString path;
    bool allow = false;
};

QVector<MatrixRow> readMatrix(QString *error)
{
    QVector<MatrixRow> rows;
    QFile file(qEnvironmentVariable("CALLVAULT_AUTH_MATRIX"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read the matrix file (CALLVAULT_AUTH_MATRIX=%1)")
                     .arg(file.fileName());
        return rows;
    }
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(QLatin1String("role,")))
            continue;
        const QStringList f = text.split(u',');
        if (f.size() != 4 || (f[3] != QLatin1String("allow") && f[3] != QLatin1String("deny"))) {
            *error = QStringLiteral("line %1 is not role,operation,path,allow|deny: %2")
                         .arg(line)
                         .arg(text);
            return {};
        }
        rows.append({line, f[0], f[1], f[2], f[3] == QLatin1String("allow")});
    }
    return rows;
}

} // namespace

class TestAccessControl final : public CatalogTestCase
{
    Q_OBJECT

private:
    // Two teams, an agent in each with one recording, and one user per default role
    // (supervisor and evaluator cover T1, the agent is A1; recorder included), each logged in.
    bool setUpSite();
    Principal as(const QString &role) const { return m_site.as(role); }
    Result<void> perform(const QString &operation, const Principal &principal);

    authtest::RoleSite m_site;

private slots:
    void permissionMatrixThroughCoreApi();
    void threeAdminSeparationHoldsByDefault();
    void scopesLimitRecordings();
    void agentPlaybackIsASetting();
    void denialsAreAuditedWithTheirReason();
    void changesCountAtOnce();
    void noOneHandsOutMoreThanTheyHold();
    void firstAdminMayAppointTheSecurityAdmin();
    void roleAdministration();
};

bool TestAccessControl::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

Result<void> TestAccessControl::perform(const QString &operation, const Principal &principal)
{
    AccessControl access(db());
    static const std::map<QString, Permission> recordingOps = {
        {QStringLiteral("search"), Permission::RecordingSearch},
        {QStringLiteral("play"), Permission::RecordingPlay},
        {QStringLiteral("export"), Permission::RecordingExport},
        {QStringLiteral("delete"), Permission::RecordingDelete},
        {QStringLiteral("tag"), Permission::RecordingTag},
        {QStringLiteral("bookmark"), Permission::RecordingBookmark},
        {QStringLiteral("score"), Permission::RecordingScore},
        {QStringLiteral("acknowledge"), Permission::EvaluationAcknowledge},
        {QStringLiteral("resolve"), Permission::EvaluationResolve},
    };
    // Tags and bookmarks through their services (core/tags), the rest as the permission.
    if (operation == QLatin1String("tag")) {
        auto tagged = TagService(db(), m_site.clock.clock())
                          .tag(principal, m_site.inT1.id, {QStringLiteral("matrix")});
        return tagged ? Result<void>() : Result<void>(tagged.error());
    }
    if (operation == QLatin1String("bookmark")) {
        auto added = BookmarkService(db(), m_site.clock.clock())
                         .add(principal, m_site.inT1.id, 0, QStringLiteral("matrix"));
        return added ? Result<void>() : Result<void>(added.error());
    }
    if (const auto it = recordingOps.find(operation); it != recordingOps.end())
        return access.requireRecording(principal, it->second, m_site.inT1);
    if (operation == QLatin1String("read_audit"))
        return access.require(principal, Permission::AuditRead, QStringLiteral("audit"));
    if (operation == QLatin1String("verify_audit"))
        return access.require(principal, Permission::AuditVerify, QStringLiteral("audit"));
    if (operation == QLatin1String("manage_qa"))
        return access.require(principal, Permission::QaFormsManage, QStringLiteral("forms"));
    if (operation == QLatin1String("manage_keys"))
        return access.require(principal, Permission::KeysManage, QStringLiteral("site keys"));
    if (operation == QLatin1String("manage_users")) {
        auto listed = UserAdmin(db(), *m_site.auth).list(principal);
        return listed ? Result<void>() : Result<void>(listed.error());
    }
    if (operation == QLatin1String("manage_roles")) {
        auto granted = RoleAdmin(db()).grant(principal, QStringLiteral("supervisor"),
                                             Permission::RecordingTag);
        return granted ? Result<void>() : Result<void>(granted.error());
    }
    if (operation == QLatin1String("manage_teams"))
        return TeamAdmin(db(), m_site.clock.clock())
            .add(principal, QString(), QStringLiteral("team of ") + principal.name);
    if (operation == QLatin1String("change_settings")) {
        auto set =
            SettingsAdmin(db()).set(principal, Setting::AgentMayPlayOwn, QStringLiteral("true"));
        return set ? Result<void>() : Result<void>(set.error());
    }
    if (operation == QLatin1String("change_security_policy")) {
        auto set =
            SettingsAdmin(db()).set(principal, Setting::LockoutMaxFailures, QStringLiteral("10"));
        return set ? Result<void>() : Result<void>(set.error());
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown operation ") + operation);
}

void TestAccessControl::permissionMatrixThroughCoreApi()
{
    QVERIFY(setUpSite());
    QString error;
    const QVector<MatrixRow> matrix = readMatrix(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList mismatches;
    QSet<QString> covered;
    for (const MatrixRow &row : matrix) {
        if (row.path != QLatin1String("core"))
            continue;
        QVERIFY2(m_site.sessions.count(row.role),
                 qPrintable(QStringLiteral("unknown role %1").arg(row.role)));
        covered.insert(row.role + u'/' + row.operation);
        const qint64 before = authtest::lastAuditId(db());
        const Result<void> result = perform(row.operation, as(row.role));
        if (!result && result.error().code != ErrorCode::PermissionDenied)
            mismatches.append(QStringLiteral("line %1 %2 %3: error %4")
                                  .arg(row.line)
                                  .arg(row.role, row.operation, result.errorMessage()));
        else if (result.ok() != row.allow)
            mismatches.append(
                QStringLiteral("line %1 %2 %3: expected %4, got %5: %6")
                    .arg(row.line)
                    .arg(row.role, row.operation,
                         row.allow ? QStringLiteral("allow") : QStringLiteral("deny"),
                         result.ok() ? QStringLiteral("allow") : QStringLiteral("deny"),
                         result.errorMessage()));
        if (!result.ok()) {
            // Every denial leaves exactly one 'denied' row by that user.
            const auto rows = authtest::auditRows(db(), before);
            if (rows.size() != 1 || rows.first().result != QLatin1String("denied") ||
                rows.first().actor != as(row.role).name)
                mismatches.append(QStringLiteral("line %1 %2 %3: denial not audited once (%4 rows)")
                                      .arg(row.line)
                                      .arg(row.role, row.operation)
                                      .arg(rows.size()));
        }
    }
    QCOMPARE(covered.size(), 7 * 18);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestAccessControl::threeAdminSeparationHoldsByDefault()
{
    QVERIFY(setUpSite());
    const QSet<Permission> system = as(QStringLiteral("admin")).permissions;
    const QSet<Permission> security = as(QStringLiteral("security_admin")).permissions;
    const QSet<Permission> audit = as(QStringLiteral("auditor")).permissions;
    QVERIFY(!system.isEmpty() && !security.isEmpty() && !audit.isEmpty());
    QVERIFY(!system.intersects(security));
    QVERIFY(!system.intersects(audit));
    QVERIFY(!security.intersects(audit));
    // No administrator reads or plays calls by default.
    for (const QSet<Permission> &set : {system, security, audit}) {
        for (Permission p : set)
            QVERIFY2(!isRecordingPermission(p), qPrintable(permissionName(p)));
    }
    RoleAdmin roles(db());
    auto list = roles.list(as(QStringLiteral("security_admin")));
    QVERIFY2(list.ok(), qPrintable(list.errorMessage()));
    QCOMPARE(RoleAdmin::separationConflicts(list.value()), QStringList());
    // Possible to break on purpose (a small site), and then reported.
    QVERIFY(roles
                .grant(as(QStringLiteral("security_admin")), QStringLiteral("admin"),
                       Permission::AuditRead)
                .ok());
    const QStringList conflicts =
        RoleAdmin::separationConflicts(roles.list(as(QStringLiteral("security_admin"))).value());
    QCOMPARE(conflicts.size(), 1);
    QVERIFY2(conflicts.first().contains(QLatin1String("admin")) &&
                 conflicts.first().contains(QLatin1String("audit")),
             qPrintable(conflicts.first()));
}

void TestAccessControl::scopesLimitRecordings()
{
    QVERIFY(setUpSite());
    AccessControl access(db());
    for (const QString &role :
         {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"), QStringLiteral("agent")}) {
        QVERIFY2(access.requireRecording(as(role), Permission::RecordingPlay, m_site.inT1).ok(),
                 qPrintable(role));
        const auto denied =
            access.requireRecording(as(role), Permission::RecordingPlay, m_site.inT2);
        QVERIFY2(!denied.ok(), qPrintable(role));
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(denied.errorMessage().contains(m_site.inT2.id.toString(QUuid::WithoutBraces)),
                 qPrintable(denied.errorMessage()));
        QVERIFY(access.canSeeRecording(as(role), m_site.inT1));
        QVERIFY(!access.canSeeRecording(as(role), m_site.inT2));
    }
    // A recording of an unknown agent is in no team.
    RecordingRow unknown = m_site.inT1;
    unknown.agentId = QString();
    QVERIFY(!access.canSeeRecording(as(QStringLiteral("supervisor")), unknown));
    // Admins reach everything in scope terms, but hold no recording permission.
    QVERIFY(access.canSeeRecording(as(QStringLiteral("admin")), m_site.inT2));
    QVERIFY(
        !access
             .requireRecording(as(QStringLiteral("admin")), Permission::RecordingPlay, m_site.inT2)
             .ok());

    const auto sup = access.recordingScope(as(QStringLiteral("supervisor")));
    QVERIFY(sup.ok());
    QCOMPARE(sup->kind, RoleScope::Teams);
    QCOMPARE(sup->teams, QStringList{QStringLiteral("T1")});
    const auto agent = access.recordingScope(as(QStringLiteral("agent")));
    QCOMPARE(agent->kind, RoleScope::Own);
    QCOMPARE(agent->agentId, QStringLiteral("A1"));
    QVERIFY(!agent->reachesNothing());
    QCOMPARE(access.recordingScope(as(QStringLiteral("auditor")))->kind, RoleScope::All);

    // Moving the supervisor to T2 counts at once, with the same principal.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setTeams(as(QStringLiteral("admin")), QStringLiteral("u_supervisor"),
                          {QStringLiteral("T2")})
                .ok());
    QVERIFY(!access
                 .requireRecording(as(QStringLiteral("supervisor")), Permission::RecordingPlay,
                                   m_site.inT1)
                 .ok());
    QVERIFY(access
                .requireRecording(as(QStringLiteral("supervisor")), Permission::RecordingPlay,
                                  m_site.inT2)
                .ok());
}

void TestAccessControl::agentPlaybackIsASetting()
{
    QVERIFY(setUpSite());
    AccessControl access(db());
    const Principal agent = as(QStringLiteral("agent"));
    QVERIFY(access.requireRecording(agent, Permission::RecordingPlay, m_site.inT1).ok());
    QVERIFY(SettingsAdmin(db())
                .set(as(QStringLiteral("admin")), Setting::AgentMayPlayOwn, QStringLiteral("false"))
                .ok());
    const qint64 before = authtest::lastAuditId(db());
    const auto denied = access.requireRecording(agent, Permission::RecordingPlay, m_site.inT1);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(denied.errorMessage().contains(QLatin1String("agent.may_play_own")),
             qPrintable(denied.errorMessage()));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("recording.play"));
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
    QVERIFY(rows.first().details.contains(QLatin1String("agent playback disabled")));
    // Searching their own calls stays allowed; supervisors still play.
    QVERIFY(access.requireRecording(agent, Permission::RecordingSearch, m_site.inT1).ok());
    QVERIFY(access
                .requireRecording(as(QStringLiteral("supervisor")), Permission::RecordingPlay,
                                  m_site.inT1)
                .ok());
}

void TestAccessControl::denialsAreAuditedWithTheirReason()
{
    QVERIFY(setUpSite());
    const qint64 before = authtest::lastAuditId(db());
    const auto denied =
        AccessControl(db()).require(as(QStringLiteral("supervisor")), Permission::AuditRead,
                                    QStringLiteral("audit"), QStringLiteral("audit.read"));
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(
        denied.errorMessage(),
        QStringLiteral(
            "Permission denied: u_supervisor (role supervisor) may not read the audit trail."));
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().actor, QStringLiteral("u_supervisor"));
    QCOMPARE(rows.first().action, QStringLiteral("audit.read"));
    QCOMPARE(rows.first().target, QStringLiteral("audit"));
    QCOMPARE(rows.first().result, QStringLiteral("denied"));
    QVERIFY2(rows.first().details.contains(QLatin1String("\"permission\":\"audit.read\"")),
             qPrintable(rows.first().details));
    // Allowed checks write nothing by themselves (the operation audits itself).
    QVERIFY(
        AccessControl(db())
            .require(as(QStringLiteral("auditor")), Permission::AuditRead, QStringLiteral("audit"))
            .ok());
    QCOMPARE(authtest::auditRows(db(), before).size(), 1);
    // Administrative changes write their 'allowed' row with the change.
    const qint64 mark = authtest::lastAuditId(db());
    QVERIFY(TeamAdmin(db())
                .add(as(QStringLiteral("admin")), QStringLiteral("T3"), QStringLiteral("Team 3"))
                .ok());
    const auto added = authtest::auditRows(db(), mark);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().action, QStringLiteral("team.add"));
    QCOMPARE(added.first().result, QStringLiteral("allowed"));
}

void TestAccessControl::changesCountAtOnce()
{
    QVERIFY(setUpSite());
    AccessControl access(db());
    const Principal supervisor = as(QStringLiteral("supervisor"));
    QVERIFY(supervisor.has(Permission::RecordingPlay));
    QVERIFY(access.requireRecording(supervisor, Permission::RecordingPlay, m_site.inT1).ok());
    // A revoked permission is gone for a principal loaded before the change.
    QVERIFY(RoleAdmin(db())
                .revoke(as(QStringLiteral("security_admin")), QStringLiteral("supervisor"),
                        Permission::RecordingPlay)
                .value());
    QVERIFY(!access.requireRecording(supervisor, Permission::RecordingPlay, m_site.inT1).ok());
    QVERIFY(access.requireRecording(supervisor, Permission::RecordingSearch, m_site.inT1).ok());
    // A disabled account can do nothing.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .setDisabled(as(QStringLiteral("admin")), QStringLiteral("u_supervisor"), true)
                .ok());
    QVERIFY(!access.requireRecording(supervisor, Permission::RecordingSearch, m_site.inT1).ok());
    QVERIFY(!access.canSeeRecording(supervisor, m_site.inT1));
    QVERIFY(access.recordingScope(supervisor)->reachesNothing());
    // A reset password stops everything but the password change.
    const Principal qa = as(QStringLiteral("qa_evaluator"));
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .resetPassword(as(QStringLiteral("admin")), QStringLiteral("u_qa_evaluator"),
                               "temporary-123")
                .ok());
    const auto refused = access.requireRecording(qa, Permission::RecordingPlay, m_site.inT1);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(QLatin1String("change their password")),
             qPrintable(refused.errorMessage()));
    // A principal whose user id now names someone else is refused.
    Principal forged = qa;
    forged.name = QStringLiteral("u_admin");
    QVERIFY(!access.require(forged, Permission::UsersManage, QStringLiteral("users")).ok());
}

void TestAccessControl::noOneHandsOutMoreThanTheyHold()
{
    QVERIFY(setUpSite());
    UserAdmin users(db(), *m_site.auth);
    const Principal admin = as(QStringLiteral("admin"));
    UserAdmin::NewUser newAuditor{
        QStringLiteral("eve"), "temporary-123", QStringLiteral("auditor"), {}, {}, true};
    const qint64 before = authtest::lastAuditId(db());
    const auto refused = users.add(admin, newAuditor);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(refused.errorMessage().contains(QLatin1String("audit.read")),
             qPrintable(refused.errorMessage()));
    QCOMPARE(authtest::countAudit(authtest::auditRows(db(), before), QStringLiteral("user.add"),
                                  QStringLiteral("denied")),
             1);
    // Everyday roles are the admin's to give.
    UserAdmin::NewUser evaluator{QStringLiteral("eve"),
                                 "temporary-123",
                                 QStringLiteral("qa_evaluator"),
                                 {QStringLiteral("T1")},
                                 {},
                                 true};
    QVERIFY2(users.add(admin, evaluator).ok(), "admin adds an evaluator");
    // Promoting her to auditor is the security administrator's call.
    QVERIFY(!users.setRole(admin, QStringLiteral("eve"), QStringLiteral("auditor")).ok());
    QVERIFY(users
                .setRole(as(QStringLiteral("security_admin")), QStringLiteral("eve"),
                         QStringLiteral("auditor"))
                .ok());
    // ... and from then on the admin cannot take over her account.
    QVERIFY(!users.resetPassword(admin, QStringLiteral("eve"), "takeover-pass-1").ok());
    QVERIFY(!users.setDisabled(admin, QStringLiteral("eve"), true).ok());
    QVERIFY(
        !users.resetPassword(admin, QStringLiteral("u_security_admin"), "takeover-pass-1").ok());
    // No one disables, re-roles or resets themselves.
    QVERIFY(!users.setDisabled(admin, QStringLiteral("u_admin"), true).ok());
    QVERIFY(!users
                 .setRole(as(QStringLiteral("security_admin")), QStringLiteral("u_security_admin"),
                          QStringLiteral("admin"))
                 .ok());
    // Unknown roles and users are named as such (after the permission check).
    QCOMPARE(users.setRole(admin, QStringLiteral("u_agent"), QStringLiteral("root")).error().code,
             ErrorCode::NotFound);
    QCOMPARE(users.setDisabled(admin, QStringLiteral("nobody"), true).error().code,
             ErrorCode::NotFound);
    // Supervisors manage no one.
    QCOMPARE(users.setDisabled(as(QStringLiteral("supervisor")), QStringLiteral("u_agent"), true)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
}

void TestAccessControl::firstAdminMayAppointTheSecurityAdmin()
{
    QVERIFY(migrateLatest());
    QVERIFY(authtest::addUser(db(), QStringLiteral("root"), kPassword, QStringLiteral("admin")) >
            0);
    AuthService auth(db(), authtest::options(m_site.clock));
    auto session = auth.login(QStringLiteral("root"), kPassword, QString(), QString());
    QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
    UserAdmin users(db(), auth);
    // No security administrator yet: the first admin may appoint one (and an auditor).
    QVERIFY(users
                .add(session->principal(), {QStringLiteral("sec"),
                                            "temporary-123",
                                            QStringLiteral("security_admin"),
                                            {},
                                            {},
                                            true})
                .ok());
    // Now there is one (enabled): the rule holds.
    const auto refused = users.add(
        session->principal(),
        {QStringLiteral("aud"), "temporary-123", QStringLiteral("auditor"), {}, {}, true});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
}

void TestAccessControl::roleAdministration()
{
    QVERIFY(setUpSite());
    RoleAdmin roles(db());
    const Principal sec = as(QStringLiteral("security_admin"));
    QVERIFY(
        roles
            .create(sec, QStringLiteral("team_lead"), QStringLiteral("Team lead"), RoleScope::Teams)
            .ok());
    QCOMPARE(
        roles.create(sec, QStringLiteral("team_lead"), QString(), RoleScope::Teams).error().code,
        ErrorCode::Conflict);
    QCOMPARE(
        roles.create(sec, QStringLiteral("Team Lead"), QString(), RoleScope::Teams).error().code,
        ErrorCode::InvalidArgument);
    QVERIFY(roles.grant(sec, QStringLiteral("team_lead"), Permission::RecordingPlay).value());
    QVERIFY(!roles.grant(sec, QStringLiteral("team_lead"), Permission::RecordingPlay).value());
    QCOMPARE(roles.grant(sec, QStringLiteral("nope"), Permission::RecordingPlay).error().code,
             ErrorCode::NotFound);
    // The admin cannot edit roles, and no one removes their own role administration.
    QCOMPARE(
        roles.grant(as(QStringLiteral("admin")), QStringLiteral("admin"), Permission::AuditRead)
            .error()
            .code,
        ErrorCode::PermissionDenied);
    QCOMPARE(
        roles.revoke(sec, QStringLiteral("security_admin"), Permission::RolesManage).error().code,
        ErrorCode::PermissionDenied);
    // A user with the new role plays calls of their teams.
    QVERIFY(UserAdmin(db(), *m_site.auth)
                .add(as(QStringLiteral("admin")), {QStringLiteral("lead"),
                                                   kPassword,
                                                   QStringLiteral("team_lead"),
                                                   {QStringLiteral("T2")},
                                                   {},
                                                   false})
                .ok());
    auto lead = m_site.auth->login(QStringLiteral("lead"), kPassword, QString(), QString());
    QVERIFY2(lead.ok(), qPrintable(lead.errorMessage()));
    AccessControl access(db());
    QVERIFY(
        access.requireRecording(lead->principal(), Permission::RecordingPlay, m_site.inT2).ok());
    QVERIFY(
        !access.requireRecording(lead->principal(), Permission::RecordingPlay, m_site.inT1).ok());
    QVERIFY(
        !access.requireRecording(lead->principal(), Permission::RecordingExport, m_site.inT2).ok());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("role.create"), QStringLiteral("allowed")),
             1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("role.grant"), QStringLiteral("allowed")),
             2);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("role.grant"), QStringLiteral("denied")), 1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("role.revoke"), QStringLiteral("denied")),
             1);
}

QTEST_GUILESS_MAIN(TestAccessControl)
#include "tst_accesscontrol.moc"
