#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "recorder/calljournal.h"
#include "recorder/recordedcall.h"
#include "store/storagelayout.h"

namespace cv {
class Database;
}

namespace cv::recorder {

// Puts ended calls into the catalog (DESIGN.md, "Data flow: recording"): a recording's row,
// wrapped key, audit event and captured_calls row in ONE transaction; a call without audio
// its captured_calls row alone. Idempotent by id: a call already in the catalog (a retry
// after a lost answer, a restart after a crash between commit and clean-up) is cleaned up,
// not doubled. Uses the calling thread's catalog connection.
class CallFinalizer final
{
public:
    CallFinalizer(StorageLayout layout, Database &db, const QUuid &siteId, AuditEvent auditBase);

    Result<void> commit(const CallOutcome &outcome);

    struct RecoveryReport
    {
        int recovered = 0;        // recordings sealed from what a crash left
        int rowsWithoutAudio = 0; // journaled calls without audio, now in the catalog
        QStringList problems;     // what could not be recovered now (kept for the next start)
    };
    // At start: what the last run left in the spool (a crash, or a catalog outage followed
    // by a stop) goes into the catalog, each recording with its call's row.
    Result<RecoveryReport> recoverAtStart();

private:
    Result<void> insertRowOnce(const CapturedCallRow &row);

    StorageLayout m_layout;
    Database &m_db;
    QUuid m_siteId;
    AuditEvent m_auditBase;
    CallJournal m_journal;
};

} // namespace cv::recorder
