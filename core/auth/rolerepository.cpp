#include "auth/rolerepository.h"

#include "auth/authtext.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QMap>
#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

RoleRepository::RoleRepository(Database &db) : m_db(db) {}

Result<QVector<RoleRow>> RoleRepository::list()
{
    QMap<QString, RoleRow> roles;
    {
        auto query = prepare(m_db, QStringLiteral("SELECT name, description, scope FROM roles"));
        if (!query)
            return query.error();
        if (auto r = exec(query.value(), QStringLiteral("Could not list the roles")); !r)
            return r.error();
        while (query->next()) {
            RoleRow row;
            row.name = query->value(0).toString();
            row.description = query->value(1).toString();
            // The CHECK allows only the three texts.
            row.scope = roleScopeFromText(query->value(2).toString()).value_or(RoleScope::Own);
            roles.insert(row.name, row);
        }
    }
    auto query = prepare(m_db, QStringLiteral("SELECT role, permission FROM role_permissions"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not list the role permissions")); !r)
        return r.error();
    while (query->next()) {
        auto it = roles.find(query->value(0).toString());
        if (it == roles.end())
            continue;
        const QString name = query->value(1).toString();
        if (const auto permission = permissionFromName(name))
            it->permissions.insert(*permission);
        else
            it->unknownPermissions.append(name);
    }
    QVector<RoleRow> out;
    for (RoleRow &row : roles) {
        row.unknownPermissions.sort();
        out.append(row);
    }
    return out;
}

Result<std::optional<RoleRow>> RoleRepository::find(const QString &name)
{
    // Few roles: list() is two small statements and keeps one reading path.
    auto roles = list();
    if (!roles)
        return roles.error();
    for (const RoleRow &row : roles.value()) {
        if (row.name == name)
            return std::optional<RoleRow>(row);
    }
    return std::optional<RoleRow>();
}

Result<void> RoleRepository::create(const QString &name, const QString &description,
                                    RoleScope scope)
{
    if (auto ok = authtext::checkRoleName(name); !ok)
        return ok;
    if (description.size() > 200 || authtext::hasForbiddenCharacters(description))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A role description is at most 200 characters of plain text."));
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO roles (name, description, scope) VALUES (?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(name);
    query->addBindValue(text(description));
    query->addBindValue(roleScopeToText(scope));
    if (auto r = exec(query.value(), QStringLiteral("Could not create role %1").arg(name)); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A role named %1 already exists.").arg(name));
        return r;
    }
    return {};
}

Result<bool> RoleRepository::grant(const QString &role, Permission permission)
{
    auto existing = find(role);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no role %1.").arg(authtext::forAudit(role)));
    if (existing.value()->permissions.contains(permission))
        return false;
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO role_permissions (role, permission) VALUES (?, ?) "
                             "ON CONFLICT (role, permission) DO NOTHING"));
    if (!query)
        return query.error();
    query->addBindValue(role);
    query->addBindValue(permissionName(permission));
    if (auto r = exec(
            query.value(),
            QStringLiteral("Could not grant %1 to role %2").arg(permissionName(permission), role));
        !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<bool> RoleRepository::revoke(const QString &role, Permission permission)
{
    auto existing = find(role);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no role %1.").arg(authtext::forAudit(role)));
    auto query = prepare(
        m_db, QStringLiteral("DELETE FROM role_permissions WHERE role = ? AND permission = ?"));
    if (!query)
        return query.error();
    query->addBindValue(role);
    query->addBindValue(permissionName(permission));
    if (auto r = exec(query.value(), QStringLiteral("Could not revoke %1 from role %2")
                                         .arg(permissionName(permission), role));
        !r)
        return r.error();
    return query->numRowsAffected() > 0;
}

Result<qint64> RoleRepository::countEnabledHolders(Permission permission)
{
    auto query = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM users u "
                                              "JOIN role_permissions rp ON rp.role = u.role "
                                              "WHERE rp.permission = ? AND u.disabled = ?"));
    if (!query)
        return query.error();
    query->addBindValue(permissionName(permission));
    query->addBindValue(false);
    if (auto r = exec(
            query.value(),
            QStringLiteral("Could not count the users with %1").arg(permissionName(permission)));
        !r)
        return r.error();
    if (!query->next())
        return makeError(
            ErrorCode::Database,
            QStringLiteral("Could not count the users with %1.").arg(permissionName(permission)));
    return static_cast<qint64>(query->value(0).toLongLong());
}

} // namespace cv
