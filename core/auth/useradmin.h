#pragma once

#include "auth/accountrepository.h"
#include "auth/loginroles.h"
#include "auth/principal.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cv {

class AuthService;

class Database;

// User administration on behalf of a person: every call is checked by AccessControl,
// audited ('user.*', with the denials), and done in one transaction with its audit row.
//
// Needs users.manage (setRole: users.manage or roles.manage). On top of that, no one
// hands out more than they hold: a role may be given to a user, and a user holding it may
// be changed, disabled, reset or unlocked, only by a principal who holds roles.manage or
// every non-recording permission of that role. So a system administrator (admin) creates
// supervisors, evaluators and agents, while security administrators and auditors are
// appointed by a security administrator (三员分立). Until some enabled user holds
// roles.manage (a new site has only its first admin), the rule is waived, so the first
// admin can appoint the first security administrator. No one may disable, re-role or
// reset the password of their own account (changing one's own password is
// AuthService::changePassword).
class UserAdmin final
{
public:
    UserAdmin(Database &db, AuthService &auth);

    struct NewUser
    {
        QString name;
        QByteArray password; // temporary unless mustChangePassword is false
        QString role;
        QStringList teams; // team ids (for roles with scope 'teams')
        QString agentId;   // for roles with scope 'own'
        bool mustChangePassword = true;
    };
    Result<qint64> add(const Principal &principal, const NewUser &user);
    // Ordered by name; password hashes are left out. Audited as 'user.list'.
    Result<QVector<Account>> list(const Principal &principal);
    Result<void> setDisabled(const Principal &principal, const QString &name, bool disabled);
    // Sets a temporary password that must be changed at the next log-in; ends a lockout.
    Result<void> resetPassword(const Principal &principal, const QString &name,
                               const QByteArray &temporaryPassword);
    Result<void> setRole(const Principal &principal, const QString &name, const QString &role);
    Result<void> setTeams(const Principal &principal, const QString &name,
                          const QStringList &teams);
    Result<void> setAgentId(const Principal &principal, const QString &name,
                            const QString &agentId);
    // Ends a lockout now (audited 'user.unlock').
    Result<void> unlock(const Principal &principal, const QString &name);

private:
    // The permission check for `action` on user `name`, then the target account (NotFound
    // when there is none), then the no-escalation rule for the target's current role.
    // The login roles to change as well, on a server-enforced catalog; nullopt elsewhere.
    Result<std::optional<LoginRoles>> loginRoles() const;
    Result<Account> checkTarget(const Principal &principal, const QString &action,
                                const QString &name, const QVector<Permission> &permissions,
                                bool selfAllowed);
    // The no-escalation rule for giving `role` (or acting on a holder of it).
    Result<void> mayHandleRole(const Principal &principal, const QString &action,
                               const QString &target, const QString &role);

    Database &m_db;
    AuthService &m_auth;
};

} // namespace cv
