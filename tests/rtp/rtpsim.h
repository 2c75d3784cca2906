#pragma once

// Test helpers: RTP packets built by hand, G.711 encoding, and a driver that feeds a
// LegReceiver the way the recorder does (push what arrived, pull every 10 ms).

#include "rtp/legreceiver.h"
#include "rtp/rtppacket.h"

#include <QByteArray>
#include <QVector>
#include <algorithm>
#include <cstdint>
// spandsp's headers depend on each other in this order (telephony macros, top_bit).
// clang-format off
#include <spandsp/telephony.h>
#include <spandsp/bit_operations.h>
#include <spandsp/g711.h>
// clang-format on

namespace cv::test {

inline QByteArray rtpPacket(int pt, quint16 seq, quint32 ts, quint32 ssrc,
                            const QByteArray &payload, bool marker = false)
{
    QByteArray p(12, '\0');
    p[0] = char(0x80);
    p[1] = char((marker ? 0x80 : 0) | (pt & 0x7f));
    p[2] = char(seq >> 8);
    p[3] = char(seq & 0xff);
    for (int i = 0; i < 4; ++i) {
        p[4 + i] = char((ts >> (24 - 8 * i)) & 0xff);
        p[8 + i] = char((ssrc >> (24 - 8 * i)) & 0xff);
    }
    return p + payload;
}

inline QByteArray ulaw(const qint16 *pcm, int n)
{
    QByteArray out(n, '\0');
    for (int i = 0; i < n; ++i)
        out[i] = char(linear_to_ulaw(pcm[i]));
    return out;
}

inline qint16 ulawRoundTrip(int v)
{
    return ulaw_to_linear(linear_to_ulaw(v));
}

inline QByteArray telephoneEvent(int event, bool end, int duration)
{
    QByteArray p(4, '\0');
    p[0] = char(event);
    p[1] = char((end ? 0x80 : 0) | 10);
    p[2] = char(duration >> 8);
    p[3] = char(duration & 0xff);
    return p;
}

struct Arrival
{
    qint64 us;
    QByteArray bytes;
    int leg = 0; // 0 agent, 1 customer (for the assembler driver)
};

inline void sortArrivals(QVector<Arrival> &arrivals)
{
    std::stable_sort(arrivals.begin(), arrivals.end(),
                     [](const Arrival &a, const Arrival &b) { return a.us < b.us; });
}

// Pushes in arrival order and pulls every `stepUs`, then finishes at endUs.
template <typename Receiver, typename PushFn>
QVector<qint16> drive(Receiver &receiver, QVector<Arrival> arrivals, qint64 startUs, qint64 endUs,
                      PushFn push, qint64 stepUs = 10000)
{
    sortArrivals(arrivals);
    QVector<qint16> out;
    qsizetype next = 0;
    for (qint64 now = startUs; now < endUs; now += stepUs) {
        while (next < arrivals.size() && arrivals[next].us <= now) {
            push(arrivals[next]);
            ++next;
        }
        receiver.pullUntil(now, out);
    }
    while (next < arrivals.size() && arrivals[next].us <= endUs)
        push(arrivals[next++]);
    receiver.finishAt(endUs, out);
    return out;
}

inline QVector<qint16> driveLeg(rtp::LegReceiver &leg, const QVector<Arrival> &arrivals,
                                qint64 startUs, qint64 endUs)
{
    return drive(leg, arrivals, startUs, endUs, [&](const Arrival &a) {
        const auto packet = rtp::RtpPacket::parse(
            reinterpret_cast<const uchar *>(a.bytes.constData()), int(a.bytes.size()));
        if (packet)
            leg.push(a.us, *packet);
    });
}

} // namespace cv::test
