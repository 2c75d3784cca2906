#pragma once

#include <QVector>
#include <cmath>

namespace cv::test {

// Interleaved s16 test tones: channel c gets a sine of freqs[c] Hz.
inline QVector<qint16> sineTones(int rate, int channels, qint64 frames, const double *freqs,
                                 double amplitude = 12000.0)
{
    QVector<qint16> pcm(qsizetype(frames * channels));
    for (qint64 i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            const double v = amplitude * std::sin(2.0 * M_PI * freqs[c] * double(i) / rate);
            pcm[qsizetype(i * channels + c)] = qint16(std::lround(v));
        }
    }
    return pcm;
}

// Energy of `freq` in one channel of interleaved PCM (Goertzel algorithm).
inline double goertzel(const qint16 *pcm, qint64 frames, int channels, int channel, int rate,
                       double freq)
{
    const double coeff = 2.0 * std::cos(2.0 * M_PI * freq / rate);
    double s1 = 0.0;
    double s2 = 0.0;
    for (qint64 i = 0; i < frames; ++i) {
        const double s0 = pcm[i * channels + channel] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

// Root-mean-square level of one channel.
inline double rms(const qint16 *pcm, qint64 frames, int channels, int channel)
{
    if (frames <= 0)
        return 0.0;
    double sum = 0.0;
    for (qint64 i = 0; i < frames; ++i) {
        const double v = pcm[i * channels + channel];
        sum += v * v;
    }
    return std::sqrt(sum / double(frames));
}

} // namespace cv::test
