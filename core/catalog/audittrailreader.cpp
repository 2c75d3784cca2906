#include "audittrailreader.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>
#include <limits>

namespace cv {

using namespace sqlhelpers;

namespace {

const QString &selectColumns()
{
    static const QString columns =
        QStringLiteral("SELECT id, at_ms, actor, host, program, action, target, details, "
                       "result, prev_hash, hash FROM audit ");
    return columns;
}

AuditTrailReader::Row readRow(const QSqlQuery &query)
{
    AuditTrailReader::Row row;
    row.id = query.value(0).toLongLong();
    row.atMs = query.value(1).toLongLong();
    row.actor = query.value(2).toString();
    row.host = query.value(3).toString();
    row.program = query.value(4).toString();
    row.action = query.value(5).toString();
    row.target = query.value(6).toString();
    row.details = query.value(7).toString();
    const QString result = query.value(8).toString();
    row.allowed = result == QLatin1String("allowed");
    row.resultValid = row.allowed || result == QLatin1String("denied");
    row.prevHash = query.value(9).toByteArray();
    row.hash = query.value(10).toByteArray();
    return row;
}

Result<QVector<AuditTrailReader::Row>> readAll(QSqlQuery &query)
{
    if (auto r = exec(query, QStringLiteral("Could not read the audit trail")); !r)
        return r.error();
    QVector<AuditTrailReader::Row> rows;
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

Result<std::optional<AuditTrailReader::Row>> readOne(QSqlQuery &query)
{
    auto rows = readAll(query);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AuditTrailReader::Row>();
    return std::optional<AuditTrailReader::Row>(rows->first());
}

Result<qint64> readCount(QSqlQuery &query)
{
    if (auto r = exec(query, QStringLiteral("Could not read the audit trail")); !r)
        return r.error();
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

AuditTrailReader::AuditTrailReader(Database &db) : m_db(db) {}

Result<QVector<AuditTrailReader::Row>> AuditTrailReader::page(qint64 afterId, int limit,
                                                              qint64 upToId)
{
    // Keyset pages on the primary key: each page costs the same however long the trail is.
    auto query = prepare(m_db, selectColumns() +
                                   QStringLiteral("WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    query->addBindValue(static_cast<qlonglong>(afterId));
    query->addBindValue(
        static_cast<qlonglong>(upToId < 0 ? std::numeric_limits<qint64>::max() : upToId));
    query->addBindValue(limit);
    return readAll(query.value());
}

Result<std::optional<AuditTrailReader::Row>> AuditTrailReader::head()
{
    auto query = prepare(m_db, selectColumns() + QStringLiteral("ORDER BY id DESC LIMIT 1"));
    if (!query)
        return query.error();
    return readOne(query.value());
}

Result<std::optional<AuditTrailReader::Row>> AuditTrailReader::lastBefore(qint64 id)
{
    auto query =
        prepare(m_db, selectColumns() + QStringLiteral("WHERE id < ? ORDER BY id DESC LIMIT 1"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(id));
    return readOne(query.value());
}

Result<qint64> AuditTrailReader::countAfter(qint64 afterId, qint64 cap)
{
    auto query = prepare(m_db, cap > 0 ? QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM audit "
                                                        "WHERE id > ? LIMIT ?) AS capped")
                                       : QStringLiteral("SELECT COUNT(*) FROM audit WHERE id > ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(afterId));
    if (cap > 0)
        query->addBindValue(static_cast<qlonglong>(cap));
    return readCount(query.value());
}

Result<AuditTrailReader::IdRange> AuditTrailReader::idRangeForTime(qint64 fromMs, qint64 toMs)
{
    auto query = prepare(m_db, QStringLiteral("SELECT MIN(id), MAX(id) FROM audit "
                                              "WHERE at_ms >= ? AND at_ms < ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(fromMs));
    query->addBindValue(static_cast<qlonglong>(toMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the audit trail")); !r)
        return r.error();
    IdRange range;
    if (query->next() && !query->value(0).isNull()) {
        range.first = query->value(0).toLongLong();
        range.last = query->value(1).toLongLong();
    }
    return range;
}

Result<qint64> AuditTrailReader::lastIdBeforeTime(qint64 ms)
{
    auto query =
        prepare(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit WHERE at_ms < ?"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(ms));
    return readCount(query.value());
}

} // namespace cv
