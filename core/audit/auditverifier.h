#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <atomic>
#include <functional>
#include <optional>

namespace cv {

class Database;

// The first thing wrong with an audit trail, located in the chain.
struct AuditProblem
{
    enum class Kind : int
    {
        RowChanged = 1,                 // the row's hash does not match its contents
        RowsRemoved = 2,                // the link breaks after missing ids (or at the first row)
        RowInserted = 3,                // the link breaks with no id missing
        IdGap = 4,                      // SQLite: ids missing although the links hold (re-linked)
        CheckpointSignatureInvalid = 5, // not signed by the site's signing key
        CheckpointHeadMismatch = 6,     // the row it names has another hash now
        CheckpointCountMismatch = 7,    // the chain up to its row has another number of rows
        CheckpointRowMissing = 8,       // the row it names is gone, later rows remain
        TailTruncated = 9,              // the trail ends before the row a checkpoint names
        CheckpointChainBroken = 10,     // it does not name the checkpoint before it
        CheckpointOutOfOrder = 11,      // it covers a row that is not after the previous one's
    };

    Kind kind = Kind::RowChanged;
    qint64 rowId = 0;        // where the chain breaks (the first missing id for TailTruncated)
    qint64 checkpointId = 0; // the checkpoint concerned, 0 for row problems
    QString message;         // "row 17 was changed after it was written (...)"
};

struct AuditVerdict
{
    qint64 rowsVerified = 0;        // rows checked before the first problem (all when valid)
    qint64 checkpointsVerified = 0; // checkpoints whose signature, chain, head and count held
    qint64 lastRowId = 0;
    qint64 lastCheckpointRowId = 0; // row of the last verified checkpoint, 0 for none
    qint64 uncoveredRows = 0;       // rows after the last verified checkpoint
    qint64 unusedIds = 0;           // PostgreSQL: ids skipped by rolled-back transactions
    QString firstUnusedIds;         // the first such gap ("41-43")
    std::optional<AuditProblem> problem;

    bool isValid() const { return !problem.has_value(); }
    // "valid: 12 rows, 2 signed checkpoints" or "BROKEN at row 7: row 7 was changed ...".
    QString summary() const;
    // Further lines for a person: rows not yet covered by a checkpoint, unused ids.
    QStringList notes() const;
};

// Verifies the whole audit trail against the site's Ed25519 PUBLIC signing key (from
// site.json), so an auditor's machine can verify without any secret:
// - every row: its link to the previous row and its hash;
// - ids: on SQLite ids never skip, so a gap means removed rows; on PostgreSQL rolled-back
//   transactions leave gaps, which are reported as a note;
// - every checkpoint: its signature, that it names the previous checkpoint's digest, that
//   the row it names exists with the hash and the number of rows up to it that it signed,
//   and that the trail still reaches that row (tail truncation).
// Stops at the first problem, by position in the chain. Reads in keyset pages, so memory
// stays flat however long the trail is; rows and checkpoints written while it runs are
// fine (checkpoints newer than the start are left for the next run).
//
// What no chain can show: rows removed at the end that no signed checkpoint covers yet
// (notes() says how many rows are in that window), and the removal of the newest
// checkpoint (its rows then count as not yet covered).
class AuditVerifier final
{
public:
    using ProgressCallback = std::function<void(qint64 rowsDone, qint64 rowsTotal)>;

    AuditVerifier(Database &db, const QUuid &siteId, const QByteArray &signingPublicKey);

    // Called after each page of rows, on the verifying thread.
    void setProgressCallback(ProgressCallback callback);
    void setPageSize(int rows); // default 500
    // Thread-safe; verify() then ends with ErrorCode::Cancelled.
    void cancel();

    // A verdict (valid or not) when the trail could be read; an Error only when it could not
    // (ErrorCode::Database) or when cancelled (ErrorCode::Cancelled).
    Result<AuditVerdict> verify();

private:
    Database &m_db;
    QUuid m_siteId;
    QByteArray m_publicKey;
    ProgressCallback m_progress;
    int m_pageSize = 500;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cv
