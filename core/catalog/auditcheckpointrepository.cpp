#include "auditcheckpointrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

// pg_advisory_xact_lock key serializing checkpoint writers ("CVAUDCKP" in ASCII).
constexpr const char *kCheckpointLockSql = "SELECT pg_advisory_xact_lock(4852137483011574608)";

const QString &selectColumns()
{
    static const QString columns =
        QStringLiteral("SELECT id, audit_row_id, head_hash, row_count, at_ms, signer_key_id, "
                       "prev_checkpoint_hash, signature FROM audit_checkpoints ");
    return columns;
}

AuditCheckpointRow readRow(const QSqlQuery &query)
{
    AuditCheckpointRow row;
    row.id = query.value(0).toLongLong();
    row.auditRowId = query.value(1).toLongLong();
    row.headHash = query.value(2).toByteArray();
    row.rowCount = query.value(3).toLongLong();
    row.atMs = query.value(4).toLongLong();
    row.signerKeyId = query.value(5).toString();
    row.prevCheckpointHash = query.value(6).toByteArray();
    row.signature = query.value(7).toByteArray();
    return row;
}

Result<QVector<AuditCheckpointRow>> readAll(QSqlQuery &query)
{
    if (auto r = exec(query, QStringLiteral("Could not read the audit checkpoints")); !r)
        return r.error();
    QVector<AuditCheckpointRow> rows;
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

} // namespace

AuditCheckpointRepository::AuditCheckpointRepository(Database &db) : m_db(db) {}

Result<void> AuditCheckpointRepository::lockWriters()
{
    if (m_db.kind() != Database::Kind::Postgres)
        return {};
    auto lock = prepare(m_db, QString::fromLatin1(kCheckpointLockSql));
    if (!lock)
        return lock.error();
    return exec(lock.value(), QStringLiteral("Could not lock the audit checkpoints"));
}

Result<qint64> AuditCheckpointRepository::insert(const AuditCheckpointRow &row)
{
    // Login roles of a server-enforced catalog may not INSERT here; its function inserts
    // the same columns (docs/postgres-security.md).
    const QString sql =
        m_db.serverEnforced()
            ? QStringLiteral("SELECT cv_audit_add_checkpoint(?, ?, ?, ?, ?, ?, ?)")
            : QStringLiteral("INSERT INTO audit_checkpoints (audit_row_id, head_hash, row_count, "
                             "at_ms, signer_key_id, prev_checkpoint_hash, signature) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(row.auditRowId));
    query->addBindValue(blob(row.headHash));
    query->addBindValue(static_cast<qlonglong>(row.rowCount));
    query->addBindValue(static_cast<qlonglong>(row.atMs));
    query->addBindValue(text(row.signerKeyId));
    query->addBindValue(blob(row.prevCheckpointHash));
    query->addBindValue(blob(row.signature));
    if (auto r = exec(
            query.value(),
            QStringLiteral("Could not save the audit checkpoint of row %1").arg(row.auditRowId));
        !r)
        return r.error();
    if (!query->next())
        return makeError(
            ErrorCode::Database,
            QStringLiteral("The catalog did not return the id of the new audit checkpoint."));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

Result<std::optional<AuditCheckpointRow>> AuditCheckpointRepository::latest()
{
    auto query = prepare(m_db, selectColumns() + QStringLiteral("ORDER BY id DESC LIMIT 1"));
    if (!query)
        return query.error();
    auto rows = readAll(query.value());
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AuditCheckpointRow>();
    return std::optional<AuditCheckpointRow>(rows->first());
}

Result<qint64> AuditCheckpointRepository::maxId()
{
    auto query =
        prepare(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_checkpoints"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not read the audit checkpoints")); !r)
        return r.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QVector<AuditCheckpointRow>> AuditCheckpointRepository::page(qint64 afterId, qint64 upToId,
                                                                    int limit)
{
    auto query = prepare(m_db, selectColumns() +
                                   QStringLiteral("WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    query->addBindValue(static_cast<qlonglong>(afterId));
    query->addBindValue(static_cast<qlonglong>(upToId));
    query->addBindValue(limit);
    return readAll(query.value());
}

Result<QVector<AuditCheckpointRow>> AuditCheckpointRepository::coveringRows(qint64 firstRowId,
                                                                            qint64 lastRowId)
{
    auto query = prepare(m_db, selectColumns() + QStringLiteral("WHERE audit_row_id >= ? AND "
                                                                "audit_row_id <= ? ORDER BY id"));
    if (!query)
        return query.error();
    query->setForwardOnly(true);
    query->addBindValue(static_cast<qlonglong>(firstRowId));
    query->addBindValue(static_cast<qlonglong>(lastRowId));
    return readAll(query.value());
}

Result<std::optional<AuditCheckpointRow>> AuditCheckpointRepository::firstAfterRow(qint64 rowId)
{
    auto query = prepare(m_db, selectColumns() +
                                   QStringLiteral("WHERE audit_row_id > ? ORDER BY id LIMIT 1"));
    if (!query)
        return query.error();
    query->addBindValue(static_cast<qlonglong>(rowId));
    auto rows = readAll(query.value());
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<AuditCheckpointRow>();
    return std::optional<AuditCheckpointRow>(rows->first());
}

} // namespace cv
