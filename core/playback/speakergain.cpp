#include "playback/speakergain.h"

#include <algorithm>
#include <cmath>

namespace cv {

void SpeakerGain::setVolume(Speaker speaker, double volume)
{
    m_volume[index(speaker)] = std::isfinite(volume) ? std::clamp(volume, 0.0, kMaxVolume) : 1.0;
}

void SpeakerGain::setMuted(Speaker speaker, bool muted)
{
    m_muted[index(speaker)] = muted;
}

void SpeakerGain::apply(qint16 *stereo, qint64 frames) const
{
    for (std::size_t c = 0; c < 2; ++c) {
        const double gain = m_muted[c] ? 0.0 : m_volume[c];
        if (gain == 1.0)
            continue; // as recorded: leave the samples bit for bit
        for (qint64 i = 0; i < frames; ++i) {
            qint16 &s = stereo[2 * i + static_cast<qint64>(c)];
            s = static_cast<qint16>(std::clamp(std::lround(s * gain), -32768L, 32767L));
        }
    }
}

} // namespace cv
