#include "auth/accountrepository.h"

#include "auth/authtext.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QHash>
#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

// On a server-enforced catalog the login roles may not read password_hash (the password
// lives in the login role; the column holds a placeholder), so it is not selected there.
QString selectAccounts(const Database &db)
{
    return QStringLiteral("SELECT id, name, %1, role, must_change_password, disabled, "
                          "failed_logins, locked_until_ms, password_changed_at_ms, last_login_ms, "
                          "agent_id, created_at_ms FROM users ")
        .arg(db.serverEnforced() ? QStringLiteral("'' AS password_hash")
                                 : QStringLiteral("password_hash"));
}

std::optional<qint64> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

Account readAccount(const QSqlQuery &query)
{
    Account a;
    a.id = query.value(0).toLongLong();
    a.name = query.value(1).toString();
    a.passwordHash = query.value(2).toString();
    a.role = query.value(3).toString();
    a.mustChangePassword = query.value(4).toBool();
    a.disabled = query.value(5).toBool();
    a.failedLogins = query.value(6).toInt();
    a.lockedUntilMs = optionalMs(query.value(7));
    a.passwordChangedAtMs = query.value(8).toLongLong();
    a.lastLoginMs = optionalMs(query.value(9));
    a.agentId = query.value(10).isNull() ? QString() : query.value(10).toString();
    a.createdAtMs = query.value(11).toLongLong();
    return a;
}

} // namespace

AccountRepository::AccountRepository(Database &db) : m_db(db) {}

Result<qint64> AccountRepository::insert(const NewAccount &account)
{
    // A server-enforced catalog lets login roles write only these columns; the others
    // (disabled, failure count, password age) keep their defaults and belong to the server
    // functions.
    const bool enforced = m_db.serverEnforced();
    auto query = prepare(
        m_db, enforced ? QStringLiteral("INSERT INTO users (name, password_hash, role, "
                                        "must_change_password, agent_id, created_at_ms) "
                                        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                       : QStringLiteral("INSERT INTO users (name, password_hash, role, "
                                        "must_change_password, agent_id, created_at_ms, "
                                        "disabled, failed_logins, password_changed_at_ms) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id"));
    if (!query)
        return query.error();
    query->addBindValue(account.name);
    query->addBindValue(text(account.passwordHash));
    query->addBindValue(account.role);
    query->addBindValue(account.mustChangePassword);
    query->addBindValue(account.agentId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                  : QVariant(account.agentId));
    query->addBindValue(static_cast<qlonglong>(account.nowMs));
    if (!enforced) {
        query->addBindValue(false);
        query->addBindValue(static_cast<qlonglong>(account.nowMs));
    }
    if (auto r = exec(query.value(), QStringLiteral("Could not create user %1").arg(account.name));
        !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("A user named %1 already exists.").arg(account.name));
        return r.error();
    }
    if (!query->next())
        return makeError(
            ErrorCode::Database,
            QStringLiteral("The catalog did not return the id of new user %1.").arg(account.name));
    return static_cast<qint64>(query->value(0).toLongLong());
}

Result<std::optional<Account>> AccountRepository::findOne(const QString &where,
                                                          const QVariant &value)
{
    std::optional<Account> account;
    {
        auto query = prepare(m_db, selectAccounts(m_db) + where);
        if (!query)
            return query.error();
        query->addBindValue(value);
        if (auto r = exec(query.value(), QStringLiteral("Could not read a user")); !r)
            return r.error();
        if (!query->next())
            return account;
        account = readAccount(query.value());
    }
    auto teams = teamsOf(account->id);
    if (!teams)
        return teams.error();
    account->teams = teams.value();
    return account;
}

Result<std::optional<Account>> AccountRepository::findByName(const QString &name)
{
    if (!authtext::checkName(name, QString()))
        return std::optional<Account>(); // no user can have this name (see UserAdmin)
    return findOne(QStringLiteral("WHERE name = ?"), name);
}

Result<std::optional<Account>> AccountRepository::findById(qint64 id)
{
    return findOne(QStringLiteral("WHERE id = ?"), QVariant(static_cast<qlonglong>(id)));
}

