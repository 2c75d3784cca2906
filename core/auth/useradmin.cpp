#include "auth/useradmin.h"

#include "auth/loginroles.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "auth/authservice.h"
#include "auth/authtext.h"
#include "auth/passwordpolicy.h"
#include "auth/rolerepository.h"
#include "auth/settingsrepository.h"

#include <QJsonArray>

namespace cv {

namespace {

const QString kUserAdd = QStringLiteral("user.add");
const QString kUserList = QStringLiteral("user.list");
const QString kUserDisable = QStringLiteral("user.disable");
const QString kUserEnable = QStringLiteral("user.enable");
const QString kUserResetPassword = QStringLiteral("user.reset_password");
const QString kUserSetRole = QStringLiteral("user.set_role");
const QString kUserSetTeams = QStringLiteral("user.set_teams");
const QString kUserSetAgent = QStringLiteral("user.set_agent");
const QString kUserUnlock = QStringLiteral("user.unlock");

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

UserAdmin::UserAdmin(Database &db, AuthService &auth) : m_db(db), m_auth(auth) {}

Result<void> UserAdmin::mayHandleRole(const Principal &principal, const QString &action,
                                      const QString &target, const QString &role)
{
    AccessControl access(m_db);
    auto live = access.loadPrincipal(principal.userId, principal.host, principal.program);
    if (!live)
        return live.error();
    auto roleRow = RoleRepository(m_db).find(role);
    if (!roleRow)
        return roleRow.error();
    if (!roleRow.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no role %1 (see the role list).")
                             .arg(authtext::forAudit(role)));
    if (live->has(Permission::RolesManage))
        return {};
    QStringList beyond;
    for (Permission permission : roleRow.value()->permissions) {
        if (!isRecordingPermission(permission) && !live->has(permission))
            beyond.append(permissionName(permission));
    }
    if (beyond.isEmpty())
        return {};
    auto securityAdmins = RoleRepository(m_db).countEnabledHolders(Permission::RolesManage);
    if (!securityAdmins)
        return securityAdmins.error();
    if (securityAdmins.value() == 0)
        return {}; // no security administrator yet: the first admin appoints one
    beyond.sort();
    return access.deny(
        principal, action, target,
        QStringLiteral(
            "Permission denied: role %1 holds permissions that %2 does not have (%3); "
            "only a security administrator (roles.manage) can give it or manage its users.")
            .arg(role, authtext::forAudit(principal.name), beyond.join(QStringLiteral(", "))),
        QJsonObject{{QStringLiteral("role"), role},
                    {QStringLiteral("reason"), QStringLiteral("role beyond own permissions")}});
}

Result<Account> UserAdmin::checkTarget(const Principal &principal, const QString &action,
                                       const QString &name, const QVector<Permission> &permissions,
                                       bool selfAllowed)
{
    AccessControl access(m_db);
    if (auto allowed = access.requireAny(principal, permissions, name, action); !allowed)
        return allowed.error();
    auto found = AccountRepository(m_db).findByName(name);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no user %1.").arg(authtext::forAudit(name)));
    if (!selfAllowed && found.value()->id == principal.userId)
        return access.deny(
            principal, action, name,
            QStringLiteral(
                "Permission denied: no one may do this to their own account; ask another "
                "administrator."),
            QJsonObject{{QStringLiteral("reason"), QStringLiteral("own account")}});
    if (auto ok = mayHandleRole(principal, action, name, found.value()->role); !ok)
        return ok.error();
    return *found.value();
}

Result<qint64> UserAdmin::add(const Principal &principal, const NewUser &user)
{
    AccessControl access(m_db);
    if (auto allowed = access.require(principal, Permission::UsersManage, user.name, kUserAdd);
        !allowed)
        return allowed.error();
    if (auto ok = authtext::checkName(user.name, QStringLiteral("A user name")); !ok)
        return ok.error();
    if (!user.agentId.isEmpty()) {
        if (auto ok = authtext::checkName(user.agentId, QStringLiteral("An agent id")); !ok)
            return ok.error();
    }
    if (auto ok = mayHandleRole(principal, kUserAdd, user.name, user.role); !ok)
        return ok.error();
    auto minLength = SettingsRepository(m_db).integer(Setting::PasswordMinLength);
    if (!minLength)
        return minLength.error();
    if (auto ok =
            PasswordPolicy::check(user.password, user.name, static_cast<int>(minLength.value()));
        !ok)
        return ok.error();
    auto roles = loginRoles();
    if (!roles)
        return roles.error();
    // With a server-enforced catalog the password lives in the user's login role only.
    auto hash = roles.value() ? Result<QString>(LoginRoles::serverPasswordMarker())
                              : m_auth.hashPassword(user.password);
    if (!hash)
        return hash.error();
    qint64 id = 0;
    const QJsonObject details{{QStringLiteral("role"), user.role},
                              {QStringLiteral("teams"), toJson(user.teams)},
                              {QStringLiteral("agentId"), user.agentId},
                              {QStringLiteral("mustChangePassword"), user.mustChangePassword}};
    auto done =
        auditedchange::commit(m_db, principal, kUserAdd, user.name, details, [&]() -> Result<void> {
            AccountRepository accounts(m_db);
            AccountRepository::NewAccount row;
            row.name = user.name;
            row.passwordHash = hash.value();
            row.role = user.role;
            row.mustChangePassword = user.mustChangePassword;
            row.agentId = user.agentId;
            row.nowMs = m_auth.now();
            auto inserted = accounts.insert(row);
            if (!inserted)
                return inserted.error();
            id = inserted.value();
            if (auto teams = accounts.setTeams(id, user.teams); !teams)
                return teams;
            if (roles.value())
                return roles.value()->create(id, user.name, user.password);
            return {};
        });
    if (!done)
        return done.error();
    return id;
}

Result<QVector<Account>> UserAdmin::list(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::UsersManage,
                                                   QStringLiteral("users"), kUserList);
        !allowed)
        return allowed.error();
    return auditedchange::read<QVector<Account>>(
        m_db, principal, kUserList, QStringLiteral("users"), [&]() -> Result<QVector<Account>> {
            auto accounts = AccountRepository(m_db).list();
            if (!accounts)
                return accounts.error();
            for (Account &account : accounts.value())
                account.passwordHash.clear();
            return accounts;
        });
}

