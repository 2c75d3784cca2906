#pragma once

// Test streams for the leg and call tests: packet k of a stream carries a constant level,
// so the output shows which packet landed where.

#include "../codec/signal.h"
#include "rtp/legreceiver.h"
#include "rtpsim.h"

#include <QByteArray>
#include <QVector>
#include <cmath>
#include <initializer_list>

namespace cv::test {

constexpr qint64 kOrigin = 1'700'000'000'000'000; // a wall-clock call start (µs)
constexpr int kPtime = 160;                       // 20 ms at 8 kHz

// Packet k of a test stream carries a constant level: reading the output tells which
// packet landed where.
inline int levelOf(int k)
{
    return (k % 2 ? 1 : -1) * (200 + 100 * (k % 19));
}

inline QByteArray levelPayload(int k)
{
    QVector<qint16> pcm(kPtime, qint16(levelOf(k)));
    return ulaw(pcm.constData(), kPtime);
}

struct StreamSpec
{
    quint32 ssrc = 0x1234;
    quint16 seq0 = 1000;
    quint32 ts0 = 50000;
    qint64 firstUs = kOrigin + 500; // 0.5 ms after the call start
    int count = 100;
};

inline QVector<Arrival> levelStream(const StreamSpec &s)
{
    QVector<Arrival> out;
    for (int k = 0; k < s.count; ++k) {
        out.append(Arrival{s.firstUs + qint64(k) * 20000,
                           rtpPacket(0, quint16(s.seq0 + k), quint32(s.ts0 + quint32(k) * kPtime),
                                     s.ssrc, levelPayload(k))});
    }
    return out;
}

inline rtp::LegReceiver::Options options()
{
    rtp::LegReceiver::Options o;
    o.originUs = kOrigin;
    o.telephoneEventPayloadType = 101;
    return o;
}

// Checks that packet k (if present) occupies [start + k * 160, +160) in `pcm`.
inline bool packetAt(const QVector<qint16> &pcm, qint64 start, int k)
{
    const qint16 expected = ulawRoundTrip(levelOf(k));
    for (qint64 i = start + qint64(k) * kPtime; i < start + qint64(k + 1) * kPtime; ++i) {
        if (i < 0 || i >= pcm.size() || pcm[i] != expected)
            return false;
    }
    return true;
}

inline bool silentBetween(const QVector<qint16> &pcm, qint64 from, qint64 to)
{
    for (qint64 i = std::max<qint64>(0, from); i < std::min<qint64>(to, pcm.size()); ++i) {
        if (pcm[i] != 0)
            return false;
    }
    return true;
}

inline double levelDb(const QVector<qint16> &pcm, qsizetype from, qsizetype to)
{
    return 20.0 * std::log10(std::max(1e-9, rms(pcm.constData() + from, to - from, 1, 0)));
}

// Frequency with the most energy among candidates (Goertzel).
inline double strongest(const QVector<qint16> &pcm, qsizetype from, qsizetype to, int rate,
                        std::initializer_list<double> freqs)
{
    double best = 0;
    double bestEnergy = -1;
    for (double f : freqs) {
        const double e = goertzel(pcm.constData() + from, to - from, 1, 0, rate, f);
        if (e > bestEnergy) {
            bestEnergy = e;
            best = f;
        }
    }
    return best;
}

} // namespace cv::test
