#pragma once

#include "auth/authtext.h"
#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "catalog/transactionguard.h"
#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace cv::auditedchange {

// Internal to core (the services of core/auth and core/tags that act for a person): runs
// `work` (returning Result<void>) and appends the principal's 'allowed' audit row for it in
// ONE transaction, so a change and its audit row commit or roll back together.
template <typename Work>
Result<void> commit(Database &db, const Principal &principal, const QString &action,
                    const QString &target, const QJsonObject &details, Work &&work)
{
    TransactionGuard tx(db);
    if (!tx.ok())
        return tx.error();
    if (Result<void> done = work(); !done)
        return done;
    if (auto audited = AuditLog(db).append(
            principal.auditEvent(action, target, true, authtext::json(details)));
        !audited)
        return audited.error();
    return tx.commit();
}

// Like commit(), for work that knows its audit details only when done (the id of a row it
// added): `work` returns Result<std::optional<QJsonObject>>, the details, or std::nullopt
// when it changed nothing (then no audit row is written: nothing happened).
template <typename Work>
Result<void> commitReporting(Database &db, const Principal &principal, const QString &action,
                             const QString &target, Work &&work)
{
    TransactionGuard tx(db);
    if (!tx.ok())
        return tx.error();
    Result<std::optional<QJsonObject>> done = work();
    if (!done)
        return done.error();
    if (done.value()) {
        if (auto audited = AuditLog(db).append(
                principal.auditEvent(action, target, true, authtext::json(*done.value())));
            !audited)
            return audited.error();
    }
    return tx.commit();
}

// Internal to core/auth: runs `read` (returning Result<T>) and, when it succeeded, appends
// the principal's 'allowed' audit row for the read (an administrator listing users, roles,
// teams or settings leaves a trace too).
template <typename T, typename Read>
Result<T> read(Database &db, const Principal &principal, const QString &action,
               const QString &target, Read &&read)
{
    Result<T> result = read();
    if (!result)
        return result;
    if (auto audited = AuditLog(db).append(principal.auditEvent(action, target, true)); !audited)
        return audited.error();
    return result;
}

} // namespace cv::auditedchange
