#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "store/recordingmetadata.h"
#include "store/storagelayout.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace cv {

class Database;

// `callvaultctl import`: a PCM WAV file (8/16/48 kHz, mono or stereo; for stereo the left
// channel is the agent) becomes an encrypted recording in the catalog. Malformed or
// unsupported files are refused before anything is written; a failure half-way (disk full)
// removes what was written, so nothing half-imported is ever cataloged.
class WavImporter final
{
public:
    using Progress = std::function<void(qint64 doneFrames, qint64 totalFrames)>;

    WavImporter(StorageLayout layout, Database &db, const QUuid &siteId, const QByteArray &sitePublicKey);
    Result<RecordingRow> import(const QString &wavPath, RecordingMetadata metadata, AuditEvent audit,
                                const Progress &progress = {});

    // Bit rate for a recording of this shape: 16 kbit/s per voice channel, 24 at 48 kHz.
    static int defaultBitrate(int sampleRate, int channels);

private:
    StorageLayout m_layout;
    Database &m_db;
    QUuid m_siteId;
    QByteArray m_sitePublicKey;
};

} // namespace cv
