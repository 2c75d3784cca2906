#include "wavwriter.h"

#include <QByteArray>
#include <QIODevice>
#include <QtEndian>
#include <algorithm>
#include <vector>

namespace cv {

namespace {

constexpr qint64 kHeaderSize = 44;
// RIFF sizes are 32-bit: the whole file must stay below 4 GiB.
constexpr qint64 kMaxDataBytes = 0xFFFFFFFFLL - (kHeaderSize - 8);

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

// `info`: a complete LIST chunk (even length) between "fmt " and "data", or empty.
QByteArray makeHeader(int sampleRate, int channels, qint64 dataBytes, const QByteArray &info)
{
    QByteArray h;
    h.reserve(int(kHeaderSize + info.size()));
    h.append("RIFF", 4);
    appendLe32(h, quint32(dataBytes + kHeaderSize - 8 + info.size()));
    h.append("WAVEfmt ", 8);
    appendLe32(h, 16);
    appendLe16(h, 1); // PCM
    appendLe16(h, quint16(channels));
    appendLe32(h, quint32(sampleRate));
    appendLe32(h, quint32(sampleRate * channels * 2));
    appendLe16(h, quint16(channels * 2));
    appendLe16(h, 16);
    h.append(info);
    h.append("data", 4);
    appendLe32(h, quint32(dataBytes));
    return h;
}

Error exportError(const QString &detail)
{
    return makeError(ErrorCode::Io, QStringLiteral("Cannot write the WAV file: %1").arg(detail));
}

} // namespace

WavWriter::WavWriter(QIODevice &device) : m_device(device) {}

Result<void> WavWriter::setInfo(const QVector<QPair<QByteArray, QString>> &tags)
{
    if (m_begun)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("WAV tags must be set before the export starts"));
    QByteArray list("INFO", 4);
    for (const auto &[id, text] : tags) {
        if (id.size() != 4)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A RIFF INFO id has four characters"));
        QByteArray value = text.toUtf8();
        value.append('\0'); // ZSTR
        if (value.size() > 65536)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("A WAV tag is too long"));
        list.append(id);
        appendLe32(list, quint32(value.size()));
        list.append(value);
        if (value.size() % 2)
            list.append('\0'); // chunks are word aligned
    }
    m_info.clear();
    if (tags.isEmpty())
        return {};
    m_info.append("LIST", 4);
    appendLe32(m_info, quint32(list.size()));
    m_info.append(list);
    return {};
}

Result<void> WavWriter::begin(int sampleRate, int channels)
{
    if (m_begun)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("WAV export already started"));
    if (sampleRate < 1000 || sampleRate > 384000 || channels < 1 || channels > 2) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Cannot write a WAV file with %1 Hz and %2 channels")
                             .arg(sampleRate)
                             .arg(channels));
    }
    if (!m_device.isOpen() || !m_device.isWritable())
        return exportError(QStringLiteral("the file is not open for writing"));
    if (m_device.isSequential())
        return exportError(QStringLiteral("WAV export needs a regular file, not a pipe or socket"));
    m_start = m_device.pos();
    m_channels = channels;
    const QByteArray header = makeHeader(sampleRate, channels, 0, m_info);
    if (auto written = writeBytes(header.constData(), header.size()); !written)
        return written;
    m_begun = true;
    m_sampleRate = sampleRate;
    return {};
}

Result<void> WavWriter::write(const qint16 *interleaved, qint64 frames)
{
    if (!m_begun || m_finished)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("WAV export is not in progress"));
    if (frames < 0 || (frames > 0 && !interleaved))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid audio buffer passed to the WAV writer"));
    if ((m_frames + frames) * m_channels * 2 > kMaxDataBytes - m_info.size())
        return exportError(QStringLiteral("the recording is too long for a WAV file (4 GB limit); "
                                          "export it as Opus instead"));
    constexpr qint64 kBlock = 4096;
    std::vector<qint16> le(size_t(kBlock) * m_channels);
    for (qint64 done = 0; done < frames; done += kBlock) {
        const qint64 n = std::min(kBlock, frames - done);
        qToLittleEndian<qint16>(interleaved + done * m_channels, n * m_channels, le.data());
        if (auto written =
                writeBytes(reinterpret_cast<const char *>(le.data()), n * m_channels * 2);
            !written)
            return written;
        m_frames += n;
    }
    return {};
}

Result<void> WavWriter::finish()
{
    if (!m_begun || m_finished)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("WAV export is not in progress"));
    const qint64 end = m_device.pos();
    const QByteArray header = makeHeader(m_sampleRate, m_channels, m_frames * m_channels * 2, m_info);
    if (!m_device.seek(m_start))
        return exportError(m_device.errorString());
    if (auto written = writeBytes(header.constData(), header.size()); !written)
        return written;
    if (!m_device.seek(end))
        return exportError(m_device.errorString());
    m_finished = true;
    return {};
}

Result<void> WavWriter::writeBytes(const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = m_device.write(data + done, size - done);
        if (n <= 0)
            return exportError(m_device.errorString());
        done += n;
    }
    return {};
}

} // namespace cv
