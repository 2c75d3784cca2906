#include "recordingarchiver.h"

#include "catalog/recordingcommit.h"
#include "common/logging.h"
#include "store/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

Direction directionFromMetadata(const QString &text)
{
    if (text == QLatin1String("out"))
        return Direction::Outbound;
    if (text == QLatin1String("internal"))
        return Direction::Internal;
    return Direction::Inbound;
}

RecordingArchiver::RecordingArchiver(StorageLayout layout, Database &db) : m_layout(std::move(layout)), m_db(db) {}

RecordingRow RecordingArchiver::makeRow(const RecordingMetadata &metadata, const QUuid &siteId, qint64 durationMs)
{
    RecordingRow row;
    row.id = metadata.id;
    row.siteId = siteId;
    row.startedAt = metadata.startedAt.toUTC();
    row.endedAt = row.startedAt.addMSecs(durationMs);
    row.durationMs = durationMs;
    row.direction = directionFromMetadata(metadata.direction);
    row.agentId = metadata.agentId;
    row.customerPhone = metadata.customerPhone;
    row.status = RecordingStatus::Normal;
    row.tier = QStringLiteral("hot");
    row.codec = QStringLiteral("opus");
    row.createdAt = QDateTime::currentDateTimeUtc();
    return row;
}

Result<RecordingRow> RecordingArchiver::archive(const FinishedRecording &recording, const QUuid &siteId,
                                                AuditEvent audit, const CommitAlongside &alongside)
{
    const QString relative = m_layout.hotRelativePath(recording.metadata.id, recording.metadata.startedAt);
    const QString target = m_layout.absolutePath(relative);
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create the folder for %1.").arg(target));
    if (auto moved = durable::moveFile(recording.containerPath, target); !moved)
        return moved.error();

    RecordingRow row = makeRow(recording.metadata, siteId, recording.durationMs);
    row.storagePath = relative;
    row.sizeBytes = recording.sizeBytes;
    row.sha256Hex = QString::fromLatin1(recording.sha256.toHex());
    row.sampleRate = recording.opus.sampleRate;
    row.channels = recording.opus.channels;
    row.bitrate = recording.opus.bitrate;
    row.peaks = recording.peaks;

    KeyRow key;
    key.recordingId = row.id;
    key.wrappedKey = recording.wrappedKey;
    key.suite = recording.suite;
    key.siteKeyId = QString::fromLatin1(recording.siteKeyId.toHex());

    audit.action = QStringLiteral("recording.create");
    audit.target = row.id.toString(QUuid::WithoutBraces);
    audit.details = QString::fromUtf8(QJsonDocument(QJsonObject{
        {QStringLiteral("source"), recording.metadata.source},
        {QStringLiteral("durationMs"), static_cast<double>(row.durationMs)},
        {QStringLiteral("sha256"), row.sha256Hex},
    }).toJson(QJsonDocument::Compact));

    if (auto committed = commitFinishedRecording(m_db, row, key, audit, alongside); !committed) {
        // Put the file back beside its sidecar so a later `recover` (or a retry) finds both.
        if (!durable::moveFile(target, recording.containerPath))
            qCWarning(lcStore) << "recording left in" << target << "after a failed catalog commit";
        return committed.error();
    }
    if (!QFile::remove(recording.sidecarPath))
        qCWarning(lcStore) << "could not delete key sidecar" << recording.sidecarPath;
    (void)durable::syncDirectory(m_layout.spoolDirectory());
    return row;
}

} // namespace cv
