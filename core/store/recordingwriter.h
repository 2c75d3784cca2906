#pragma once

#include "codec/opussettings.h"
#include "common/result.h"
#include "store/recordingmetadata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace cv {

class ContainerWriter;
class OggOpusWriter;
class PeakSummaryBuilder;

// What a finished recording left in the spool, ready for the catalog.
struct FinishedRecording
{
    RecordingMetadata metadata;
    QString containerPath;
    QString sidecarPath;
    qint64 sizeBytes = 0;
    QByteArray sha256;
    qint64 durationMs = 0;
    QByteArray peaks;
    QByteArray wrappedKey;
    QByteArray siteKeyId;
    int suite = 1;
    OpusSettings opus;
};

// The recording pipeline after capture: PCM (agent left, customer right) -> Opus in Ogg ->
// AEAD chunks in a spool file, durable every `chunkMs` of audio. The data key exists only in
// this object's memory and, wrapped to the site public key, in the sidecar: the writer can
// never read back what it wrote once it is gone.
class RecordingWriter final
{
public:
    struct Options
    {
        QString spoolDir;
        QByteArray sitePublicKey; // X25519
        RecordingMetadata metadata;
        OpusSettings opus;
        QStringList comments;     // Ogg comments, "KEY=value"
        // 800 ms = 40 Opus frames: a crash loses less than one second even when capture
        // delivers audio in 100 ms periods (docs/decisions.md).
        int chunkMs = 800;
        bool durable = true;      // fdatasync each chunk (off only in benchmarks' baseline)
    };

    static Result<std::unique_ptr<RecordingWriter>> create(Options options);
    ~RecordingWriter();
    RecordingWriter(const RecordingWriter &) = delete;
    RecordingWriter &operator=(const RecordingWriter &) = delete;

    Result<void> write(const qint16 *interleaved, qint64 frames);
    Result<FinishedRecording> finish();
    // Deletes the spool file and sidecar (after a refused import); the writer is unusable.
    void abandon();

    const RecordingMetadata &metadata() const { return m_options.metadata; }
    qint64 framesFed() const { return m_framesFed; }
    qint64 fedMs() const;
    qint64 durableMs() const { return m_durableMs; }

private:
    explicit RecordingWriter(Options options);
    Result<void> sealPendingAudio();

    Options m_options;
    std::unique_ptr<OggOpusWriter> m_opus;
    std::unique_ptr<PeakSummaryBuilder> m_peaks;
    std::unique_ptr<ContainerWriter> m_container;
    QString m_containerPath;
    QString m_sidecarPath;
    QByteArray m_wrappedKey;
    QByteArray m_siteKeyId;
    qint64 m_framesFed = 0;
    qint64 m_durableMs = 0;
    bool m_done = false;
};

} // namespace cv
