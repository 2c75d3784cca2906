#pragma once

#include "playback/speaker.h"

#include <QtGlobal>
#include <array>

namespace cv {

// Per-speaker volume and mute on interleaved stereo PCM (agent left, customer right), so a
// reviewer can listen to one party alone or lift a quiet customer. Volume is 0..kMaxVolume
// (1 = as recorded); louder than recorded saturates instead of wrapping.
class SpeakerGain final
{
public:
    static constexpr double kMaxVolume = 2.0;

    void setVolume(Speaker speaker, double volume);
    void setMuted(Speaker speaker, bool muted);
    double volume(Speaker speaker) const { return m_volume[index(speaker)]; }
    bool muted(Speaker speaker) const { return m_muted[index(speaker)]; }

    void apply(qint16 *stereo, qint64 frames) const;

private:
    static std::size_t index(Speaker speaker) { return static_cast<std::size_t>(speaker); }

    std::array<double, 2> m_volume{{1.0, 1.0}};
    std::array<bool, 2> m_muted{{false, false}};
};

} // namespace cv
