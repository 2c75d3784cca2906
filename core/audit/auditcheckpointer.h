#pragma once

#include "catalog/auditcheckpointrepository.h"
#include "common/result.h"

#include <QUuid>
#include <functional>
#include <optional>

namespace cv {

class Database;
namespace crypto {
class Ed25519KeyPair;
}

// When a checkpoint is due: at least `everyRows` rows appended since the last checkpoint,
// or at least `maxAgeMs` since it (since the first row when there is none) and at least
// one new row.
struct AuditCheckpointPolicy
{
    static constexpr qint64 kDefaultEveryRows = 1000;
    static constexpr qint64 kDefaultMaxAgeMs = qint64(60) * 60 * 1000;

    qint64 everyRows = kDefaultEveryRows;
    qint64 maxAgeMs = kDefaultMaxAgeMs;

    // The defaults, overridden by $CALLVAULT_AUDIT_CHECKPOINT_ROWS (rows, >= 1) and
    // $CALLVAULT_AUDIT_CHECKPOINT_SECONDS (>= 1). The one place these settings are read.
    static Result<AuditCheckpointPolicy> fromEnvironment();
};

// Writes signed checkpoints of the audit chain head into `audit_checkpoints`.
//
// Only programs that hold the site private key can do this (callvaultctl commands that
// unlock it, the workstation of an admin); capture nodes have no private key, so their
// rows are covered by the next checkpoint a key holder writes.
//
// A checkpoint is signed only after the rows since the previous checkpoint have been
// checked (links and hashes, and the previous checkpoint's signature), so a broken chain
// is never blessed: checkpoint() then fails with ErrorCode::Tampered. Each checkpoint
// names the digest of the previous one, so checkpoints form a chain of their own.
// Two programs checkpointing at once: the insert happens under a lock (PostgreSQL
// advisory lock, SQLite BEGIN IMMEDIATE) after re-reading the latest checkpoint, and the
// loser starts over from the winner's checkpoint.
class AuditCheckpointer final
{
public:
    AuditCheckpointer(Database &db, const QUuid &siteId, const crypto::Ed25519KeyPair &signingKey,
                      AuditCheckpointPolicy policy = {});

    // For tests: the clock used for at_ms and the age rule (ms since the Unix epoch).
    void setClock(std::function<qint64()> nowMs);

    // Whether the policy asks for a checkpoint now.
    Result<bool> isDue();
    // checkpoint() when isDue(); nullopt when not due.
    Result<std::optional<AuditCheckpointRow>> checkpointIfDue();
    // Signs the current chain head; nullopt when the latest checkpoint already covers it.
    Result<std::optional<AuditCheckpointRow>> checkpoint();

private:
    Result<std::optional<AuditCheckpointRow>> tryCheckpoint(bool *raced);

    Database &m_db;
    QUuid m_siteId;
    const crypto::Ed25519KeyPair &m_key;
    AuditCheckpointPolicy m_policy;
    std::function<qint64()> m_now;
};

} // namespace cv
