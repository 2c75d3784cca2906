#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QString>

#include <functional>

namespace cv {

class RecordingAccess;

// Decrypts a recording into a file a media player opens: .opus (the stored Ogg Opus stream,
// bit for bit) or .wav (16-bit PCM at the recording's original rate). The export is audited
// before any audio is written, and the output appears only when complete (no partial file).
class RecordingExporter final
{
public:
    enum class Format { Opus, Wav };
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels

    explicit RecordingExporter(const RecordingAccess &access);

    static Result<Format> formatForPath(const QString &path);
    // `audit` names who and which program (and may carry a reason in details).
    Result<void> exportTo(const QUuid &id, const QString &outPath, AuditEvent audit, const Progress &progress = {});

private:
    const RecordingAccess &m_access;
};

} // namespace cv
