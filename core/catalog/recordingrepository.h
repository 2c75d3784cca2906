#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// The `recordings` table. Works on the calling thread's connection and inside the
// caller's TransactionGuard, if any.
class RecordingRepository final
{
public:
    explicit RecordingRepository(Database &db);

    // ErrorCode::Conflict if a recording with this id exists; ErrorCode::InvalidArgument
    // for a row without id, site or times.
    Result<void> insert(const RecordingRow &row);
    Result<std::optional<RecordingRow>> find(const QUuid &id);
    // find(), with ErrorCode::NotFound ("No recording <id> in the catalog.") when there is none.
    Result<RecordingRow> get(const QUuid &id);
    // Newest first: ORDER BY started_at DESC, id DESC.
    Result<QVector<RecordingRow>> list(int limit, int offset);
    Result<qint64> count();
    // ErrorCode::NotFound if there is no such recording.
    Result<void> updateStatus(const QUuid &id, RecordingStatus status);

private:
    Database &m_db;
};

} // namespace cv
