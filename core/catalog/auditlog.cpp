#include "auditlog.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"
#include "common/bytes.h"
#include "crypto/cryptoutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QSysInfo>

namespace cv {

using namespace sqlhelpers;

namespace {

// pg_advisory_xact_lock key that serializes audit appends ("CVAUDIT\1" in ASCII).
constexpr const char *kAuditLockSql = "SELECT pg_advisory_xact_lock(4852137483011970049)";
constexpr int kHashSize = 32;
constexpr int kVerifyBatch = 500;

const QString &selectColumns()
{
    static const QString columns = QStringLiteral(
        "id, at_ms, actor, host, program, action, target, details, result, prev_hash, hash");
    return columns;
}

QString resultText(bool allowed)
{
    return allowed ? QStringLiteral("allowed") : QStringLiteral("denied");
}

Result<AuditRow> readRow(const QSqlQuery &query)
{
    AuditRow row;
    row.id = query.value(0).toLongLong();
    row.atMs = query.value(1).toLongLong();
    row.actor = query.value(2).toString();
    row.host = query.value(3).toString();
    row.program = query.value(4).toString();
    row.action = query.value(5).toString();
    row.target = query.value(6).toString();
    row.details = query.value(7).toString();
    const QString result = query.value(8).toString();
    if (result != resultText(true) && result != resultText(false))
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("Audit row %1 has an invalid result '%2'.").arg(row.id).arg(result));
    row.allowed = result == resultText(true);
    row.prevHash = query.value(9).toByteArray();
    row.hash = query.value(10).toByteArray();
    return row;
}

void appendString(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    bytes::appendU32(out, static_cast<std::uint32_t>(utf8.size()));
    out.append(utf8);
}

} // namespace

AuditLog::AuditLog(Database &db) : m_db(db) {}

QByteArray AuditLog::genesisHash()
{
    return QByteArray(kHashSize, '\0');
}

QByteArray AuditLog::canonicalRow(const AuditRow &row)
{
    QByteArray out;
    bytes::appendU64(out, static_cast<std::uint64_t>(row.atMs));
    appendString(out, row.actor);
    appendString(out, row.host);
    appendString(out, row.program);
    appendString(out, row.action);
    appendString(out, row.target);
    appendString(out, row.details);
    appendString(out, resultText(row.allowed));
    return out;
}

QByteArray AuditLog::chainHash(const QByteArray &prevHash, const AuditRow &row)
{
    return crypto::sha256(prevHash + canonicalRow(row));
}

