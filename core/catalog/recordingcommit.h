#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <functional>

namespace cv {

class Database;

// Finalizing a recording (DESIGN.md, "Data flow: recording"): the catalog row, its
// wrapped data key and the audit event in ONE transaction. On any failure nothing of the
// three is left behind, and the spool file with its key sidecar stays for `recover`.
// `key.recordingId` must equal `row.id`. Runs as a savepoint if the caller already has a
// TransactionGuard open. `alongside` (optional) writes more rows of the same fact in the same
// transaction (the network recorder's captured_calls row).
using CommitAlongside = std::function<Result<void>(Database &db, const RecordingRow &row)>;
Result<void> commitFinishedRecording(Database &db, const RecordingRow &row, const KeyRow &key,
                                     const AuditEvent &event, const CommitAlongside &alongside = {});

} // namespace cv
