#pragma once

#include <QtGlobal>
#include <memory>
#include <vector>

namespace soundtouch {
class SoundTouch;
}

namespace cv {

// Plays faster or slower with the pitch kept (voices do not turn into chipmunks at 2x):
// a move-only wrapper around libsoundtouch's WSOLA time stretcher for 48 kHz stereo s16.
// SoundTouch keeps some input (a few tens of ms) to find overlaps; clear() drops it on a
// seek, flush() pushes it out at the end of the recording.
class TempoStretcher final
{
public:
    static constexpr double kMinTempo = 0.5;
    static constexpr double kMaxTempo = 2.0;

    TempoStretcher(int sampleRate, int channels);
    ~TempoStretcher();
    TempoStretcher(const TempoStretcher &) = delete;
    TempoStretcher &operator=(const TempoStretcher &) = delete;

    void setTempo(double tempo); // clamped to kMinTempo..kMaxTempo
    double tempo() const { return m_tempo; }

    void put(const qint16 *interleaved, qint64 frames);
    // Up to maxFrames of stretched output; 0 when it needs more input.
    qint64 receive(qint16 *interleaved, qint64 maxFrames);
    void flush();
    void clear();
    // Input frames taken in but not yet turned into output.
    qint64 unprocessedFrames() const;
    // Output frames ready to be received.
    qint64 readyFrames() const;

private:
    std::unique_ptr<soundtouch::SoundTouch> m_touch;
    int m_channels;
    double m_tempo = 1.0;
    std::vector<float> m_buffer; // conversion buffer (SoundTouch works on float samples)
};

} // namespace cv