Result<qint64> AuditLog::append(const AuditEvent &event)
{
    AuditRow row;
    static_cast<AuditEvent &>(row) = event;
    if (row.host.isEmpty())
        row.host = QSysInfo::machineHostName();
    if (row.program.isEmpty())
        row.program = QCoreApplication::applicationName();
    if (row.action.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An audit event needs an action."));

    if (m_db.serverEnforced())
        return appendThroughServer(row);

    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (m_db.kind() == Database::Kind::Postgres) {
        auto lock = prepare(m_db, QString::fromLatin1(kAuditLockSql));
        if (!lock)
            return lock.error();
        if (auto r = exec(lock.value(), QStringLiteral("Could not lock the audit trail")); !r)
            return r.error();
    }

    // Each query lives in its own scope: a PostgreSQL statement must be released before a
    // later failure aborts the transaction (see TransactionGuard::holdFailedQuery).
    {
        auto head =
            prepare(m_db, QStringLiteral("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"));
        if (!head)
            return head.error();
        if (auto r = exec(head.value(), QStringLiteral("Could not read the audit trail")); !r)
            return r.error();
        row.prevHash = head->next() ? head->value(0).toByteArray() : genesisHash();
    }
    // Set the time under the lock so that at_ms never decreases along the chain on one host.
    row.atMs = QDateTime::currentMSecsSinceEpoch();
    row.hash = chainHash(row.prevHash, row);

    auto insert =
        prepare(m_db, QStringLiteral("INSERT INTO audit (at_ms, actor, host, program, action, "
                                     "target, details, result, prev_hash, hash) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!insert)
        return insert.error();
    insert->addBindValue(static_cast<qlonglong>(row.atMs));
    insert->addBindValue(text(row.actor));
    insert->addBindValue(text(row.host));
    insert->addBindValue(text(row.program));
    insert->addBindValue(text(row.action));
    insert->addBindValue(text(row.target));
    insert->addBindValue(text(row.details));
    insert->addBindValue(resultText(row.allowed));
    insert->addBindValue(row.prevHash);
    insert->addBindValue(row.hash);
    if (auto r = exec(insert.value(),
                      QStringLiteral("Could not write the audit event '%1'").arg(row.action));
        !r)
        return r.error();
    if (!insert->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog did not return the id of the new audit row."));
    const qint64 id = insert->value(0).toLongLong();
    insert->finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Result<qint64> AuditLog::appendThroughServer(const AuditEvent &event)
{
    // The server fills in the actor (the logged-in user), the time and the chain link; the
    // login role has no INSERT on `audit` (docs/postgres-security.md).
    auto call = prepare(m_db, QStringLiteral("SELECT cv_audit_append(?, ?, ?, ?, ?, ?)"));
    if (!call)
        return call.error();
    call->addBindValue(text(event.action));
    call->addBindValue(text(event.target));
    call->addBindValue(text(event.details));
    call->addBindValue(event.allowed);
    call->addBindValue(text(event.host));
    call->addBindValue(text(event.program));
    if (auto r = exec(call.value(),
                      QStringLiteral("Could not write the audit event '%1'").arg(event.action));
        !r)
        return r.error();
    if (!call->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog did not return the id of the new audit row."));
    const qint64 id = call->value(0).toLongLong();
    call->finish();
    return id;
}

Result<QVector<AuditRow>> AuditLog::list(int limit, int offset)
{
    if (limit < 0 || offset < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An audit list needs a limit and offset of zero or more."));
    auto query = prepare(m_db, QStringLiteral("SELECT ") + selectColumns() +
                                   QStringLiteral(" FROM audit ORDER BY id DESC LIMIT ? OFFSET ?"));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    query->addBindValue(limit);
    query->addBindValue(offset);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the audit trail")); !r)
        return r.error();
    return collectRows<AuditRow>(query.value(), readRow);
}

QJsonObject AuditFilter::toJson() const
{
    QJsonObject json;
    if (!actor.isEmpty())
        json.insert(QStringLiteral("actor"), actor);
    if (!actionPrefix.isEmpty())
        json.insert(QStringLiteral("action"), actionPrefix);
    if (!target.isEmpty())
        json.insert(QStringLiteral("target"), target);
    if (fromMs)
        json.insert(QStringLiteral("from"), double(*fromMs));
    if (toMs)
        json.insert(QStringLiteral("to"), double(*toMs));
    if (allowed)
        json.insert(QStringLiteral("result"), resultText(*allowed));
    return json;
}

Result<QVector<AuditRow>> AuditLog::find(const AuditFilter &filter, qint64 beforeId, int limit)
{
    if (limit <= 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An audit page needs a limit of one or more."));
    // Fixed SQL fragments chosen by which filters are set; every value is a bound parameter.
    QStringList where;
    QVariantList values;
    const auto add = [&](const QString &condition, const QVariant &value) {
        where << condition;
        values << value;
    };
    if (beforeId > 0)
        add(QStringLiteral("id < ?"), static_cast<qlonglong>(beforeId));
    if (!filter.actor.isEmpty())
        add(QStringLiteral("actor = ?"), filter.actor);
    if (!filter.actionPrefix.isEmpty()) {
        where << QStringLiteral("substr(action, 1, ?) = ?");
        values << static_cast<int>(filter.actionPrefix.size()) << filter.actionPrefix;
    }
    if (!filter.target.isEmpty())
        add(QStringLiteral("target = ?"), filter.target);
    if (filter.fromMs)
        add(QStringLiteral("at_ms >= ?"), static_cast<qlonglong>(*filter.fromMs));
    if (filter.toMs)
        add(QStringLiteral("at_ms < ?"), static_cast<qlonglong>(*filter.toMs));
    if (filter.allowed)
        add(QStringLiteral("result = ?"), resultText(*filter.allowed));
    QString sql = QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM audit");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << limit;
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    for (const QVariant &value : std::as_const(values))
        query->addBindValue(value);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the audit trail")); !r)
        return r.error();
    return collectRows<AuditRow>(query.value(), readRow);
}

Result<qint64> AuditLog::verifyChain()
{
    QByteArray expectedPrev = genesisHash();
    qint64 previousId = 0;
    qint64 verified = 0;
    // Keyset pages keep memory flat however long the trail is.
    for (;;) {
        auto query =
            prepare(m_db, QStringLiteral("SELECT ") + selectColumns() +
                              QStringLiteral(" FROM audit WHERE id > ? ORDER BY id LIMIT ?"));
        if (!query)
            return query.error();
        query->setForwardOnly(true);
        query->addBindValue(static_cast<qlonglong>(previousId));
        query->addBindValue(kVerifyBatch);
        if (auto r = exec(query.value(), QStringLiteral("Could not read the audit trail")); !r)
            return r.error();
        int inBatch = 0;
        while (query->next()) {
            ++inBatch;
            auto row = readRow(query.value());
            if (!row)
                return row.error();
            if (row->prevHash != expectedPrev) {
                if (verified == 0)
                    return makeError(
                        ErrorCode::Tampered,
                        QStringLiteral("The audit trail is broken at row %1: the first row "
                                       "does not start the chain (rows before it were "
                                       "removed, or it was changed).")
                            .arg(row->id));
                return makeError(
                    ErrorCode::Tampered,
                    QStringLiteral("The audit trail is broken at row %1: it does not link "
                                   "to row %2 before it (a row in between was removed or "
                                   "inserted, or the link was changed).")
                        .arg(row->id)
                        .arg(previousId));
            }
            if (row->hash.size() != kHashSize || chainHash(row->prevHash, row.value()) != row->hash)
                return makeError(ErrorCode::Tampered,
                                 QStringLiteral("The audit trail is broken at row %1: the row was "
                                                "changed after it was written (its hash does not "
                                                "match its contents).")
                                     .arg(row->id));
            expectedPrev = row->hash;
            previousId = row->id;
            ++verified;
        }
        if (inBatch < kVerifyBatch)
            break;
    }
    return verified;
}

} // namespace cv
