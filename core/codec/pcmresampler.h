#pragma once

#include "common/result.h"

#include <QVector>
#include <memory>

struct SpeexResamplerState_;

namespace cv {

// Sample-rate conversion of interleaved s16 PCM with the speexdsp resampler (quality 5),
// used to take decoded 48 kHz audio back to a recording's original rate for WAV export.
// The filter delay is removed: output sample 0 lines up with input sample 0, and after
// flush() the output holds round(input * outRate / inRate) frames in total.
class PcmResampler final
{
public:
    static constexpr int kQuality = 5;

    static Result<std::unique_ptr<PcmResampler>> create(int channels, int inRate, int outRate);
    ~PcmResampler();
    PcmResampler(const PcmResampler &) = delete;
    PcmResampler &operator=(const PcmResampler &) = delete;

    // Converts `frames` input frames; returns the output frames available so far.
    QVector<qint16> process(const qint16 *in, qint64 frames);
    // Drains the filter delay at the end of the stream; the resampler is then spent.
    QVector<qint16> flush();

    int channels() const { return m_channels; }
    int inRate() const { return m_inRate; }
    int outRate() const { return m_outRate; }

private:
    struct StateDeleter
    {
        void operator()(SpeexResamplerState_ *state) const;
    };

    PcmResampler(int channels, int inRate, int outRate);
    void run(const qint16 *in, qint64 frames, QVector<qint16> &out, qint64 maxOutFrames);

    std::unique_ptr<SpeexResamplerState_, StateDeleter> m_state;
    int m_channels;
    int m_inRate;
    int m_outRate;
    qint64 m_framesIn = 0;
    qint64 m_framesOut = 0;
    bool m_flushed = false;
};

} // namespace cv