Result<void> UserAdmin::setDisabled(const Principal &principal, const QString &name, bool disabled)
{
    const QString action = disabled ? kUserDisable : kUserEnable;
    auto target = checkTarget(principal, action, name, {Permission::UsersManage}, false);
    if (!target)
        return target.error();
    auto roles = loginRoles();
    if (!roles)
        return roles.error();
    return auditedchange::commit(m_db, principal, action, name, {}, [&] {
        if (roles.value())
            return roles.value()->setEnabled(target->id, !disabled);
        return AccountRepository(m_db).setDisabled(target->id, disabled);
    });
}

Result<void> UserAdmin::resetPassword(const Principal &principal, const QString &name,
                                      const QByteArray &temporaryPassword)
{
    auto target =
        checkTarget(principal, kUserResetPassword, name, {Permission::UsersManage}, false);
    if (!target)
        return target.error();
    auto minLength = SettingsRepository(m_db).integer(Setting::PasswordMinLength);
    if (!minLength)
        return minLength.error();
    if (auto ok = PasswordPolicy::check(temporaryPassword, target->name,
                                        static_cast<int>(minLength.value()));
        !ok)
        return ok;
    auto roles = loginRoles();
    if (!roles)
        return roles.error();
    const bool wasLocked = target->isLockedAt(m_auth.now());
    if (roles.value())
        return auditedchange::commit(m_db, principal, kUserResetPassword, name,
                                     {{QStringLiteral("unlocked"), wasLocked}}, [&] {
                                         return roles.value()->setPassword(
                                             target->id, target->name, temporaryPassword, true);
                                     });
    auto hash = m_auth.hashPassword(temporaryPassword);
    if (!hash)
        return hash.error();
    return auditedchange::commit(m_db, principal, kUserResetPassword, name,
                                 {{QStringLiteral("unlocked"), wasLocked}}, [&] {
                                     return AccountRepository(m_db).setPassword(
                                         target->id, hash.value(), true, m_auth.now());
                                 });
}

Result<void> UserAdmin::setRole(const Principal &principal, const QString &name,
                                const QString &role)
{
    auto target = checkTarget(principal, kUserSetRole, name,
                              {Permission::UsersManage, Permission::RolesManage}, false);
    if (!target)
        return target.error();
    if (auto ok = mayHandleRole(principal, kUserSetRole, name, role); !ok)
        return ok;
    return auditedchange::commit(
        m_db, principal, kUserSetRole, name,
        {{QStringLiteral("from"), target->role}, {QStringLiteral("to"), role}},
        [&] { return AccountRepository(m_db).setRole(target->id, role); });
}

Result<void> UserAdmin::setTeams(const Principal &principal, const QString &name,
                                 const QStringList &teams)
{
    auto target = checkTarget(principal, kUserSetTeams, name, {Permission::UsersManage}, true);
    if (!target)
        return target.error();
    return auditedchange::commit(
        m_db, principal, kUserSetTeams, name,
        {{QStringLiteral("from"), toJson(target->teams)}, {QStringLiteral("to"), toJson(teams)}},
        [&] { return AccountRepository(m_db).setTeams(target->id, teams); });
}

Result<void> UserAdmin::setAgentId(const Principal &principal, const QString &name,
                                   const QString &agentId)
{
    auto target = checkTarget(principal, kUserSetAgent, name, {Permission::UsersManage}, false);
    if (!target)
        return target.error();
    if (!agentId.isEmpty()) {
        if (auto ok = authtext::checkName(agentId, QStringLiteral("An agent id")); !ok)
            return ok;
    }
    return auditedchange::commit(
        m_db, principal, kUserSetAgent, name,
        {{QStringLiteral("from"), target->agentId}, {QStringLiteral("to"), agentId}},
        [&] { return AccountRepository(m_db).setAgentId(target->id, agentId); });
}

Result<void> UserAdmin::unlock(const Principal &principal, const QString &name)
{
    auto target = checkTarget(principal, kUserUnlock, name, {Permission::UsersManage}, false);
    if (!target)
        return target.error();
    const bool wasLocked = target->isLockedAt(m_auth.now());
    return auditedchange::commit(m_db, principal, kUserUnlock, name,
                                 {{QStringLiteral("wasLocked"), wasLocked},
                                  {QStringLiteral("failedLogins"), target->failedLogins}},
                                 [&]() -> Result<void> {
                                     auto roles = loginRoles();
                                     if (!roles)
                                         return roles.error();
                                     if (roles.value())
                                         return roles.value()->setEnabled(target->id, true);
                                     return AccountRepository(m_db).unlock(target->id);
                                 });
}

Result<std::optional<LoginRoles>> UserAdmin::loginRoles() const
{
    if (!m_db.serverEnforced())
        return std::optional<LoginRoles>();
    if (!m_auth.serverLogin())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A server-enforced catalog needs the PostgreSQL log-in "
                                        "settings (AuthService::Options::pg) to manage users."));
    return std::optional<LoginRoles>(std::in_place, m_db, *m_auth.serverLogin());
}

} // namespace cv
