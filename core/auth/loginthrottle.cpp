#include "auth/loginthrottle.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "crypto/cryptoutil.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

LoginThrottle::LoginThrottle(Database &db) : m_db(db) {}

QString LoginThrottle::keyOf(const QString &name)
{
    return QString::fromLatin1(crypto::sha256(name.toUtf8()).toHex());
}

Result<LoginThrottle::State> LoginThrottle::state(const QString &key)
{
    auto query = prepare(
        m_db,
        QStringLiteral("SELECT failures, locked_until_ms FROM login_throttle WHERE name_key = ?"));
    if (!query)
        return query.error();
    query->addBindValue(key);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the log-in failures")); !r)
        return r.error();
    State state;
    if (query->next()) {
        state.failures = query->value(0).toInt();
        if (!query->value(1).isNull())
            state.lockedUntilMs = query->value(1).toLongLong();
    }
    return state;
}

Result<LoginThrottle::State> LoginThrottle::addFailure(const QString &key, qint64 nowMs,
                                                       int maxFailures, qint64 lockMs)
{
    State state;
    {
        auto query = prepare(
            m_db, QStringLiteral("INSERT INTO login_throttle (name_key, failures, locked_until_ms, "
                                 "last_failure_ms) VALUES (?, 1, NULL, ?) "
                                 "ON CONFLICT (name_key) DO UPDATE SET "
                                 "failures = login_throttle.failures + 1, "
                                 "last_failure_ms = excluded.last_failure_ms "
                                 "RETURNING failures"));
        if (!query)
            return query.error();
        query->addBindValue(key);
        query->addBindValue(static_cast<qlonglong>(nowMs));
        if (auto r = exec(query.value(), QStringLiteral("Could not count a failed log-in")); !r)
            return r.error();
        if (!query->next())
            return makeError(ErrorCode::Database,
                             QStringLiteral("Could not count a failed log-in."));
        state.failures = query->value(0).toInt();
    }
    if (state.failures < maxFailures)
        return state;
    auto query =
        prepare(m_db, QStringLiteral("UPDATE login_throttle SET failures = 0, locked_until_ms = ? "
                                     "WHERE name_key = ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(nowMs + lockMs));
    query->addBindValue(key);
    if (auto r = exec(query.value(), QStringLiteral("Could not lock a name")); !r)
        return r.error();
    state.failures = 0;
    state.lockedUntilMs = nowMs + lockMs;
    return state;
}

Result<void> LoginThrottle::clear(const QString &key)
{
    auto query = prepare(
        m_db, QStringLiteral("UPDATE login_throttle SET failures = 0, locked_until_ms = NULL "
                             "WHERE name_key = ?"));
    if (!query)
        return query.error();
    query->addBindValue(key);
    return exec(query.value(), QStringLiteral("Could not end a lockout"));
}

Result<void> LoginThrottle::prune(qint64 nowMs, qint64 keepMs)
{
    auto query =
        prepare(m_db, QStringLiteral("DELETE FROM login_throttle WHERE last_failure_ms < ? "
                                     "AND (locked_until_ms IS NULL OR locked_until_ms <= ?)"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(nowMs - keepMs));
    query->addBindValue(static_cast<qlonglong>(nowMs));
    return exec(query.value(), QStringLiteral("Could not prune old log-in failures"));
}

} // namespace cv
