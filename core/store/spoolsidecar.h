#pragma once

#include "common/result.h"
#include "store/recordingmetadata.h"

#include <QByteArray>
#include <QString>

namespace cv {

// The file beside a recording in the spool that holds its wrapped data key (and what
// `recover` needs to build a catalog row) until the catalog has the key. Deleted once the
// catalog commit succeeds, so crypto-shredding the key row reaches every copy of the audio.
// JSON, documented in docs/container-format.md ("Spool sidecar").
struct SpoolSidecar
{
    RecordingMetadata metadata;
    int suite = 1;
    QByteArray siteKeyId;
    QByteArray wrappedKey;
    int sampleRate = 0;
    int channels = 0;
    int bitrate = 0;

    QByteArray toJson() const;
    static Result<SpoolSidecar> fromJson(const QByteArray &json);
    static Result<SpoolSidecar> load(const QString &path);
    Result<void> save(const QString &path) const;
};

} // namespace cv
