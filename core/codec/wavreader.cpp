#include "wavreader.h"

#include "common/logging.h"

#include <QIODevice>
#include <QtEndian>
#include <algorithm>
#include <cstring>

namespace cv {

namespace {

constexpr quint16 kFormatPcm = 0x0001;
constexpr quint16 kFormatFloat = 0x0003;
constexpr quint16 kFormatExtensible = 0xFFFE;
// KSDATAFORMAT_SUBTYPE_xxx = {0000xxxx-0000-0010-8000-00AA00389B71}; bytes 2..15 are fixed.
constexpr char kSubFormatTail[14] = {0x00, 0x00, 0x00,       0x00, 0x10, 0x00,       char(0x80),
                                     0x00, 0x00, char(0xAA), 0x00, 0x38, char(0x9B), 0x71};

Error wavError(ErrorCode code, const QString &detail)
{
    return makeError(code, QStringLiteral("Cannot read the WAV file: %1").arg(detail));
}

quint16 le16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}

quint32 le32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}

QString chunkName(const QByteArray &id)
{
    QString name;
    for (char c : id)
        name += (c >= 0x20 && c < 0x7F) ? QLatin1Char(c) : QLatin1Char('?');
    return name;
}

QString formatName(quint16 tag, int bits)
{
    switch (tag) {
    case kFormatPcm:
        return QStringLiteral("%1-bit PCM").arg(bits);
    case kFormatFloat:
        return QStringLiteral("%1-bit floating point").arg(bits);
    case 0x0002:
        return QStringLiteral("Microsoft ADPCM");
    case 0x0006:
        return QStringLiteral("A-law");
    case 0x0007:
        return QStringLiteral("\u00B5-law");
    case 0x0011:
        return QStringLiteral("IMA ADPCM");
    case 0x0031:
        return QStringLiteral("GSM 6.10");
    case 0x0055:
        return QStringLiteral("MP3");
    default:
        return QStringLiteral("format tag 0x%1").arg(tag, 4, 16, QLatin1Char('0'));
    }
}

// Reads exactly n bytes (waiting on sequential devices); fewer means the file ended.
QByteArray readFully(QIODevice &device, qint64 n)
{
    QByteArray out;
    out.reserve(int(n));
    while (out.size() < n) {
        const QByteArray part = device.read(n - out.size());
        if (part.isEmpty()) {
            if (device.isSequential() && device.waitForReadyRead(30000))
                continue;
            break;
        }
        out.append(part);
    }
    return out;
}

bool skipFully(QIODevice &device, qint64 n)
{
    while (n > 0) {
        const qint64 skipped = device.skip(n);
        if (skipped <= 0) {
            if (skipped == 0 && device.isSequential() && device.waitForReadyRead(30000))
                continue;
            return false;
        }
        n -= skipped;
    }
    return true;
}

struct Format
{
    int sampleRate = 0;
    int channels = 0;
    int blockAlign = 0;
};

