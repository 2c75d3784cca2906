#pragma once

#include "auth/permission.h"
#include "auth/principal.h"
#include "auth/rolerepository.h"
#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace cv {

class Database;

// Role administration on behalf of a person: roles.manage (listing: roles.manage or
// users.manage), checked by AccessControl, audited ('role.*', with the denials), each
// change in one transaction with its audit row.
class RoleAdmin final
{
public:
    explicit RoleAdmin(Database &db);

    Result<QVector<RoleRow>> list(const Principal &principal);
    Result<void> create(const Principal &principal, const QString &name, const QString &description,
                        RoleScope scope);
    // Returns whether anything changed. Revoking roles.manage from one's own role is
    // refused (it would lock role administration).
    Result<bool> grant(const Principal &principal, const QString &role, Permission permission);
    Result<bool> revoke(const Principal &principal, const QString &role, Permission permission);

    // The three-admin separation (等保 2.0): system administration (users, teams, general
    // settings), security administration (roles, keys, security policy) and audit (read,
    // verify) must sit in different roles. One line per role that mixes two of them; empty
    // when the separation holds. Granting such a mix is allowed (a small site may want
    // it), and `role list` shows these lines.
    static QStringList separationConflicts(const QVector<RoleRow> &roles);

private:
    Database &m_db;
};

} // namespace cv
