#pragma once

#include "common/result.h"
#include "playback/decodedaudiosource.h"
#include "playback/silencemap.h"
#include "playback/speakergain.h"
#include "playback/tempostretcher.h"

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace cv {

// An A-B loop on the recording's timeline, aMs < bMs.
struct LoopRange
{
    qint64 aMs = 0;
    qint64 bMs = 0;
};

// The player's signal path, without any audio device, so it can be tested on PCM:
//   decoded source -> (A-B loop, skip silences: jumps on the recording's timeline)
//   -> per-speaker gain -> tempo with pitch kept -> 48 kHz stereo s16 out.
// It also maps output back to the recording's timeline: positionMs() is the time in the
// recording of what is being heard, not the time of the stretched output.
class PlaybackStream final
{
public:
    // 20 ms: loop ends and silence skips are checked at this granularity.
    static constexpr qint64 kBlockFrames = DecodedAudioSource::kRate / 50;

    explicit PlaybackStream(std::unique_ptr<DecodedAudioSource> source);
    ~PlaybackStream();
    PlaybackStream(const PlaybackStream &) = delete;
    PlaybackStream &operator=(const PlaybackStream &) = delete;

    // Up to maxFrames stereo frames; fewer only at the end of the recording (0 once all is out).
    Result<qint64> render(qint16 *stereo, qint64 maxFrames);
    // Continues at `ms` (clamped to the recording); what the stretcher held is dropped.
    Result<void> seek(qint64 ms);

    void setSpeed(double speed) { m_stretcher.setTempo(speed); }
    double speed() const { return m_stretcher.tempo(); }
    // b is clamped to the duration; InvalidArgument unless 0 <= a < b.
    Result<void> setLoop(qint64 aMs, qint64 bMs);
    void clearLoop() { m_loop.reset(); }
    std::optional<LoopRange> loop() const { return m_loop; }
    void setSilenceMap(SilenceMap map) { m_silence = std::move(map); }
    void setSkipSilence(bool on) { m_skipSilence = on; }
    bool skipSilence() const { return m_skipSilence; }
    SpeakerGain &gain() { return m_gain; }

    qint64 durationMs() const { return m_source->durationMs(); }
    // Everything, the stretcher's tail included, has been rendered.
    bool atEnd() const { return m_flushed && m_stretcher.readyFrames() == 0; }
    qint64 renderedFrames() const { return m_outputFrames; }
    // The recording time being heard while `queuedFrames` of the rendered output still wait
    // in the audio device's buffer.
    qint64 positionMs(qint64 queuedFrames = 0) const;

private:
    // Where each block of the stretcher's input came from on the recording's timeline.
    struct InputBlock
    {
        qint64 inputStart = 0;
        qint64 sourceStart = 0; // frames
        qint64 frames = 0;
    };
    // After `outputEnd` rendered frames, the recording time reached was `sourceMs`.
    struct OutputMark
    {
        qint64 outputEnd = 0;
        qint64 sourceMs = 0;
    };

    Result<void> feed();
    Result<void> jumpTo(qint64 ms);
    qint64 inputToSourceMs(double inputFrame) const;
    void markOutput();

    std::unique_ptr<DecodedAudioSource> m_source;
    TempoStretcher m_stretcher;
    SpeakerGain m_gain;
    SilenceMap m_silence;
    bool m_skipSilence = false;
    std::optional<LoopRange> m_loop;
    std::vector<qint16> m_block;
    bool m_sourceEnded = false;
    bool m_flushed = false;

    std::deque<InputBlock> m_inputs;
    std::deque<OutputMark> m_marks;
    qint64 m_inputFrames = 0;
    qint64 m_outputFrames = 0;
    qint64 m_outputAtSeek = 0; // rendered frames when the last seek happened
    qint64 m_seekMs = 0;       // and where it went
};

} // namespace cv
