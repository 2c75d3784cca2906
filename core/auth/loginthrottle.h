#pragma once

#include "common/result.h"

#include <QString>
#include <optional>

namespace cv {

class Database;

// Failed log-ins under names that belong to no user (table `login_throttle`). They count and
// lock out exactly like a real account's, so neither the answers nor the lockout reveal
// whether a name exists. Rows are keyed by the SHA-256 (hex) of the name, so any text a
// person types (NUL, 100 kB, broken UTF-8) fits, and names are not kept in clear.
class LoginThrottle final
{
public:
    explicit LoginThrottle(Database &db);

    static QString keyOf(const QString &name);

    struct State
    {
        int failures = 0;
        std::optional<qint64> lockedUntilMs;
    };
    Result<State> state(const QString &key);
    // Counts a failure; locks until nowMs + lockMs when the count reaches maxFailures (and
    // then restarts the count). Returns the new state.
    Result<State> addFailure(const QString &key, qint64 nowMs, int maxFailures, qint64 lockMs);
    // Ends an expired lockout.
    Result<void> clear(const QString &key);
    // Removes rows without a running lockout whose last failure is older than `keepMs`.
    Result<void> prune(qint64 nowMs, qint64 keepMs);

private:
    Database &m_db;
};

} // namespace cv
