#pragma once

#include <QVector>
#include <cmath>
#include <cstdint>

namespace cv::test {

// Amplitude of a sine at `dbm0` in 16-bit linear PCM (0 dBm0 = 22706, G.711's reference).
inline double dbm0Amplitude(double dbm0)
{
    return 22706.0 * std::pow(10.0, dbm0 / 20.0);
}

constexpr double kRows[4] = {697.0, 770.0, 852.0, 941.0};
constexpr double kCols[4] = {1209.0, 1336.0, 1477.0, 1633.0};

// Adds a DTMF pair (row, col indices) at `dbm0` per tone to pcm[start, start + length).
inline void addDtmf(QVector<qint16> &pcm, int rate, qint64 start, qint64 length, int row, int col,
                    double dbm0 = -25.0, double twistDb = 0.0)
{
    const double lowAmp = dbm0Amplitude(dbm0);
    const double highAmp = dbm0Amplitude(dbm0 + twistDb);
    for (qint64 i = 0; i < length && start + i < pcm.size(); ++i) {
        const double t = double(i) / rate;
        const double v = lowAmp * std::sin(2 * M_PI * kRows[row] * t) +
                         highAmp * std::sin(2 * M_PI * kCols[col] * t);
        const double mixed = pcm[start + i] + v;
        pcm[start + i] = qint16(std::clamp(std::lround(mixed), -32768L, 32767L));
    }
}

// Low white noise (a line is never digitally silent), deterministic.
inline void addNoise(QVector<qint16> &pcm, int amplitude, quint32 seed = 1)
{
    for (qint16 &s : pcm) {
        seed = seed * 1664525u + 1013904223u;
        const int n = int((seed >> 16) % quint32(2 * amplitude + 1)) - amplitude;
        s = qint16(std::clamp(s + n, -32768, 32767));
    }
}

} // namespace cv::test
