#include "peaksummary.h"

#include "common/bytes.h"
#include "common/logging.h"

#include <algorithm>
#include <cstdlib>

namespace cv {

namespace {

char scalePeak(int peak)
{
    // ceil(peak * 255 / 32768): 0 stays 0, the smallest sound is 1, full scale is 255.
    return static_cast<char>(static_cast<unsigned char>((peak * 255 + 32767) / 32768));
}

} // namespace

QByteArray PeakSummary::serialize() const
{
    const qint64 count = bucketCount();
    QByteArray out;
    out.reserve(int(kHeaderSize + count * channels));
    bytes::appendU8(out, static_cast<std::uint8_t>(kVersion));
    bytes::appendU8(out, static_cast<std::uint8_t>(channels));
    bytes::appendU16(out, static_cast<std::uint16_t>(bucketMs));
    bytes::appendU32(out, static_cast<std::uint32_t>(count));
    // Every lane is written with exactly `count` bytes, so the output always parses.
    for (int c = 0; c < channels; ++c) {
        const QByteArray lane = c < lanes.size() ? lanes.at(c).left(int(count)) : QByteArray();
        out.append(lane);
        out.append(QByteArray(int(count - lane.size()), '\0'));
    }
    return out;
}

Result<PeakSummary> PeakSummary::parse(const QByteArray &data)
{
    auto bad = [](const QString &what) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("The waveform summary is damaged: %1").arg(what));
    };
    if (data.size() < kHeaderSize)
        return bad(QStringLiteral("only %1 bytes, the header alone needs %2")
                       .arg(data.size())
                       .arg(kHeaderSize));
    const char *p = data.constData();
    const int version = bytes::readU8(p);
    if (version != kVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("The waveform summary has version %1; this CallVault "
                                        "reads version %2.")
                             .arg(version)
                             .arg(kVersion));
    const int channels = bytes::readU8(p + 1);
    if (channels < 1 || channels > kMaxChannels)
        return bad(QStringLiteral("%1 channels (1 or 2 expected)").arg(channels));
    const int bucketMs = bytes::readU16(p + 2);
    if (bucketMs == 0)
        return bad(QStringLiteral("bucket length of 0 ms"));
    const qint64 count = bytes::readU32(p + 4);
    const qint64 expected = kHeaderSize + count * channels;
    if (qint64(data.size()) != expected)
        return bad(QStringLiteral("%1 buckets x %2 channels need %3 bytes, found %4")
                       .arg(count)
                       .arg(channels)
                       .arg(expected)
                       .arg(data.size()));

    PeakSummary summary;
    summary.channels = channels;
    summary.bucketMs = bucketMs;
    for (int c = 0; c < channels; ++c)
        summary.lanes.append(data.mid(int(kHeaderSize + c * count), int(count)));
    return summary;
}

PeakSummaryBuilder::PeakSummaryBuilder(int sampleRate, int channels, int bucketMs)
    : m_channels(std::clamp(channels, 1, PeakSummary::kMaxChannels)),
      m_bucketMs(std::clamp(bucketMs, 1, 65535))
{
    if (channels != m_channels || bucketMs != m_bucketMs || sampleRate <= 0) {
        qCWarning(lcCodec) << "Peak summary: invalid parameters" << sampleRate << "Hz" << channels
                           << "channels" << bucketMs << "ms; clamped";
    }
    const int rate = sampleRate > 0 ? sampleRate : 8000;
    m_bucketFrames = std::max<qint64>(1, qint64(rate) * m_bucketMs / 1000);
    m_peak.fill(0, m_channels);
    m_lanes.resize(m_channels);
}

void PeakSummaryBuilder::add(const qint16 *interleaved, qint64 frames)
{
    if (!interleaved || frames <= 0)
        return;
    qint64 done = 0;
    while (done < frames) {
        const qint64 take = std::min(frames - done, m_bucketFrames - m_framesInBucket);
        const qint16 *p = interleaved + done * m_channels;
        for (int c = 0; c < m_channels; ++c) {
            int peak = m_peak[c];
            for (qint64 i = 0; i < take; ++i)
                peak = std::max(peak, std::abs(int(p[i * m_channels + c])));
            m_peak[c] = peak;
        }
        done += take;
        m_framesInBucket += take;
        if (m_framesInBucket == m_bucketFrames)
            closeBucket();
    }
}

void PeakSummaryBuilder::closeBucket()
{
    for (int c = 0; c < m_channels; ++c) {
        m_lanes[c].append(scalePeak(m_peak[c]));
        m_peak[c] = 0;
    }
    m_framesInBucket = 0;
}

PeakSummary PeakSummaryBuilder::finish()
{
    if (m_framesInBucket > 0)
        closeBucket();
    PeakSummary summary;
    summary.channels = m_channels;
    summary.bucketMs = m_bucketMs;
    summary.lanes = m_lanes;
    m_lanes = QVector<QByteArray>(m_channels);
    return summary;
}

} // namespace cv