Result<Format> parseFmt(const QByteArray &body, WavReader::RateCheck rateCheck)
{
    const char *p = body.constData();
    quint16 tag = le16(p);
    const int channels = le16(p + 2);
    const quint32 rate = le32(p + 4);
    const quint32 byteRate = le32(p + 8);
    const int blockAlign = le16(p + 12);
    const int bits = le16(p + 14);

    if (tag == kFormatExtensible) {
        if (body.size() < 40 || le16(p + 16) < 22) {
            return wavError(ErrorCode::Format,
                            QStringLiteral("the WAVE_FORMAT_EXTENSIBLE fmt chunk is too short "
                                           "(%1 bytes)")
                                .arg(body.size()));
        }
        if (std::memcmp(p + 26, kSubFormatTail, sizeof kSubFormatTail) != 0) {
            return wavError(ErrorCode::Unsupported,
                            QStringLiteral("unsupported sample format: unknown "
                                           "WAVE_FORMAT_EXTENSIBLE sub-format (only 16-bit PCM "
                                           "is supported)"));
        }
        const int validBits = le16(p + 18);
        if (validBits > bits) {
            return wavError(
                ErrorCode::Format,
                QStringLiteral("%1 valid bits in %2-bit samples").arg(validBits).arg(bits));
        }
        tag = le16(p + 24); // the sub-format's format tag
    }
    if (tag != kFormatPcm || bits != 16) {
        return wavError(ErrorCode::Unsupported,
                        QStringLiteral("unsupported sample format: %1 (only 16-bit PCM is "
                                       "supported)")
                            .arg(formatName(tag, bits)));
    }
    if (channels == 0)
        return wavError(ErrorCode::Format, QStringLiteral("the header says 0 channels"));
    if (channels > 2) {
        return wavError(
            ErrorCode::Unsupported,
            QStringLiteral("unsupported channel count %1 (mono or stereo only)").arg(channels));
    }
    if (rateCheck == WavReader::RateCheck::AnyRate) {
        if (rate < 1000 || rate > 384000) {
            return wavError(
                ErrorCode::Unsupported,
                QStringLiteral("unsupported sample rate %1 Hz (1000 to 384000 Hz)").arg(rate));
        }
    } else if (rate != 8000 && rate != 16000 && rate != 48000) {
        return wavError(
            ErrorCode::Unsupported,
            QStringLiteral("unsupported sample rate %1 Hz (8000, 16000 or 48000 Hz)").arg(rate));
    }
    if (blockAlign != channels * 2) {
        return wavError(ErrorCode::Format,
                        QStringLiteral("block align %1 does not match %2 channel(s) of 16-bit "
                                       "samples (expected %3)")
                            .arg(blockAlign)
                            .arg(channels)
                            .arg(channels * 2));
    }
    if (byteRate != rate * quint32(blockAlign)) {
        qCWarning(lcCodec) << "WAV header byte rate" << byteRate << "should be"
                           << rate * quint32(blockAlign) << "; ignored";
    }
    return Format{int(rate), channels, blockAlign};
}

} // namespace

WavReader::WavReader(QIODevice &device) : m_device(device) {}

