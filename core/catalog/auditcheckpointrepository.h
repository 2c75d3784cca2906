#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One row of `audit_checkpoints`: a signed statement "the audit chain up to row
// auditRowId has rowCount rows and ends in headHash" (see core/audit/auditcheckpointsigning.h
// for the signed bytes and docs/catalog-schema.md).
struct AuditCheckpointRow
{
    qint64 id = 0;
    qint64 auditRowId = 0; // the chain head it covers
    QByteArray headHash;   // 32 bytes: hash of row auditRowId
    qint64 rowCount = 0;   // rows in the chain up to and including auditRowId
    qint64 atMs = 0;       // when it was signed, ms since the Unix epoch (UTC)
    QString signerKeyId;   // hex SHA-256 of the Ed25519 public key that signed it
    QByteArray
        prevCheckpointHash; // 32 bytes: digest of the previous checkpoint, zeros for the first
    QByteArray signature;   // 64 bytes, Ed25519
};

// The `audit_checkpoints` table. Only storage: what a checkpoint means and how it is
// signed and checked lives in core/audit (AuditCheckpointer, AuditVerifier).
class AuditCheckpointRepository final
{
public:
    explicit AuditCheckpointRepository(Database &db);

    // Inside a TransactionGuard: serializes checkpoint writers until the transaction ends
    // (PostgreSQL: pg_advisory_xact_lock; SQLite's BEGIN IMMEDIATE already holds the lock).
    Result<void> lockWriters();
    // Inserts the row (its id is ignored) and returns the new id. Joins the caller's
    // TransactionGuard when there is one.
    Result<qint64> insert(const AuditCheckpointRow &row);
    // The checkpoint with the highest id, or nullopt when there is none.
    Result<std::optional<AuditCheckpointRow>> latest();
    // The highest checkpoint id, 0 when there is none.
    Result<qint64> maxId();
    // Up to `limit` checkpoints with afterId < id <= upToId, by id.
    Result<QVector<AuditCheckpointRow>> page(qint64 afterId, qint64 upToId, int limit);
    // The checkpoints whose audit_row_id lies in [firstRowId, lastRowId], by id.
    Result<QVector<AuditCheckpointRow>> coveringRows(qint64 firstRowId, qint64 lastRowId);
    // The first checkpoint (lowest id) whose audit_row_id is greater than `rowId`.
    Result<std::optional<AuditCheckpointRow>> firstAfterRow(qint64 rowId);

private:
    Database &m_db;
};

} // namespace cv
