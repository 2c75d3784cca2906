#include "userrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>
#include <QStringList>

namespace cv {

using namespace sqlhelpers;

UserRepository::UserRepository(Database &db) : m_db(db) {}

Result<qint64> UserRepository::create(const QString &name, const QString &passwordHash,
                                      const QString &role)
{
    // The default roles. From schema version 3 roles are data (core/auth RoleRepository,
    // users.role references roles); user administration goes through core/auth UserAdmin.
    static const QStringList roles = {QStringLiteral("admin"), QStringLiteral("supervisor"),
                                      QStringLiteral("qa_evaluator"), QStringLiteral("agent"),
                                      QStringLiteral("auditor"), QStringLiteral("security_admin"),
                                      QStringLiteral("recorder")};
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A user needs a name."));
    if (!roles.contains(role))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("'%1' is not a role (roles: %2).")
                             .arg(role, roles.join(QStringLiteral(", "))));

    // RETURNING works in PostgreSQL and SQLite >= 3.35 alike.
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO users "
                             "(name, password_hash, role, must_change_password, created_at_ms) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(name);
    query->addBindValue(text(passwordHash));
    query->addBindValue(role);
    query->addBindValue(false);
    query->addBindValue(msSinceEpoch(QDateTime::currentDateTimeUtc()));
    if (auto r = exec(query.value(), QStringLiteral("Could not create user %1").arg(name)); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A user named %1 already exists.").arg(name));
        return r.error();
    }
    if (!query->next())
        return makeError(
            ErrorCode::Database,
            QStringLiteral("The catalog did not return the id of new user %1.").arg(name));
    return static_cast<qint64>(query->value(0).toLongLong());
}

Result<std::optional<UserRow>> UserRepository::find(const QString &name)
{
    auto query = prepare(m_db, QStringLiteral("SELECT id, name, password_hash, role, "
                                              "must_change_password, created_at_ms "
                                              "FROM users WHERE name = ?"));
    if (!query)
        return query.error();
    query->addBindValue(name);
    if (auto r = exec(query.value(), QStringLiteral("Could not read user %1").arg(name)); !r)
        return r.error();
    if (!query->next())
        return std::optional<UserRow>();
    UserRow row;
    row.id = query->value(0).toLongLong();
    row.name = query->value(1).toString();
    row.passwordHash = query->value(2).toString();
    row.role = query->value(3).toString();
    row.mustChangePassword = query->value(4).toBool();
    row.createdAt = toUtc(query->value(5));
    return std::optional<UserRow>(std::move(row));
}

Result<qint64> UserRepository::count()
{
    auto query = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not count users")); !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::Database, QStringLiteral("Could not count users."));
    return static_cast<qint64>(query->value(0).toLongLong());
}

} // namespace cv
