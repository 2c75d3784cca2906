#include "auth/roleadmin.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"

namespace cv {

namespace {

enum class Duty
{
    None,
    System,
    Security,
    Audit
};

Duty dutyOf(Permission permission)
{
    switch (permission) {
    case Permission::UsersManage:
    case Permission::TeamsManage:
    case Permission::SettingsChange:
        return Duty::System;
    case Permission::RolesManage:
    case Permission::KeysManage:
    case Permission::SecurityPolicy:
        return Duty::Security;
    case Permission::AuditRead:
    case Permission::AuditVerify:
        return Duty::Audit;
    default:
        return Duty::None;
    }
}

QString dutyName(Duty duty)
{
    switch (duty) {
    case Duty::System:
        return QStringLiteral("system administration");
    case Duty::Security:
        return QStringLiteral("security administration");
    case Duty::Audit:
        return QStringLiteral("audit");
    case Duty::None:
        break;
    }
    return QString();
}

} // namespace

RoleAdmin::RoleAdmin(Database &db) : m_db(db) {}

Result<QVector<RoleRow>> RoleAdmin::list(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).requireAny(
            principal, {Permission::RolesManage, Permission::UsersManage}, QStringLiteral("roles"),
            QStringLiteral("role.list"));
        !allowed)
        return allowed.error();
    return auditedchange::read<QVector<RoleRow>>(m_db, principal, QStringLiteral("role.list"),
                                                 QStringLiteral("roles"),
                                                 [&] { return RoleRepository(m_db).list(); });
}

Result<void> RoleAdmin::create(const Principal &principal, const QString &name,
                               const QString &description, RoleScope scope)
{
    const QString action = QStringLiteral("role.create");
    if (auto allowed =
            AccessControl(m_db).require(principal, Permission::RolesManage, name, action);
        !allowed)
        return allowed;
    return auditedchange::commit(
        m_db, principal, action, name,
        {{QStringLiteral("scope"), roleScopeToText(scope)},
         {QStringLiteral("description"), description}},
        [&] { return RoleRepository(m_db).create(name, description, scope); });
}

Result<bool> RoleAdmin::grant(const Principal &principal, const QString &role,
                              Permission permission)
{
    const QString action = QStringLiteral("role.grant");
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::RolesManage, role, action); !allowed)
        return allowed.error();
    bool changed = false;
    auto done = auditedchange::commit(
        m_db, principal, action, role, {{QStringLiteral("permission"), permissionName(permission)}},
        [&]() -> Result<void> {
            auto granted = RoleRepository(m_db).grant(role, permission);
            if (!granted)
                return granted.error();
            changed = granted.value();
            return {};
        });
    if (!done)
        return done.error();
    return changed;
}

Result<bool> RoleAdmin::revoke(const Principal &principal, const QString &role,
                               Permission permission)
{
    const QString action = QStringLiteral("role.revoke");
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::RolesManage, role, action); !allowed)
        return allowed.error();
    auto live = access.loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live)
        return live.error();
    if (permission == Permission::RolesManage && role == live->role)
        return access.deny(
            principal, action, role,
            QStringLiteral(
                "Permission denied: revoking roles.manage from your own role would leave "
                "you unable to manage roles; ask another security administrator."),
            QJsonObject{{QStringLiteral("permission"), permissionName(permission)},
                        {QStringLiteral("reason"), QStringLiteral("own role")}});
    bool changed = false;
    auto done = auditedchange::commit(
        m_db, principal, action, role, {{QStringLiteral("permission"), permissionName(permission)}},
        [&]() -> Result<void> {
            auto revoked = RoleRepository(m_db).revoke(role, permission);
            if (!revoked)
                return revoked.error();
            changed = revoked.value();
            return {};
        });
    if (!done)
        return done.error();
    return changed;
}

QStringList RoleAdmin::separationConflicts(const QVector<RoleRow> &roles)
{
    QStringList lines;
    for (const RoleRow &role : roles) {
        QStringList duties;
        for (Duty duty : {Duty::System, Duty::Security, Duty::Audit}) {
            for (Permission permission : role.permissions) {
                if (dutyOf(permission) == duty) {
                    duties.append(dutyName(duty));
                    break;
                }
            }
        }
        if (duties.size() > 1)
            lines.append(QStringLiteral("role %1 combines %2")
                             .arg(role.name, duties.join(QStringLiteral(" and "))));
    }
    return lines;
}

} // namespace cv
