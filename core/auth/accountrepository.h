#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One row of `users` with everything version 3 added, and the user's teams.
struct Account
{
    qint64 id = 0;
    QString name;
    QString passwordHash;
    QString role;
    bool mustChangePassword = false;
    bool disabled = false;
    int failedLogins = 0;
    std::optional<qint64> lockedUntilMs;
    qint64 passwordChangedAtMs = 0;
    std::optional<qint64> lastLoginMs;
    QString agentId; // empty: not an agent
    qint64 createdAtMs = 0;
    QStringList teams; // team ids (user_teams), sorted; filled by list() and find*()

    bool isLockedAt(qint64 nowMs) const { return lockedUntilMs && *lockedUntilMs > nowMs; }
};

// The users table beyond what catalog/UserRepository (used by `init`) needs: the
// administration and log-in columns, and user_teams. No permission checks: UserAdmin and
// AuthService act on behalf of a person. Names are not checked here either (callers do,
// see authtext::checkName), except that find() never looks up a name that no user can have.
class AccountRepository final
{
public:
    explicit AccountRepository(Database &db);

    struct NewAccount
    {
        QString name;
        QString passwordHash;
        QString role;
        bool mustChangePassword = true;
        QString agentId;
        qint64 nowMs = 0;
    };
    // The new user's id. ErrorCode::Conflict when the name is taken.
    Result<qint64> insert(const NewAccount &account);

    Result<std::optional<Account>> findByName(const QString &name);
    Result<std::optional<Account>> findById(qint64 id);
    // Ordered by name.
    Result<QVector<Account>> list();

    // Replaces the user's teams. NotFound naming a team that does not exist.
    Result<void> setTeams(qint64 id, const QStringList &teamIds);
    Result<void> setDisabled(qint64 id, bool disabled);
    Result<void> setRole(qint64 id, const QString &role);
    Result<void> setAgentId(qint64 id, const QString &agentId); // empty: none
    // New hash; clears the failure count and any lockout.
    Result<void> setPassword(qint64 id, const QString &hash, bool mustChange, qint64 nowMs);
    // The same password under a stronger hash: leaves the password's age and flags alone.
    Result<void> replaceHash(qint64 id, const QString &hash);

    // One more failed log-in; returns the new count.
    Result<int> addFailure(qint64 id);
    // Locks until `untilMs` and restarts the count.
    Result<void> lock(qint64 id, qint64 untilMs);
    // Clears the lockout and the count.
    Result<void> unlock(qint64 id);
    Result<void> recordLogin(qint64 id, qint64 nowMs);

private:
    Result<std::optional<Account>> findOne(const QString &where, const QVariant &value);
    Result<QStringList> teamsOf(qint64 id);
    Result<void> update(const QString &sql, const QVariantList &values, const QString &what);

    Database &m_db;
};

} // namespace cv
