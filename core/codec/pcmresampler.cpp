#include "pcmresampler.h"

#include "common/logging.h"

#include <algorithm>
#include <limits>
#include <speex/speex_resampler.h>
#include <vector>

namespace cv {

namespace {

constexpr qint64 kMaxChunkFrames = 1 << 16;

} // namespace

void PcmResampler::StateDeleter::operator()(SpeexResamplerState_ *state) const
{
    speex_resampler_destroy(state);
}

PcmResampler::PcmResampler(int channels, int inRate, int outRate)
    : m_channels(channels), m_inRate(inRate), m_outRate(outRate)
{
}

PcmResampler::~PcmResampler() = default;

Result<std::unique_ptr<PcmResampler>> PcmResampler::create(int channels, int inRate, int outRate)
{
    if (channels < 1 || channels > 2) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Cannot resample %1 channels; only mono and stereo are "
                                        "supported.")
                             .arg(channels));
    }
    const auto validRate = [](int rate) { return rate >= 1000 && rate <= 384000; };
    if (!validRate(inRate) || !validRate(outRate)) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Cannot resample from %1 Hz to %2 Hz; rates must be "
                                        "between 1000 and 384000 Hz.")
                             .arg(inRate)
                             .arg(outRate));
    }
    std::unique_ptr<PcmResampler> resampler(new PcmResampler(channels, inRate, outRate));
    int error = RESAMPLER_ERR_SUCCESS;
    resampler->m_state.reset(speex_resampler_init(spx_uint32_t(channels), spx_uint32_t(inRate),
                                                  spx_uint32_t(outRate), kQuality, &error));
    if (!resampler->m_state || error != RESAMPLER_ERR_SUCCESS) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Could not start the resampler (%1 Hz to %2 Hz): %3")
                             .arg(inRate)
                             .arg(outRate)
                             .arg(QString::fromUtf8(speex_resampler_strerror(error))));
    }
    // Drop the filter's leading delay so output and input line up in time.
    speex_resampler_skip_zeros(resampler->m_state.get());
    return resampler;
}

void PcmResampler::run(const qint16 *in, qint64 frames, QVector<qint16> &out, qint64 maxOutFrames)
{
    std::vector<qint16> buffer;
    qint64 done = 0;
    while (done < frames && maxOutFrames > 0) {
        const qint64 chunk = std::min(frames - done, kMaxChunkFrames);
        const qint64 capacity = chunk * m_outRate / m_inRate + 16;
        buffer.resize(size_t(capacity * m_channels));
        auto inLen = spx_uint32_t(chunk);
        auto outLen = spx_uint32_t(capacity);
        speex_resampler_process_interleaved_int(m_state.get(), in + done * m_channels, &inLen,
                                                buffer.data(), &outLen);
        const qint64 keep = std::min<qint64>(outLen, maxOutFrames);
        const qsizetype before = out.size();
        out.resize(before + qsizetype(keep * m_channels));
        std::copy_n(buffer.data(), keep * m_channels, out.data() + before);
        m_framesOut += keep;
        maxOutFrames -= keep;
        done += inLen;
        if (inLen == 0 && outLen == 0)
            break; // no progress: should not happen, but never spin
    }
}

QVector<qint16> PcmResampler::process(const qint16 *in, qint64 frames)
{
    QVector<qint16> out;
    if (!in || frames <= 0 || m_flushed)
        return out;
    out.reserve(qsizetype((frames * m_outRate / m_inRate + 16) * m_channels));
    m_framesIn += frames;
    run(in, frames, out, std::numeric_limits<qint64>::max());
    return out;
}

QVector<qint16> PcmResampler::flush()
{
    QVector<qint16> out;
    if (m_flushed)
        return out;
    m_flushed = true;
    const qint64 expected = (m_framesIn * m_outRate + m_inRate / 2) / m_inRate;
    const qint64 latency = std::max(1, speex_resampler_get_input_latency(m_state.get()));
    const std::vector<qint16> zeros(size_t(latency * m_channels), 0);
    // Push silence through until the filter has given back every frame it owes.
    for (int round = 0; round < 4 && m_framesOut < expected; ++round)
        run(zeros.data(), latency, out, expected - m_framesOut);
    return out;
}

} // namespace cv
