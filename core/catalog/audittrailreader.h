#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QVector>
#include <optional>

namespace cv {

class Database;

// Read access to the audit trail in chain order (ascending id), in bounded pages, for
// verifying it, signing checkpoints of it and exporting extracts of it. AuditLog writes.
class AuditTrailReader final
{
public:
    // A stored row as it is, even when it is damaged: `resultValid` is false when the
    // `result` column holds neither 'allowed' nor 'denied' (then `allowed` is false).
    struct Row : AuditRow
    {
        bool resultValid = true;
    };
    struct IdRange
    {
        qint64 first = 0; // 0: empty
        qint64 last = 0;
        bool isEmpty() const { return first == 0; }
    };

    explicit AuditTrailReader(Database &db);

    // Up to `limit` rows with afterId < id <= upToId (upToId < 0: no upper bound), by id.
    Result<QVector<Row>> page(qint64 afterId, int limit, qint64 upToId = -1);
    // The row with the highest id (the chain head), or nullopt for an empty trail.
    Result<std::optional<Row>> head();
    // The row with the highest id below `id`.
    Result<std::optional<Row>> lastBefore(qint64 id);
    // Rows with id > afterId, counting at most `cap` of them (cap <= 0: all).
    Result<qint64> countAfter(qint64 afterId, qint64 cap = 0);
    // The smallest and largest id of the rows with fromMs <= at_ms < toMs.
    Result<IdRange> idRangeForTime(qint64 fromMs, qint64 toMs);
    // The highest id of the rows with at_ms < `ms` (0 when there is none).
    Result<qint64> lastIdBeforeTime(qint64 ms);

private:
    Database &m_db;
};

} // namespace cv
