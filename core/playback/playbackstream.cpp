#include "playback/playbackstream.h"

#include "crypto/cryptoutil.h"

#include <algorithm>

namespace cv {

namespace {

constexpr qint64 kRate = DecodedAudioSource::kRate;
constexpr std::size_t kMaxMarks = 4096;            // ~10 s of output in the smallest pulls
constexpr qint64 kInputHistoryFrames = kRate * 10; // enough for the stretcher and device buffers

qint64 framesToMs(qint64 frames)
{
    return frames * 1000 / kRate;
}

} // namespace

PlaybackStream::PlaybackStream(std::unique_ptr<DecodedAudioSource> source)
    : m_source(std::move(source)),
      m_stretcher(DecodedAudioSource::kRate, DecodedAudioSource::kChannels),
      m_block(static_cast<std::size_t>(kBlockFrames * DecodedAudioSource::kChannels))
{
    m_seekMs = m_source->positionMs();
}

PlaybackStream::~PlaybackStream()
{
    crypto::secureZero(m_block.data(), m_block.size() * sizeof(qint16));
}

Result<qint64> PlaybackStream::render(qint16 *stereo, qint64 maxFrames)
{
    qint64 produced = 0;
    while (produced < maxFrames) {
        const qint64 got = m_stretcher.receive(stereo + produced * DecodedAudioSource::kChannels,
                                               maxFrames - produced);
        if (got > 0) {
            produced += got;
            m_outputFrames += got;
            markOutput();
            continue;
        }
        if (m_flushed)
            break;
        if (m_sourceEnded) {
            // SoundTouch holds back its last few tens of ms until told the input is over.
            m_stretcher.flush();
            m_flushed = true;
            continue;
        }
        if (auto fed = feed(); !fed)
            return fed.error();
    }
    return produced;
}

Result<void> PlaybackStream::jumpTo(qint64 ms)
{
    // A jump inside the stream (loop, skipped silence) keeps what the stretcher holds, so
    // the audio stays continuous; only a seek by the listener drops it.
    return m_source->seekMs(ms);
}

Result<void> PlaybackStream::feed()
{
    const qint64 positionMs = m_source->positionMs();
    if (m_loop && positionMs >= m_loop->bMs) {
        if (auto back = jumpTo(m_loop->aMs); !back)
            return back;
    } else if (m_skipSilence) {
        const qint64 target = m_silence.skipTarget(positionMs);
        if (target > positionMs) {
            if (auto skipped = jumpTo(target); !skipped)
                return skipped;
        }
    }
    qint64 frames = kBlockFrames;
    if (m_loop) {
        // Stop exactly at B rather than up to a block after it.
        const qint64 untilB = m_loop->bMs * kRate / 1000 - m_source->positionFrames();
        if (untilB > 0)
            frames = std::min(frames, untilB);
    }
    const qint64 sourceStart = m_source->positionFrames();
    auto n = m_source->read(m_block.data(), frames);
    if (!n)
        return n.error();
    if (n.value() == 0) {
        // The end of the recording: a loop whose B is the end goes back to A.
        if (m_loop && sourceStart > m_loop->aMs * kRate / 1000)
            return jumpTo(m_loop->aMs);
        m_sourceEnded = true;
        return {};
    }
    m_gain.apply(m_block.data(), n.value());
    m_stretcher.put(m_block.data(), n.value());
    m_inputs.push_back({m_inputFrames, sourceStart, n.value()});
    m_inputFrames += n.value();
    return {};
}

Result<void> PlaybackStream::seek(qint64 ms)
{
    if (auto sought = m_source->seekMs(ms); !sought)
        return sought;
    m_stretcher.clear();
    m_inputs.clear();
    m_marks.clear();
    m_sourceEnded = false;
    m_flushed = false;
    m_outputAtSeek = m_outputFrames;
    m_seekMs = m_source->positionMs();
    return {};
}

Result<void> PlaybackStream::setLoop(qint64 aMs, qint64 bMs)
{
    bMs = std::min(bMs, durationMs());
    if (aMs < 0 || aMs >= bMs)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A loop needs its start (A) before its end (B) inside the recording."));
    m_loop = LoopRange{aMs, bMs};
    return {};
}

qint64 PlaybackStream::inputToSourceMs(double inputFrame) const
{
    if (m_inputs.empty())
        return m_seekMs;
    for (auto it = m_inputs.crbegin(); it != m_inputs.crend(); ++it) {
        if (inputFrame >= static_cast<double>(it->inputStart)) {
            const double into =
                std::min(inputFrame - static_cast<double>(it->inputStart), double(it->frames));
            return framesToMs(it->sourceStart + static_cast<qint64>(into));
        }
    }
    return framesToMs(m_inputs.front().sourceStart);
}

void PlaybackStream::markOutput()
{
    // The input that produced the last output frame: what went in, minus what the stretcher
    // still holds (unprocessed input, and ready output worth `tempo` input frames each).
    const double consumed = static_cast<double>(m_inputFrames - m_stretcher.unprocessedFrames()) -
                            static_cast<double>(m_stretcher.readyFrames()) * m_stretcher.tempo();
    m_marks.push_back({m_outputFrames, inputToSourceMs(std::max(0.0, consumed))});
    while (m_marks.size() > kMaxMarks)
        m_marks.pop_front();
    while (m_inputs.size() > 1 && m_inputs.front().inputStart + m_inputs.front().frames <
                                      m_inputFrames - kInputHistoryFrames)
        m_inputs.pop_front();
}

qint64 PlaybackStream::positionMs(qint64 queuedFrames) const
{
    const qint64 played = m_outputFrames - std::max<qint64>(0, queuedFrames);
    if (m_marks.empty() || played <= m_outputAtSeek)
        return m_seekMs; // nothing since the last seek has been heard yet
    auto it = std::lower_bound(
        m_marks.cbegin(), m_marks.cend(), played,
        [](const OutputMark &mark, qint64 value) { return mark.outputEnd < value; });
    if (it == m_marks.cend())
        --it;
    // Within one mark, output advances the recording `tempo` times as fast.
    const double behind = static_cast<double>(it->outputEnd - played) * m_stretcher.tempo();
    qint64 ms = it->sourceMs - static_cast<qint64>(behind * 1000.0 / kRate);
    if (it == m_marks.cbegin() && m_outputAtSeek > 0)
        ms = std::max(ms, m_seekMs); // the first output after a seek starts at the target
    return std::clamp<qint64>(ms, 0, durationMs());
}

} // namespace cv
