#include "callfinalizer.h"

#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "recorder/recorderlogging.h"
#include "store/recordingarchiver.h"
#include "store/spoolrecovery.h"

#include "store/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cv::recorder {

CallFinalizer::CallFinalizer(StorageLayout layout, Database &db, const QUuid &siteId, AuditEvent auditBase)
    : m_layout(std::move(layout)), m_db(db), m_siteId(siteId), m_auditBase(std::move(auditBase)),
      m_journal(m_layout.spoolDirectory())
{
}

Result<void> CallFinalizer::insertRowOnce(const CapturedCallRow &row)
{
    // The id is the recorder's own random UUID: a row with it can only be this call's,
    // committed before (a retry after a lost answer). Not read back: a recorder login may
    // read nothing on a server-enforced catalog.
    auto inserted = CapturedCallRepository(m_db).insert(row);
    if (!inserted && inserted.error().code == ErrorCode::Conflict)
        return {};
    return inserted;
}

Result<void> CallFinalizer::commit(const CallOutcome &outcome)
{
    if (!outcome.recording) {
        if (auto r = insertRowOnce(outcome.row); !r)
            return r;
        m_journal.remove(outcome.row.id);
        return {};
    }
    const FinishedRecording &recording = *outcome.recording;
    const CapturedCallRow row = outcome.row;
    auto archived = RecordingArchiver(m_layout, m_db)
                        .archive(recording, m_siteId, m_auditBase, [row](Database &db, const RecordingRow &) {
                            return CapturedCallRepository(db).insert(row);
                        });
    if (!archived) {
        if (archived.error().code != ErrorCode::Conflict)
            return archived.error();
        // The recording's random id is in the catalog already: an earlier commit went through
        // but its answer was lost, and the archiver put the file back into the spool. The
        // catalog row points at the hot path: put the file there (never delete it).
        const QString hot = m_layout.absolutePath(m_layout.hotRelativePath(recording.metadata.id, recording.metadata.startedAt));
        if (!QFile::exists(hot)) {
            QDir().mkpath(QFileInfo(hot).absolutePath());
            if (auto moved = durable::moveFile(recording.containerPath, hot); !moved)
                return moved.error();
        }
        QFile::remove(recording.sidecarPath);
        qCInfo(lcRecorder) << "recording" << recording.metadata.id << "was already in the catalog; its file is in place";
    }
    m_journal.remove(row.id);
    return {};
}

Result<CallFinalizer::RecoveryReport> CallFinalizer::recoverAtStart()
{
    RecoveryReport report;
    SpoolRecovery recovery(m_layout, m_db);
    recovery.setAlongside([this](const SpoolRecovery::Item &item) -> CommitAlongside {
        auto entry = m_journal.read(item.id);
        if (!entry)
            return {}; // not a recorder's recording (an import's leftover): no call row
        CapturedCallRow row = entry->row;
        row.recordingId = item.id;
        if (!entry->final) {
            row.completeness = Completeness::Recovered;
            row.endedAt = row.startedAt.addMSecs(item.recoveredMs);
            row.details.insert(QStringLiteral("reason"),
                               QStringLiteral("The recorder stopped during the call; the recording was recovered at its next start."));
        }
        return [row](Database &db, const RecordingRow &) { return CapturedCallRepository(db).insert(row); };
    });
    AuditEvent audit = m_auditBase;
    auto items = recovery.recoverAll(m_siteId, audit);
    if (!items)
        return items.error();
    for (const SpoolRecovery::Item &item : items.value()) {
        switch (item.outcome) {
        case SpoolRecovery::Item::Outcome::Recovered:
            ++report.recovered;
            m_journal.remove(item.id);
            break;
        case SpoolRecovery::Item::Outcome::AlreadyCataloged:
            m_journal.remove(item.id);
            break;
        case SpoolRecovery::Item::Outcome::Discarded:
            break; // its journal, if any, is cataloged below without audio
        case SpoolRecovery::Item::Outcome::Skipped:
            report.problems << QStringLiteral("%1: %2").arg(item.file, item.message);
            break;
        }
    }
    // Journals left: calls that ended without audio before the catalog could take them, or
    // whose audio never got written.
    for (const QUuid &id : m_journal.pending()) {
        if (QFile::exists(m_layout.spoolSidecarPath(id)))
            continue; // a skipped recording: next start
        auto entry = m_journal.read(id);
        if (!entry) {
            report.problems << entry.errorMessage();
            continue;
        }
        CapturedCallRow row = entry->row;
        // No recording file beside this journal (checked above), so no audio of it will be
        // cataloged from here: the row goes in without one. A call that was still running
        // had not written any audio yet when the recorder stopped.
        row.recordingId.reset();
        if (!entry->final) {
            row.completeness = Completeness::NotAnswered;
            row.details.insert(QStringLiteral("reason"),
                               QStringLiteral("The recorder stopped during the call, before any of its audio was written."));
        }
        if (auto r = insertRowOnce(row); !r) {
            report.problems << r.errorMessage();
            continue;
        }
        m_journal.remove(id);
        ++report.rowsWithoutAudio;
    }
    return report;
}

} // namespace cv::recorder
