#pragma once

#include "auth/permission.h"
#include "auth/principal.h"
#include "common/result.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

class Database;

struct RoleRow
{
    QString name;
    QString description;
    RoleScope scope = RoleScope::All;
    QSet<Permission> permissions;
    // role_permissions rows this program does not know (written by a newer CallVault);
    // they grant nothing here.
    QStringList unknownPermissions;
};

// The tables `roles` and `role_permissions`. No permission checks: RoleAdmin changes roles
// on behalf of a person.
class RoleRepository final
{
public:
    explicit RoleRepository(Database &db);

    // Ordered by name.
    Result<QVector<RoleRow>> list();
    Result<std::optional<RoleRow>> find(const QString &name);
    // ErrorCode::Conflict if the role exists; InvalidArgument for a bad name.
    Result<void> create(const QString &name, const QString &description, RoleScope scope);
    // Whether the row was added / removed (false: it was already so). NotFound for an
    // unknown role.
    Result<bool> grant(const QString &role, Permission permission);
    Result<bool> revoke(const QString &role, Permission permission);
    // Enabled users whose role holds `permission`.
    Result<qint64> countEnabledHolders(Permission permission);

private:
    Database &m_db;
};

} // namespace cv
