#include "auth/accesscontrol.h"

#include "auth/authtext.h"
#include "auth/settingsrepository.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

QString recordingTarget(const RecordingRow &recording)
{
    return recording.id.toString(QUuid::WithoutBraces);
}

QString who(const Principal &p)
{
    return QStringLiteral("%1 (role %2)")
        .arg(authtext::forAudit(p.name), authtext::forAudit(p.role));
}

} // namespace

AccessControl::AccessControl(Database &db) : m_db(db) {}

Result<Principal> AccessControl::loadPrincipal(qint64 userId, const QString &host,
                                               const QString &program)
{
    Principal p;
    p.userId = userId;
    p.host = host;
    p.program = program;
    bool disabled = false;
    {
        auto query = prepare(
            m_db, QStringLiteral("SELECT u.name, u.role, u.disabled, u.must_change_password, "
                                 "u.agent_id, r.scope FROM users u JOIN roles r ON r.name = u.role "
                                 "WHERE u.id = ?"));
        if (!query)
            return query.error();
        query->addBindValue(static_cast<qlonglong>(userId));
        if (auto r = exec(query.value(), QStringLiteral("Could not read user %1").arg(userId)); !r)
            return r.error();
        if (!query->next())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("The user account no longer exists."));
        p.name = query->value(0).toString();
        p.role = query->value(1).toString();
        disabled = query->value(2).toBool();
        p.mustChangePassword = query->value(3).toBool();
        p.agentId = query->value(4).isNull() ? QString() : query->value(4).toString();
        p.scope = roleScopeFromText(query->value(5).toString()).value_or(RoleScope::Own);
    }
    if (!disabled) { // a disabled account holds no permission
        auto query =
            prepare(m_db, QStringLiteral("SELECT permission FROM role_permissions WHERE role = ?"));
        if (!query)
            return query.error();
        query->addBindValue(p.role);
        if (auto r = exec(query.value(),
                          QStringLiteral("Could not read the permissions of role %1").arg(p.role));
            !r)
            return r.error();
        while (query->next()) {
            if (const auto permission = permissionFromName(query->value(0).toString()))
                p.permissions.insert(*permission);
        }
    }
    auto query = prepare(
        m_db, QStringLiteral("SELECT team_id FROM user_teams WHERE user_id = ? ORDER BY team_id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(userId));
    if (auto r =
            exec(query.value(), QStringLiteral("Could not read the teams of user %1").arg(userId));
        !r)
        return r.error();
    while (query->next())
        p.teams.append(query->value(0).toString());
    if (disabled)
        p.permissions.clear();
    return p;
}

Result<Principal> AccessControl::current(const Principal &principal, const QString &action,
                                         const QString &target)
{
    auto live = loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live) {
        if (live.error().code != ErrorCode::NotFound)
            return live.error();
        return deny(principal, action, target,
                    QStringLiteral("Permission denied: the account of %1 no longer exists.")
                        .arg(authtext::forAudit(principal.name)),
                    QJsonObject{{QStringLiteral("reason"), QStringLiteral("account removed")}});
    }
    if (live->name != principal.name)
        return deny(principal, action, target,
                    QStringLiteral("Permission denied: this session belongs to another account."),
                    QJsonObject{{QStringLiteral("reason"), QStringLiteral("account mismatch")}});
    if (live->mustChangePassword)
        return deny(
            principal, action, target,
            QStringLiteral("Permission denied: %1 must change their password first.")
                .arg(authtext::forAudit(principal.name)),
            QJsonObject{{QStringLiteral("reason"), QStringLiteral("password change required")}});
    return live;
}

Result<void> AccessControl::require(const Principal &principal, Permission permission,
                                    const QString &target, const QString &action)
{
    return requireAny(principal, {permission}, target, action);
}

Result<void> AccessControl::requireAny(const Principal &principal,
                                       const QVector<Permission> &permissions,
                                       const QString &target, const QString &action)
{
    auto live = requireLive(principal, permissions, target, action);
    if (!live)
        return live.error();
    return {};
}

Result<Principal> AccessControl::requireLive(const Principal &principal,
                                             const QVector<Permission> &permissions,
                                             const QString &target, const QString &action)
{
    const QString actionName =
        action.isEmpty() && !permissions.isEmpty() ? permissionName(permissions.first()) : action;
    auto live = current(principal, actionName, target);
    if (!live)
        return live.error();
    QStringList names;
    QStringList phrases;
    for (Permission permission : permissions) {
        if (live->has(permission))
            return live;
        names.append(permissionName(permission));
        phrases.append(permissionDescription(permission));
    }
    return deny(live.value(), actionName, target,
                QStringLiteral("Permission denied: %1 may not %2.")
                    .arg(who(live.value()), phrases.join(QStringLiteral(" or "))),
                QJsonObject{{QStringLiteral("permission"), names.join(QLatin1Char(','))},
                            {QStringLiteral("reason"), QStringLiteral("permission not granted")}});
}

