#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

namespace cv {

class RecordingAccess;

// Decrypts a recording into a file a media player opens: .opus (the stored Ogg Opus stream,
// bit for bit unless stamped, see Stamp) or .wav (16-bit PCM at the recording's original rate). The export is audited
// before any audio is written, and the output appears only when complete (no partial file).
class RecordingExporter final
{
public:
    enum class Format { Opus, Wav };
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels

    // Who exported the file and when, written into it (docs/export-manifest.md, "Export
    // stamps"): .opus gets CALLVAULT_EXPORTED_BY / _AT / CALLVAULT_RECORDING_ID comments in
    // its OpusTags header (the audio pages stay bit for bit), .wav a LIST/INFO chunk.
    // `fileName` is the name the audit row gives (default: the output file's name).
    struct Stamp
    {
        QString exportedBy;
        QDateTime exportedAt;
        QString fileName;

        bool isEmpty() const { return exportedBy.isEmpty(); }
        QStringList opusComments(const QUuid &id) const;
    };

    explicit RecordingExporter(const RecordingAccess &access);

    static Result<Format> formatForPath(const QString &path);
    // `audit` names who and which program (and may carry a reason in details).
    Result<void> exportTo(const QUuid &id, const QString &outPath, AuditEvent audit, const Progress &progress = {},
                          const Stamp &stamp = {});

private:
    const RecordingAccess &m_access;
};

} // namespace cv
