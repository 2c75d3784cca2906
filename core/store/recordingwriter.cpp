#include "recordingwriter.h"

#include "codec/oggopuswriter.h"
#include "codec/peaksummary.h"
#include "crypto/cryptoutil.h"
#include "crypto/keywrap.h"
#include "store/containerwriter.h"
#include "store/durablefile.h"
#include "store/spoolsidecar.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QtEndian>

namespace cv {

RecordingWriter::RecordingWriter(Options options) : m_options(std::move(options)) {}

RecordingWriter::~RecordingWriter() = default;

qint64 RecordingWriter::fedMs() const
{
    return m_framesFed * 1000 / m_options.opus.sampleRate;
}

Result<std::unique_ptr<RecordingWriter>> RecordingWriter::create(Options options)
{
    if (auto valid = options.opus.validate(); !valid)
        return valid.error();
    if (options.metadata.id.isNull())
        options.metadata.id = QUuid::createUuid();
    if (!options.metadata.startedAt.isValid())
        options.metadata.startedAt = QDateTime::currentDateTimeUtc();
    if (!QDir().mkpath(options.spoolDir))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create the spool folder %1.").arg(options.spoolDir));

    std::unique_ptr<RecordingWriter> w(new RecordingWriter(std::move(options)));
    const Options &o = w->m_options;
    const QString base = QDir(o.spoolDir).filePath(o.metadata.id.toString(QUuid::WithoutBraces));
    w->m_containerPath = base + QStringLiteral(".cvr");
    w->m_sidecarPath = base + QStringLiteral(".cvr.key");

    auto dataKey = crypto::randomSecret(32);
    if (!dataKey)
        return dataKey.error();
    auto wrapped = crypto::wrapDataKey(dataKey.value(), o.sitePublicKey, o.metadata.id.toRfc4122());
    if (!wrapped)
        return wrapped.error();
    w->m_wrappedKey = wrapped.value();
    w->m_siteKeyId = crypto::siteKeyId(o.sitePublicKey);

    // The sidecar goes first: a container without its key would be unrecoverable.
    SpoolSidecar sidecar;
    sidecar.metadata = o.metadata;
    sidecar.siteKeyId = w->m_siteKeyId;
    sidecar.wrappedKey = w->m_wrappedKey;
    sidecar.sampleRate = o.opus.sampleRate;
    sidecar.channels = o.opus.channels;
    sidecar.bitrate = o.opus.bitrate;
    if (auto saved = sidecar.save(w->m_sidecarPath); !saved)
        return saved.error();

    ContainerHeader header;
    header.recordingId = o.metadata.id;
    header.siteKeyId = w->m_siteKeyId;
    header.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    header.channels = static_cast<std::uint8_t>(o.opus.channels);
    header.sampleRate = static_cast<std::uint32_t>(o.opus.sampleRate);
    header.bitrate = static_cast<std::uint32_t>(o.opus.bitrate);
    header.complexity = static_cast<std::uint8_t>(o.opus.complexity);
    header.frameMs = static_cast<std::uint8_t>(o.opus.frameMs);
    header.chunkTargetMs = static_cast<std::uint16_t>(o.chunkMs);
    auto container = ContainerWriter::create(w->m_containerPath, header, dataKey.takeValue(), o.durable);
    if (!container) {
        QFile::remove(w->m_sidecarPath);
        return container.error();
    }
    w->m_container = container.takeValue();

    const auto serial = static_cast<quint32>(qFromBigEndian<quint32>(o.metadata.id.toRfc4122().constData()));
    auto opus = OggOpusWriter::create(o.opus, o.comments, serial);
    if (!opus) {
        w->abandon();
        return opus.error();
    }
    w->m_opus = opus.takeValue();
    w->m_peaks = std::make_unique<PeakSummaryBuilder>(o.opus.sampleRate, o.opus.channels);
    return w;
}

Result<void> RecordingWriter::write(const qint16 *interleaved, qint64 frames)
{
    if (m_done)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The recording is already finished."));
    if (auto r = m_opus->write(interleaved, frames); !r)
        return r;
    m_peaks->add(interleaved, frames);
    m_framesFed += frames;
    if (fedMs() - m_durableMs >= m_options.chunkMs)
        return sealPendingAudio();
    return {};
}

Result<void> RecordingWriter::sealPendingAudio()
{
    m_opus->flushPage();
    const QByteArray pages = m_opus->takeOutput();
    if (pages.isEmpty())
        return {};
    // Audio up to the last whole Opus frame is inside `pages`.
    const qint64 frameSamples = static_cast<qint64>(m_options.opus.sampleRate) * m_options.opus.frameMs / 1000;
    const qint64 encodedMs = (m_framesFed / frameSamples) * m_options.opus.frameMs;
    if (auto r = m_container->appendChunk(pages, static_cast<std::uint32_t>(encodedMs)); !r)
        return r;
    m_durableMs = encodedMs;
    return {};
}

Result<FinishedRecording> RecordingWriter::finish()
{
    if (m_done)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The recording is already finished."));
    m_done = true;
    if (auto r = m_opus->finish(); !r)
        return r.error();
    const qint64 durationMs = fedMs();
    const QByteArray tail = m_opus->takeOutput();
    if (!tail.isEmpty()) {
        if (auto r = m_container->appendChunk(tail, static_cast<std::uint32_t>(durationMs)); !r)
            return r.error();
    }
    ContainerTrailer trailer;
    trailer.durationMs = durationMs;
    trailer.inputFrames = m_framesFed;
    trailer.peaks = m_peaks->finish().serialize();
    if (auto r = m_container->finish(trailer); !r)
        return r.error();
    m_durableMs = durationMs;

    FinishedRecording f;
    f.metadata = m_options.metadata;
    f.containerPath = m_containerPath;
    f.sidecarPath = m_sidecarPath;
    f.sizeBytes = m_container->bytesWritten();
    f.sha256 = m_container->sha256();
    f.durationMs = durationMs;
    f.peaks = trailer.peaks;
    f.wrappedKey = m_wrappedKey;
    f.siteKeyId = m_siteKeyId;
    f.opus = m_options.opus;
    return f;
}

void RecordingWriter::abandon()
{
    m_done = true;
    m_container.reset();
    QFile::remove(m_containerPath);
    QFile::remove(m_sidecarPath);
}

} // namespace cv
