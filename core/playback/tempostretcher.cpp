#include "playback/tempostretcher.h"

#include <SoundTouch.h>
#include <algorithm>
#include <cmath>
#include <type_traits>

static_assert(std::is_same<soundtouch::SAMPLETYPE, float>::value,
              "TempoStretcher converts to float; this libsoundtouch is built for integer samples");

namespace cv {

TempoStretcher::TempoStretcher(int sampleRate, int channels)
    : m_touch(std::make_unique<soundtouch::SoundTouch>()), m_channels(channels)
{
    m_touch->setSampleRate(static_cast<uint>(sampleRate));
    m_touch->setChannels(static_cast<uint>(channels));
    // Speech, not music: shorter sequences follow syllables better (SoundTouch's README
    // suggests 40 ms / 15 ms / 8 ms for speech) and lower the latency of a speed change.
    m_touch->setSetting(SETTING_SEQUENCE_MS, 40);
    m_touch->setSetting(SETTING_SEEKWINDOW_MS, 15);
    m_touch->setSetting(SETTING_OVERLAP_MS, 8);
    m_touch->setTempo(m_tempo);
}

TempoStretcher::~TempoStretcher()
{
    // Speech passed through here: wipe what is left in SoundTouch's buffers and ours.
    m_touch->clear();
    std::fill(m_buffer.begin(), m_buffer.end(), 0.0f);
}

void TempoStretcher::setTempo(double tempo)
{
    m_tempo = std::isfinite(tempo) ? std::clamp(tempo, kMinTempo, kMaxTempo) : 1.0;
    m_touch->setTempo(m_tempo);
}

void TempoStretcher::put(const qint16 *interleaved, qint64 frames)
{
    const std::size_t samples = static_cast<std::size_t>(frames * m_channels);
    if (m_buffer.size() < samples)
        m_buffer.resize(samples);
    for (std::size_t i = 0; i < samples; ++i)
        m_buffer[i] = static_cast<float>(interleaved[i]) / 32768.0f;
    m_touch->putSamples(m_buffer.data(), static_cast<uint>(frames));
}

qint64 TempoStretcher::receive(qint16 *interleaved, qint64 maxFrames)
{
    const std::size_t samples = static_cast<std::size_t>(maxFrames * m_channels);
    if (m_buffer.size() < samples)
        m_buffer.resize(samples);
    const qint64 got = m_touch->receiveSamples(m_buffer.data(), static_cast<uint>(maxFrames));
    for (std::size_t i = 0; i < static_cast<std::size_t>(got * m_channels); ++i)
        interleaved[i] =
            static_cast<qint16>(std::clamp(std::lround(m_buffer[i] * 32768.0f), -32768L, 32767L));
    return got;
}

void TempoStretcher::flush()
{
    m_touch->flush();
}

void TempoStretcher::clear()
{
    m_touch->clear();
}

qint64 TempoStretcher::unprocessedFrames() const
{
    return m_touch->numUnprocessedSamples();
}

qint64 TempoStretcher::readyFrames() const
{
    return m_touch->numSamples();
}

} // namespace cv