Result<void> AccessControl::requireRecording(const Principal &principal, Permission permission,
                                             const RecordingRow &recording, const QString &action)
{
    const QString actionName = action.isEmpty() ? permissionName(permission) : action;
    const QString target = recordingTarget(recording);
    auto live = requireLive(principal, {permission}, target, actionName);
    if (!live)
        return live.error();
    auto visible = inScope(live.value(), recording);
    if (!visible)
        return visible.error();
    const QJsonObject details{{QStringLiteral("permission"), permissionName(permission)},
                              {QStringLiteral("reason"), QStringLiteral("outside scope")}};
    if (!visible.value()) {
        const QString where =
            live->scope == RoleScope::Teams
                ? QStringLiteral("outside the teams of %1").arg(authtext::forAudit(live->name))
                : QStringLiteral("not a call of %1").arg(authtext::forAudit(live->name));
        return deny(live.value(), actionName, target,
                    QStringLiteral("Permission denied: recording %1 is %2.").arg(target, where),
                    details);
    }
    if (live->scope == RoleScope::Own &&
        (permission == Permission::RecordingPlay || permission == Permission::RecordingExport)) {
        auto mayPlay = SettingsRepository(m_db).boolean(Setting::AgentMayPlayOwn);
        if (!mayPlay)
            return mayPlay.error();
        if (!mayPlay.value())
            return deny(
                live.value(), actionName, target,
                QStringLiteral(
                    "Permission denied: agents may not play back their own calls on this site "
                    "(setting %1).")
                    .arg(Settings::key(Setting::AgentMayPlayOwn)),
                QJsonObject{{QStringLiteral("permission"), permissionName(permission)},
                            {QStringLiteral("reason"), QStringLiteral("agent playback disabled")}});
    }
    return {};
}

Result<RecordingScope> AccessControl::recordingScope(const Principal &principal)
{
    auto live = loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live)
        return live.error();
    RecordingScope scope;
    scope.kind = live->scope;
    if (live->permissions.isEmpty() || live->mustChangePassword) {
        // Nothing at all: a Teams scope without teams.
        scope.kind = RoleScope::Teams;
        return scope;
    }
    if (scope.kind == RoleScope::Teams)
        scope.teams = live->teams;
    else if (scope.kind == RoleScope::Own)
        scope.agentId = live->agentId;
    return scope;
}

bool AccessControl::canSeeRecording(const Principal &principal, const RecordingRow &recording)
{
    auto live = loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live || live->name != principal.name || live->permissions.isEmpty() ||
        live->mustChangePassword)
        return false;
    auto visible = inScope(live.value(), recording);
    return visible.ok() && visible.value();
}

Result<bool> AccessControl::inScope(const Principal &live, const RecordingRow &recording)
{
    switch (live.scope) {
    case RoleScope::All:
        return true;
    case RoleScope::Own:
        return !live.agentId.isEmpty() && live.agentId == recording.agentId;
    case RoleScope::Teams:
        break;
    }
    if (recording.agentId.isEmpty() || live.teams.isEmpty())
        return false;
    auto query = prepare(
        m_db, QStringLiteral("SELECT 1 FROM agents a JOIN user_teams ut ON ut.team_id = a.team "
                             "WHERE a.agent_id = ? AND ut.user_id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(recording.agentId);
    query->addBindValue(static_cast<qlonglong>(live.userId));
    if (auto r = exec(query.value(),
                      QStringLiteral("Could not read the team of agent %1").arg(recording.agentId));
        !r)
        return r.error();
    return query->next();
}

Error AccessControl::deny(const Principal &principal, const QString &action, const QString &target,
                          const QString &message, QJsonObject details)
{
    if (!details.contains(QStringLiteral("reason")))
        details.insert(QStringLiteral("reason"), message);
    QString text = message;
    if (auto audited = AuditLog(m_db).append(
            principal.auditEvent(action, target, false, authtext::json(details)));
        !audited)
        text += QStringLiteral(" (The denial could not be written to the audit trail.)");
    return makeError(ErrorCode::PermissionDenied, text);
}

} // namespace cv
