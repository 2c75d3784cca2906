#include "callfinalizer.h"

#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "recorder/recorderlogging.h"
#include "store/recordingarchiver.h"
#include "store/spoolrecovery.h"

#include <QFile>

namespace cv::recorder {

CallFinalizer::CallFinalizer(StorageLayout layout, Database &db, const QUuid &siteId, AuditEvent auditBase)
    : m_layout(std::move(layout)), m_db(db), m_siteId(siteId), m_auditBase(std::move(auditBase)),
      m_journal(m_layout.spoolDirectory())
{
}

Result<void> CallFinalizer::insertRowOnce(const CapturedCallRow &row)
{
    CapturedCallRepository repository(m_db);
    auto inserted = repository.insert(row);
    if (inserted || inserted.error().code != ErrorCode::Conflict)
        return inserted;
    auto existing = repository.find(row.id);
    if (existing && existing->has_value())
        return {}; // committed before: a retry must not fail nor double it
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
        auto existing = RecordingRepository(m_db).find(recording.metadata.id);
        if (!existing || !existing->has_value())
            return archived.error();
        // Already cataloged: the spool copy is a leftover of a commit whose answer was lost.
        QFile::remove(recording.containerPath);
        QFile::remove(recording.sidecarPath);
        qCInfo(lcRecorder) << "recording" << recording.metadata.id << "was already in the catalog";
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
        if (row.recordingId) {
            auto existing = RecordingRepository(m_db).find(*row.recordingId);
            if (!existing) {
                report.problems << existing.errorMessage();
                continue;
            }
            if (!existing->has_value())
                row.recordingId.reset(); // its audio never reached the disk
        }
        if (!entry->final)
            row.completeness = row.recordingId ? Completeness::Recovered : Completeness::DiskError;
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