Result<QVector<Account>> AccountRepository::list()
{
    QHash<qint64, QStringList> teams;
    {
        auto query = prepare(
            m_db, QStringLiteral("SELECT user_id, team_id FROM user_teams ORDER BY team_id"));
        if (!query)
            return query.error();
        if (auto r = exec(query.value(), QStringLiteral("Could not read the users' teams")); !r)
            return r.error();
        while (query->next())
            teams[query->value(0).toLongLong()].append(query->value(1).toString());
    }
    auto query = prepare(m_db, selectAccounts(m_db) + QStringLiteral("ORDER BY name"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not list the users")); !r)
        return r.error();
    QVector<Account> out;
    while (query->next()) {
        Account a = readAccount(query.value());
        a.teams = teams.value(a.id);
        out.append(a);
    }
    return out;
}

Result<QStringList> AccountRepository::teamsOf(qint64 id)
{
    auto query = prepare(
        m_db, QStringLiteral("SELECT team_id FROM user_teams WHERE user_id = ? ORDER BY team_id"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the user's teams")); !r)
        return r.error();
    QStringList teams;
    while (query->next())
        teams.append(query->value(0).toString());
    return teams;
}

Result<void> AccountRepository::setTeams(qint64 id, const QStringList &teamIds)
{
    // Check the teams first: a foreign-key error would not say which one is missing.
    for (const QString &team : teamIds) {
        bool exists = false;
        if (authtext::checkName(team, QString())) {
            auto query = prepare(m_db, QStringLiteral("SELECT 1 FROM teams WHERE id = ?"));
            if (!query)
                return query.error();
            query->addBindValue(team);
            if (auto r = exec(query.value(), QStringLiteral("Could not read team %1").arg(team));
                !r)
                return r;
            exists = query->next();
        }
        if (!exists)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no team %1.").arg(authtext::forAudit(team)));
    }
    if (auto r = update(QStringLiteral("DELETE FROM user_teams WHERE user_id = ?"),
                        {static_cast<qlonglong>(id)},
                        QStringLiteral("Could not change the user's teams"));
        !r)
        return r;
    QStringList unique = teamIds;
    unique.removeDuplicates();
    for (const QString &team : unique) {
        if (auto r =
                update(QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)"),
                       {static_cast<qlonglong>(id), team},
                       QStringLiteral("Could not change the user's teams"));
            !r)
            return r;
    }
    return {};
}

Result<void> AccountRepository::setDisabled(qint64 id, bool disabled)
{
    return update(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"),
                  {disabled, static_cast<qlonglong>(id)},
                  QStringLiteral("Could not change the user"));
}

Result<void> AccountRepository::setRole(qint64 id, const QString &role)
{
    return update(QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                  {role, static_cast<qlonglong>(id)},
                  QStringLiteral("Could not change the user's role"));
}

Result<void> AccountRepository::setAgentId(qint64 id, const QString &agentId)
{
    return update(QStringLiteral("UPDATE users SET agent_id = ? WHERE id = ?"),
                  {agentId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(agentId),
                   static_cast<qlonglong>(id)},
                  QStringLiteral("Could not change the user's agent id"));
}

Result<void> AccountRepository::setPassword(qint64 id, const QString &hash, bool mustChange,
                                            qint64 nowMs)
{
    return update(
        QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ?, "
                       "password_changed_at_ms = ?, failed_logins = 0, locked_until_ms = NULL "
                       "WHERE id = ?"),
        {hash, mustChange, static_cast<qlonglong>(nowMs), static_cast<qlonglong>(id)},
        QStringLiteral("Could not change the password"));
}

Result<void> AccountRepository::replaceHash(qint64 id, const QString &hash)
{
    return update(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                  {hash, static_cast<qlonglong>(id)},
                  QStringLiteral("Could not store the stronger password hash"));
}

Result<int> AccountRepository::addFailure(qint64 id)
{
    auto query = prepare(
        m_db, QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? "
                             "RETURNING failed_logins"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    if (auto r = exec(query.value(), QStringLiteral("Could not count a failed log-in")); !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("The user no longer exists."));
    return query->value(0).toInt();
}

Result<void> AccountRepository::lock(qint64 id, qint64 untilMs)
{
    return update(
        QStringLiteral("UPDATE users SET locked_until_ms = ?, failed_logins = 0 WHERE id = ?"),
        {static_cast<qlonglong>(untilMs), static_cast<qlonglong>(id)},
        QStringLiteral("Could not lock the user"));
}

Result<void> AccountRepository::unlock(qint64 id)
{
    return update(
        QStringLiteral("UPDATE users SET locked_until_ms = NULL, failed_logins = 0 WHERE id = ?"),
        {static_cast<qlonglong>(id)}, QStringLiteral("Could not unlock the user"));
}

Result<void> AccountRepository::recordLogin(qint64 id, qint64 nowMs)
{
    return update(
        QStringLiteral("UPDATE users SET last_login_ms = ?, failed_logins = 0 WHERE id = ?"),
        {static_cast<qlonglong>(nowMs), static_cast<qlonglong>(id)},
        QStringLiteral("Could not record the log-in"));
}

Result<void> AccountRepository::update(const QString &sql, const QVariantList &values,
                                       const QString &what)
{
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    for (const QVariant &value : values)
        query->addBindValue(value);
    return exec(query.value(), what);
}

} // namespace cv
