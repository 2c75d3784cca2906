#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/recordingcommit.h"
#include "common/result.h"
#include "store/recordingwriter.h"
#include "store/storagelayout.h"

namespace cv {

class Database;

// Moves a finished recording from the spool into the hot tier and commits its catalog row,
// wrapped key and audit event in one transaction, then deletes the key sidecar. A crash at
// any step leaves something `recover` completes (docs/architecture.md, "Recording").
class RecordingArchiver final
{
public:
    RecordingArchiver(StorageLayout layout, Database &db);

    // `audit` names who and which program; action, target and details are filled in here.
    // `alongside` writes more rows in the commit's transaction (commitFinishedRecording).
    Result<RecordingRow> archive(const FinishedRecording &recording, const QUuid &siteId, AuditEvent audit,
                                 const CommitAlongside &alongside = {});

    // Builds the row for a container (shared with recovery).
    static RecordingRow makeRow(const RecordingMetadata &metadata, const QUuid &siteId, qint64 durationMs);

private:
    StorageLayout m_layout;
    Database &m_db;
};

// Parses "in"/"out"/"internal" leniently for rows built from capture metadata.
Direction directionFromMetadata(const QString &text);

} // namespace cv
