#include "recordingexporter.h"

#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "codec/oggopusreader.h"
#include "codec/opustagsrewriter.h"
#include "codec/pcmresampler.h"
#include "codec/wavwriter.h"
#include "crypto/cryptoutil.h"
#include "store/recordingaccess.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>
#include <vector>

namespace cv {

namespace {

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("The export was cancelled; no file was written."));
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

Result<void> writeOpus(ContainerReader &reader, QSaveFile &out, const RecordingExporter::Progress &progress,
                       const QStringList &comments)
{
    std::optional<OpusTagsRewriter> rewriter;
    if (!comments.isEmpty()) {
        auto created = OpusTagsRewriter::create(
            comments, {QStringLiteral("CALLVAULT_EXPORTED_BY"), QStringLiteral("CALLVAULT_EXPORTED_AT"),
                       QStringLiteral("CALLVAULT_RECORDING_ID")});
        if (!created)
            return created.error();
        rewriter = created.takeValue();
    }
    const qint64 total = reader.size();
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 offset = 0; offset < total;) {
        auto n = reader.readAt(offset, block.data(), block.size());
        if (!n)
            return n.error();
        if (n.value() == 0)
            break;
        QByteArray chunk = QByteArray::fromRawData(block.constData(), n.value());
        if (rewriter) {
            auto fed = rewriter->feed(block.constData(), n.value());
            if (!fed)
                return fed.error();
            chunk = fed.value();
        }
        if (out.write(chunk) != chunk.size())
            return makeError(ErrorCode::Io, QStringLiteral("Could not write %1: %2.").arg(out.fileName(), out.errorString()));
        offset += n.value();
        if (progress && !progress(offset, total))
            return cancelled();
    }
    crypto::secureZero(block);
    if (rewriter)
        return rewriter->finish();
    return {};
}

Result<void> writeWav(ContainerReader &reader, QSaveFile &out, const RecordingExporter::Progress &progress,
                      const QVector<QPair<QByteArray, QString>> &info)
{
    auto decoder = OggOpusReader::open(reader);
    if (!decoder)
        return decoder.error();
    OggOpusReader &dec = *decoder.value();
    const int channels = dec.channels();
    const int rate = dec.originalSampleRate() > 0 ? dec.originalSampleRate() : static_cast<int>(reader.header().sampleRate);
    auto resampler = PcmResampler::create(channels, 48000, rate);
    if (!resampler)
        return resampler.error();
    WavWriter wav(out);
    if (auto tagged = wav.setInfo(info); !tagged)
        return tagged;
    if (auto begun = wav.begin(rate, channels); !begun)
        return begun;
    const qint64 total = dec.totalFrames();
    std::vector<qint16> pcm(static_cast<std::size_t>(5760 * channels));
    qint64 done = 0;
    for (;;) {
        auto n = dec.read(pcm.data(), 5760);
        if (!n)
            return n.error();
        if (n.value() == 0)
            break;
        const QVector<qint16> converted = resampler.value()->process(pcm.data(), n.value());
        if (auto w = wav.write(converted.constData(), converted.size() / channels); !w)
            return w;
        done += n.value();
        if (progress && !progress(done, total))
            return cancelled();
    }
    const QVector<qint16> tail = resampler.value()->flush();
    if (auto w = wav.write(tail.constData(), tail.size() / channels); !w)
        return w;
    return wav.finish();
}

} // namespace

RecordingExporter::RecordingExporter(const RecordingAccess &access) : m_access(access) {}

QStringList RecordingExporter::Stamp::opusComments(const QUuid &id) const
{
    if (isEmpty())
        return {};
    return {QStringLiteral("CALLVAULT_EXPORTED_BY=") + exportedBy,
            QStringLiteral("CALLVAULT_EXPORTED_AT=") + isoUtc(exportedAt),
            QStringLiteral("CALLVAULT_RECORDING_ID=") + id.toString(QUuid::WithoutBraces)};
}

Result<RecordingExporter::Format> RecordingExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("opus") || suffix == QLatin1String("ogg"))
        return Format::Opus;
    if (suffix == QLatin1String("wav"))
        return Format::Wav;
    return makeError(ErrorCode::Unsupported,
                     QStringLiteral("Cannot export to \"%1\": the file name must end in .opus or .wav.").arg(path));
}

Result<void> RecordingExporter::exportTo(const QUuid &id, const QString &outPath, AuditEvent audit,
                                         const Progress &progress, const Stamp &stamp)
{
    auto format = formatForPath(outPath);
    if (!format)
        return format.error();
    // On a server-enforced catalog the server audits the key release ('recording.export'),
    // and the row below ('recording.export.file') adds what only this program knows: the
    // format, the file and the reason. Elsewhere the row below is the export's only row.
    const bool serverAudited = m_access.database().serverEnforced();
    auto opened = m_access.open(id, KeyUse::Export);
    if (!opened)
        return opened.error();

    QJsonObject details = QJsonDocument::fromJson(audit.details.toUtf8()).object();
    details[QStringLiteral("format")] = format.value() == Format::Opus ? QStringLiteral("opus") : QStringLiteral("wav");
    details[QStringLiteral("file")] = stamp.fileName.isEmpty() ? QFileInfo(outPath).fileName() : stamp.fileName;
    audit.action = serverAudited ? QStringLiteral("recording.export.file")
                                 : QStringLiteral("recording.export");
    audit.target = id.toString(QUuid::WithoutBraces);
    audit.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    if (auto audited = AuditLog(m_access.database()).append(audit); !audited)
        return audited.error();

    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create %1: %2.").arg(outPath, out.errorString()));
    ContainerReader &reader = *opened.value().reader;
    QVector<QPair<QByteArray, QString>> info;
    if (!stamp.isEmpty()) {
        // RIFF INFO: ICMT (comment) carries the same KEY=value stamps as the Opus comments,
        // ISFT the software, ICRD the export date.
        info = {{QByteArrayLiteral("ICMT"), stamp.opusComments(id).join(QStringLiteral("; "))},
                {QByteArrayLiteral("ISFT"), QStringLiteral("CallVault")},
                {QByteArrayLiteral("ICRD"), isoUtc(stamp.exportedAt)}};
    }
    auto written = format.value() == Format::Opus ? writeOpus(reader, out, progress, stamp.opusComments(id))
                                                  : writeWav(reader, out, progress, info);
    if (!written) {
        out.cancelWriting();
        return written;
    }
    if (!out.commit())
        return makeError(ErrorCode::Io, QStringLiteral("Could not write %1: %2.").arg(outPath, out.errorString()));
    return {};
}

} // namespace cv
