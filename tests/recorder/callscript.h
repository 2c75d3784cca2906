#pragma once

#include "net/endpoint.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <functional>

// Writes the packets of a synthetic SIP call (signalling + RTP both ways) for the
// recorder's replay tests: what a PBX and a phone would put on the wire, with the faults the
// issue lists (loss, reordering, SSRC change, hold, one-way audio, DTMF, SRTP, odd codecs).
namespace rectest {

struct WirePacket
{
    qint64 timestampUs = 0;
    cv::net::Endpoint source;
    cv::net::Endpoint destination;
    QByteArray payload;
    bool tcp = false;
};

class CallScript
{
public:
    struct Party
    {
        QString number;             // "1001" (an extension) or "+8613800138000"
        cv::net::Endpoint signalling;
        cv::net::Endpoint media;
        double toneHz = 440;        // what this party "says": a steady sine
    };
    struct Rtp
    {
        int payloadType = 0;        // 0 PCMU, 8 PCMA, 9 G722, 18 G729 (unsupported)
        double lossRate = 0;        // packets dropped at random (seeded)
        int reorderEvery = 0;       // every Nth packet swapped with the next
        qint64 ssrcChangeAtMs = -1; // a new SSRC (and sequence/timestamp base) from here
        quint32 seed = 1;
    };

    CallScript(QString callId, Party caller, Party callee, qint64 startUs);

    // INVITE with an SDP offer (RTP/AVP or RTP/SAVP), 100, 180 at +50 ms, 200 OK with the
    // answer at `answerMs`, ACK. `answerMs` < 0: no answer (use cancel()).
    void invite(qint64 answerMs, const QByteArray &protocol = "RTP/AVP", int payloadType = 0);
    // CANCEL at `atMs`, its 200 and 487 + ACK.
    void cancel(qint64 atMs);
    // A re-INVITE by the caller at `atMs` putting the call on hold (a=sendonly) or back.
    void reinvite(qint64 atMs, bool hold);
    // RTP from one party between two call times (ms after the INVITE), 20 ms packets.
    void rtp(bool fromCaller, qint64 fromMs, qint64 toMs, const Rtp &options);
    void rtp(bool fromCaller, qint64 fromMs, qint64 toMs) { rtp(fromCaller, fromMs, toMs, Rtp()); }
    // RFC 4733 telephone-event (PT 101) for `event` from `atMs` for `durationMs`.
    void telephoneEvent(bool fromCaller, qint64 atMs, int durationMs, int event);
    void bye(qint64 atMs, bool fromCaller = true);

    QVector<WirePacket> packets() const; // by time

private:
    QByteArray sdp(const Party &party, const QByteArray &protocol, int payloadType, const QByteArray &direction) const;
    QByteArray request(const QByteArray &method, int cseq, const QByteArray &cseqMethod, bool fromCaller,
                       bool withToTag, const QByteArray &body) const;
    QByteArray response(int code, const QByteArray &reason, int cseq, const QByteArray &method, bool withToTag,
                        const QByteArray &body) const;
    void sip(qint64 atMs, bool fromCaller, const QByteArray &message);

    QString m_callId;
    Party m_caller;
    Party m_callee;
    qint64 m_startUs;
    int m_cseq = 1;
    QVector<WirePacket> m_packets;
};

// G.711 µ-law / A-law of one sample (spandsp's tables, the reference G.711).
quint8 encodePcmu(qint16 sample);
quint8 encodePcma(qint16 sample);

} // namespace rectest
