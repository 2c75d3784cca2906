#pragma once

#include <QJsonObject>
#include <optional>

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QByteArray>
#include <QVector>

namespace cv {

class Database;

// Which audit rows to list (AuditLog::find). Empty texts and unset times match everything.
struct AuditFilter
{
    QString actor;        // exactly this user
    QString actionPrefix; // "recording." lists every recording action; "auth.login" one action
    QString target;       // exactly this target (a recording id, a user name, ...)
    std::optional<qint64> fromMs; // at_ms >= fromMs
    std::optional<qint64> toMs;   // at_ms < toMs
    std::optional<bool> allowed;  // only allowed or only denied rows

    QJsonObject toJson() const; // the filters that are set (for the audit row of a search)
};

// The append-only, hash-chained audit trail (table `audit`).
//
// Every row carries hash = SHA-256(prev_hash || canonical row), where prev_hash is the
// previous row's hash (32 zero bytes for the first row) and the canonical row is, in this
// order:
//   at_ms     u64 big-endian (milliseconds since the Unix epoch, UTC)
//   actor, host, program, action, target, details,
//   result    ('allowed' or 'denied')
// each string encoded as a u32 big-endian byte length followed by its UTF-8 bytes. The
// row id is not part of the hash; the order is fixed by the chain itself.
//
// One chain even with concurrent writers: append() reads the chain head and inserts the
// new row in one transaction that writers take one at a time (PostgreSQL:
// pg_advisory_xact_lock on a fixed key before reading the head, READ COMMITTED; SQLite:
// the write lock taken by BEGIN IMMEDIATE).
//
// On a server-enforced PostgreSQL catalog (CatalogConfig::serverEnforced) rows are appended
// by the server function cv_audit_append(), which computes the same hash in SQL and takes the
// same advisory lock; the actor is then the logged-in user, whatever the event says.
//
// What the chain proves: a changed, removed or inserted row breaks it at that row or the
// next one. Removing rows at the end leaves a valid shorter chain; signed checkpoints of
// the chain head (audit_checkpoints, core/audit AuditCheckpointer) cover that, and
// core/audit's AuditVerifier checks rows and checkpoints together.
class AuditLog final
{
public:
    explicit AuditLog(Database &db);

    // Appends the event with at_ms = now and returns its row id. Runs in its own
    // transaction, or as a savepoint inside the caller's TransactionGuard (then the
    // row commits or rolls back with the caller's work).
    Result<qint64> append(const AuditEvent &event);
    // Newest first.
    Result<QVector<AuditRow>> list(int limit, int offset);
    // Newest first, rows with id < beforeId (beforeId <= 0: from the newest), at most
    // `limit`: keyset pages for a viewer. Values are bound, never put into the SQL.
    Result<QVector<AuditRow>> find(const AuditFilter &filter, qint64 beforeId, int limit);
    // Walks the whole chain from the first row. Returns the number of rows verified, or
    // ErrorCode::Tampered naming the first row whose link or hash is wrong.
    Result<qint64> verifyChain();

    static QByteArray genesisHash(); // 32 zero bytes
    static QByteArray canonicalRow(const AuditRow &row);
    static QByteArray chainHash(const QByteArray &prevHash, const AuditRow &row);

private:
    Result<qint64> appendThroughServer(const AuditEvent &event);

    Database &m_db;
};

} // namespace cv
