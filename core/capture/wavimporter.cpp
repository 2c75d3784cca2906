#include "wavimporter.h"

#include "codec/wavreader.h"
#include "store/recordingarchiver.h"
#include "store/recordingwriter.h"

#include <QFile>
#include <QFileInfo>

#include <vector>

namespace cv {

WavImporter::WavImporter(StorageLayout layout, Database &db, const QUuid &siteId, const QByteArray &sitePublicKey)
    : m_layout(std::move(layout)), m_db(db), m_siteId(siteId), m_sitePublicKey(sitePublicKey)
{
}

int WavImporter::defaultBitrate(int sampleRate, int channels)
{
    return (sampleRate >= 48000 ? 24000 : 16000) * channels;
}

Result<RecordingRow> WavImporter::import(const QString &wavPath, RecordingMetadata metadata, AuditEvent audit,
                                         const Progress &progress)
{
    QFile file(wavPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not open %1: %2.").arg(wavPath, file.errorString()));
    auto wav = WavReader::open(file);
    if (!wav)
        return makeError(wav.error().code, QStringLiteral("%1: %2").arg(QFileInfo(wavPath).fileName(), wav.errorMessage()));
    WavReader &reader = *wav.value();

    RecordingWriter::Options options;
    options.spoolDir = m_layout.spoolDirectory();
    options.sitePublicKey = m_sitePublicKey;
    metadata.source = QStringLiteral("import");
    options.metadata = metadata;
    options.opus.sampleRate = reader.sampleRate();
    options.opus.channels = reader.channels();
    options.opus.bitrate = defaultBitrate(reader.sampleRate(), reader.channels());
    options.comments << QStringLiteral("CALLVAULT_SOURCE=import");
    auto writer = RecordingWriter::create(options);
    if (!writer)
        return writer.error();

    const auto fail = [&writer](const Error &error) {
        writer.value()->abandon();
        return error;
    };
    const qint64 block = reader.sampleRate() / 10; // 100 ms, as capture would deliver it
    std::vector<qint16> pcm(static_cast<std::size_t>(block * reader.channels()));
    qint64 done = 0;
    for (;;) {
        auto n = reader.read(pcm.data(), block);
        if (!n)
            return fail(makeError(n.error().code, QStringLiteral("%1: %2").arg(QFileInfo(wavPath).fileName(), n.errorMessage())));
        if (n.value() == 0)
            break;
        if (auto w = writer.value()->write(pcm.data(), n.value()); !w)
            return fail(w.error());
        done += n.value();
        if (progress)
            progress(done, reader.frameCount());
    }
    auto finished = writer.value()->finish();
    if (!finished)
        return fail(finished.error());
    auto row = RecordingArchiver(m_layout, m_db).archive(finished.value(), m_siteId, std::move(audit));
    if (!row) {
        // Imports are retried by a person, not recovered: remove the refused recording.
        QFile::remove(finished->containerPath);
        QFile::remove(finished->sidecarPath);
    }
    return row;
}

} // namespace cv