Result<std::unique_ptr<WavReader>> WavReader::open(QIODevice &device, RateCheck rateCheck)
{
    if (!device.isOpen() || !device.isReadable())
        return wavError(ErrorCode::Io, QStringLiteral("the file is not open for reading"));

    const QByteArray riff = readFully(device, 12);
    if (riff.isEmpty())
        return wavError(ErrorCode::Format, QStringLiteral("not a WAV file (the file is empty)"));
    if (riff.startsWith("RIFX"))
        return wavError(ErrorCode::Unsupported,
                        QStringLiteral("big-endian WAV (RIFX) is not supported"));
    if (riff.startsWith("RF64") || riff.startsWith("BW64"))
        return wavError(ErrorCode::Unsupported,
                        QStringLiteral("RF64 WAV files (over 4 GB) are not supported"));
    if (riff.size() < 12) {
        const bool riffPrefix = QByteArray("RIFF").startsWith(riff.left(4));
        return wavError(ErrorCode::Format,
                        riffPrefix ? QStringLiteral("truncated header")
                                   : QStringLiteral("not a WAV file (no RIFF/WAVE header)"));
    }
    if (!riff.startsWith("RIFF") || riff.mid(8, 4) != "WAVE")
        return wavError(ErrorCode::Format, QStringLiteral("not a WAV file (no RIFF/WAVE header)"));

    std::unique_ptr<WavReader> reader(new WavReader(device));
    bool haveFmt = false;
    Format format;
    for (int chunks = 1;; ++chunks) {
        const QByteArray header = readFully(device, 8);
        if (header.isEmpty()) {
            return haveFmt ? wavError(ErrorCode::Format,
                                      QStringLiteral("no audio data (the file has no data chunk)"))
                           : wavError(ErrorCode::Format,
                                      QStringLiteral("truncated header (no fmt chunk)"));
        }
        if (header.size() < 8)
            return wavError(ErrorCode::Format, QStringLiteral("truncated header"));
        const QByteArray id = header.left(4);
        if (id != "data" && chunks > kMaxChunksBeforeData) {
            return wavError(ErrorCode::Format,
                            QStringLiteral("header too large (more than %1 chunks before the "
                                           "audio data)")
                                .arg(kMaxChunksBeforeData));
        }
        const qint64 size = le32(header.constData() + 4);
        const qint64 padded = size + (size & 1);

        if (id == "fmt ") {
            if (haveFmt)
                return wavError(ErrorCode::Format, QStringLiteral("the file has two fmt chunks"));
            if (size > kMaxFmtChunkSize) {
                return wavError(ErrorCode::Format,
                                QStringLiteral("header too large (fmt chunk of %1 bytes, at most "
                                               "%2)")
                                    .arg(size)
                                    .arg(kMaxFmtChunkSize));
            }
            if (size < 16) {
                return wavError(ErrorCode::Format,
                                QStringLiteral("the fmt chunk is too short (%1 bytes)").arg(size));
            }
            const QByteArray body = readFully(device, padded);
            if (body.size() < size)
                return wavError(ErrorCode::Format, QStringLiteral("truncated header"));
            auto parsed = parseFmt(body.left(int(size)), rateCheck);
            if (!parsed)
                return parsed.error();
            format = parsed.value();
            haveFmt = true;
        } else if (id == "data") {
            if (!haveFmt) {
                return wavError(ErrorCode::Format,
                                QStringLiteral("the data chunk comes before the fmt chunk"));
            }
            if (!device.isSequential()) {
                const qint64 available = std::max<qint64>(0, device.size() - device.pos());
                if (size > available) {
                    return wavError(ErrorCode::Format,
                                    QStringLiteral("data chunk claims %1 bytes but the file holds "
                                                   "only %2; the file is incomplete")
                                        .arg(size)
                                        .arg(available));
                }
            }
            if (size % format.blockAlign != 0) {
                qCWarning(lcCodec) << "WAV data chunk of" << size
                                   << "bytes ends in a partial frame; ignoring the last"
                                   << size % format.blockAlign << "bytes";
            }
            reader->m_sampleRate = format.sampleRate;
            reader->m_channels = format.channels;
            reader->m_frameCount = size / format.blockAlign;
            reader->m_dataBytes = reader->m_frameCount * format.blockAlign;
            if (reader->m_frameCount == 0)
                return wavError(ErrorCode::Format,
                                QStringLiteral("no audio data (the data chunk is empty)"));
            qCDebug(lcCodec) << "WAV:" << format.sampleRate << "Hz" << format.channels << "ch"
                             << reader->m_frameCount << "frames";
            return reader;
        } else {
            // An unknown chunk (LIST, bext, fact, JUNK...): skip it and its pad byte. A missing
            // pad byte at the very end only means there is no data chunk, reported above.
            if (!skipFully(device, size)) {
                return wavError(ErrorCode::Format,
                                QStringLiteral("truncated header (chunk \"%1\" claims %2 bytes)")
                                    .arg(chunkName(id))
                                    .arg(size));
            }
            if (size & 1)
                skipFully(device, 1);
        }
    }
}

Result<qint64> WavReader::read(qint16 *interleaved, qint64 maxFrames)
{
    if (maxFrames < 0 || (maxFrames > 0 && !interleaved))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid buffer passed to the WAV reader"));
    const qint64 frames = std::min(maxFrames, m_frameCount - m_framesRead);
    if (frames <= 0)
        return qint64(0);
    const qint64 blockAlign = qint64(m_channels) * 2;
    const qint64 wanted = frames * blockAlign;
    char *out = reinterpret_cast<char *>(interleaved);
    qint64 got = 0;
    while (got < wanted) {
        const qint64 n = m_device.read(out + got, wanted - got);
        if (n < 0) {
            return makeError(
                ErrorCode::Io,
                QStringLiteral("Cannot read the WAV file: %1").arg(m_device.errorString()));
        }
        if (n == 0) {
            if (m_device.isSequential() && m_device.waitForReadyRead(30000))
                continue;
            const qint64 holds = m_framesRead * blockAlign + got;
            return wavError(ErrorCode::Format,
                            QStringLiteral("data chunk claims %1 bytes but the file holds only "
                                           "%2; the file is incomplete")
                                .arg(m_dataBytes)
                                .arg(holds));
        }
        got += n;
    }
    qFromLittleEndian<qint16>(interleaved, frames * m_channels, interleaved);
    m_framesRead += frames;
    return frames;
}

} // namespace cv
