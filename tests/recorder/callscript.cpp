#include "callscript.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <memory>

extern "C" {
#include <spandsp.h>
}

namespace rectest {

quint8 encodePcmu(qint16 sample)
{
    return linear_to_ulaw(sample);
}

quint8 encodePcma(qint16 sample)
{
    return linear_to_alaw(sample);
}

namespace {

QByteArray address(const cv::net::Endpoint &e)
{
    return e.address.toString().toLatin1();
}

void putRtpHeader(QByteArray &out, int pt, bool marker, quint16 seq, quint32 ts, quint32 ssrc)
{
    out.resize(12);
    out[0] = char(0x80);
    out[1] = char((marker ? 0x80 : 0) | (pt & 0x7f));
    out[2] = char(seq >> 8);
    out[3] = char(seq & 0xff);
    for (int i = 0; i < 4; ++i) {
        out[4 + i] = char((ts >> (24 - 8 * i)) & 0xff);
        out[8 + i] = char((ssrc >> (24 - 8 * i)) & 0xff);
    }
}

quint32 streamSsrc(bool fromCaller)
{
    return fromCaller ? 0x11110001u : 0x22220002u;
}

quint16 streamSequence(bool fromCaller, qint64 ms)
{
    return static_cast<quint16>((fromCaller ? 65500 : 65510) + ms / 20);
}

quint32 streamTimestamp(qint64 ms)
{
    return static_cast<quint32>(0xFFFFF000u + ms * 8);
}

} // namespace

CallScript::CallScript(QString callId, Party caller, Party callee, qint64 startUs)
    : m_callId(std::move(callId)), m_caller(std::move(caller)), m_callee(std::move(callee)), m_startUs(startUs)
{
}

QByteArray CallScript::sdp(const Party &party, const QByteArray &protocol, int payloadType,
                           const QByteArray &direction) const
{
    QByteArray rtpmap;
    if (payloadType == 0)
        rtpmap = "a=rtpmap:0 PCMU/8000\r\n";
    else if (payloadType == 8)
        rtpmap = "a=rtpmap:8 PCMA/8000\r\n";
    else if (payloadType == 9)
        rtpmap = "a=rtpmap:9 G722/8000\r\n";
    else if (payloadType == 18)
        rtpmap = "a=rtpmap:18 G729/8000\r\n";
    QByteArray body = "v=0\r\no=- 1 1 IN IP4 " + address(party.media) + "\r\ns=-\r\nc=IN IP4 " + address(party.media) +
                      "\r\nt=0 0\r\nm=audio " + QByteArray::number(party.media.port) + ' ' + protocol + ' ' +
                      QByteArray::number(payloadType) + " 101\r\n" + rtpmap +
                      "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\n";
    if (protocol.contains("SAVP"))
        body += "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n";
    body += "a=" + direction + "\r\n";
    return body;
}

QByteArray CallScript::request(const QByteArray &method, int cseq, const QByteArray &cseqMethod, bool fromCaller,
                               bool withToTag, const QByteArray &body) const
{
    const Party &from = fromCaller ? m_caller : m_callee;
    const Party &to = fromCaller ? m_callee : m_caller;
    const QByteArray fromTag = fromCaller ? "caller-tag" : "callee-tag";
    const QByteArray toTag = fromCaller ? "callee-tag" : "caller-tag";
    QByteArray m = method + " sip:" + to.number.toUtf8() + '@' + address(to.signalling) + ':' +
                   QByteArray::number(to.signalling.port) + " SIP/2.0\r\n";
    m += "Via: SIP/2.0/UDP " + address(from.signalling) + ':' + QByteArray::number(from.signalling.port) +
         ";branch=z9hG4bK-" + QByteArray::number(cseq) + method.toLower() + "\r\n";
    m += "Max-Forwards: 70\r\n";
    m += "From: <sip:" + from.number.toUtf8() + '@' + address(from.signalling) + ">;tag=" + fromTag + "\r\n";
    m += "To: <sip:" + to.number.toUtf8() + '@' + address(to.signalling) + '>' + (withToTag ? ";tag=" + toTag : QByteArray()) + "\r\n";
    m += "Call-ID: " + m_callId.toUtf8() + "\r\n";
    m += "CSeq: " + QByteArray::number(cseq) + ' ' + cseqMethod + "\r\n";
    m += "Contact: <sip:" + from.number.toUtf8() + '@' + address(from.signalling) + ':' +
         QByteArray::number(from.signalling.port) + ">\r\n";
    if (!body.isEmpty())
        m += "Content-Type: application/sdp\r\n";
    m += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return m;
}

QByteArray CallScript::response(int code, const QByteArray &reason, int cseq, const QByteArray &method, bool withToTag,
                                const QByteArray &body) const
{
    QByteArray m = "SIP/2.0 " + QByteArray::number(code) + ' ' + reason + "\r\n";
    m += "Via: SIP/2.0/UDP " + address(m_caller.signalling) + ':' + QByteArray::number(m_caller.signalling.port) +
         ";branch=z9hG4bK-" + QByteArray::number(cseq) + method.toLower() + "\r\n";
    m += "From: <sip:" + m_caller.number.toUtf8() + '@' + address(m_caller.signalling) + ">;tag=caller-tag\r\n";
    m += "To: <sip:" + m_callee.number.toUtf8() + '@' + address(m_callee.signalling) + '>' +
         (withToTag ? QByteArray(";tag=callee-tag") : QByteArray()) + "\r\n";
    m += "Call-ID: " + m_callId.toUtf8() + "\r\n";
    m += "CSeq: " + QByteArray::number(cseq) + ' ' + method + "\r\n";
    if (!body.isEmpty())
        m += "Content-Type: application/sdp\r\n";
    m += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return m;
}

void CallScript::sip(qint64 atMs, bool fromCaller, const QByteArray &message)
{
    const Party &from = fromCaller ? m_caller : m_callee;
    const Party &to = fromCaller ? m_callee : m_caller;
    m_packets.append(WirePacket{m_startUs + atMs * 1000, from.signalling, to.signalling, message, false});
}

void CallScript::invite(qint64 answerMs, const QByteArray &protocol, int payloadType)
{
    const int cseq = m_cseq++;
    sip(0, true, request("INVITE", cseq, "INVITE", true, false, sdp(m_caller, protocol, payloadType, "sendrecv")));
    sip(5, false, response(100, "Trying", cseq, "INVITE", false, {}));
    sip(50, false, response(180, "Ringing", cseq, "INVITE", true, {}));
    if (answerMs < 0)
        return;
    sip(answerMs, false, response(200, "OK", cseq, "INVITE", true, sdp(m_callee, protocol, payloadType, "sendrecv")));
    sip(answerMs + 5, true, request("ACK", cseq, "ACK", true, true, {}));
}

void CallScript::cancel(qint64 atMs)
{
    const int cseq = 1; // CANCEL carries the INVITE's CSeq number
    sip(atMs, true, request("CANCEL", cseq, "CANCEL", true, false, {}));
    sip(atMs + 5, false, response(200, "OK", cseq, "CANCEL", true, {}));
    sip(atMs + 6, false, response(487, "Request Terminated", cseq, "INVITE", true, {}));
    sip(atMs + 10, true, request("ACK", cseq, "ACK", true, true, {}));
}

void CallScript::reinvite(qint64 atMs, bool hold)
{
    const int cseq = m_cseq++;
    sip(atMs, true, request("INVITE", cseq, "INVITE", true, true, sdp(m_caller, "RTP/AVP", 0, hold ? "sendonly" : "sendrecv")));
    sip(atMs + 10, false, response(200, "OK", cseq, "INVITE", true, sdp(m_callee, "RTP/AVP", 0, hold ? "recvonly" : "sendrecv")));
    sip(atMs + 15, true, request("ACK", cseq, "ACK", true, true, {}));
}

void CallScript::bye(qint64 atMs, bool fromCaller)
{
    const int cseq = m_cseq++;
    sip(atMs, fromCaller, request("BYE", cseq, "BYE", fromCaller, true, {}));
    QByteArray ok = response(200, "OK", cseq, "BYE", true, {});
    sip(atMs + 5, !fromCaller, ok);
}

void CallScript::rtp(bool fromCaller, qint64 fromMs, qint64 toMs, const Rtp &options)
{
    const Party &from = fromCaller ? m_caller : m_callee;
    const Party &to = fromCaller ? m_callee : m_caller;
    QRandomGenerator random(options.seed);
    // One stream per party: SSRC, sequence and timestamp follow the call time (20 ms slots),
    // so audio and telephone-events of one party share them as a real sender's do; both
    // wrap in the first seconds.
    quint32 ssrc = streamSsrc(fromCaller);
    std::unique_ptr<g722_encode_state_t, decltype(&g722_encode_free)> g722(
        options.payloadType == 9 ? g722_encode_init(nullptr, 64000, 0) : nullptr, &g722_encode_free);
    QVector<WirePacket> packets;
    for (qint64 ms = fromMs; ms < toMs; ms += 20) {
        quint16 seq = streamSequence(fromCaller, ms);
        quint32 ts = streamTimestamp(ms);
        const bool changed = options.ssrcChangeAtMs >= 0 && ms >= options.ssrcChangeAtMs;
        const bool firstOfNewSource = changed && ms - 20 < options.ssrcChangeAtMs;
        if (changed) {
            ssrc = streamSsrc(fromCaller) ^ 0xA5A5A5A5u; // a new source: new SSRC, new bases
            seq = static_cast<quint16>(seq + 12345);
            ts += 987654;
        }
        QByteArray packet;
        putRtpHeader(packet, options.payloadType, ms == fromMs || firstOfNewSource, seq, ts, ssrc);
        if (options.payloadType == 9) {
            qint16 wide[320];
            for (int i = 0; i < 320; ++i)
                wide[i] = static_cast<qint16>(8000 * std::sin(2 * M_PI * from.toneHz * (ms * 16 + i) / 16000.0));
            uint8_t coded[160];
            const int n = g722_encode(g722.get(), coded, wide, 320);
            packet.append(reinterpret_cast<const char *>(coded), n);
        } else {
            for (int i = 0; i < 160; ++i) {
                const auto s = static_cast<qint16>(8000 * std::sin(2 * M_PI * from.toneHz * (ms * 8 + i) / 8000.0));
                packet.append(char(options.payloadType == 8 ? encodePcma(s) : encodePcmu(s)));
            }
        }
        if (options.lossRate > 0 && random.generateDouble() < options.lossRate)
            continue;
        packets.append(WirePacket{m_startUs + ms * 1000, from.media, to.media, packet, false});
    }
    if (options.reorderEvery > 1) {
        for (int i = options.reorderEvery; i + 1 < packets.size(); i += options.reorderEvery)
            std::swap(packets[i].payload, packets[i + 1].payload); // arrival order differs from sequence
    }
    m_packets += packets;
}

void CallScript::telephoneEvent(bool fromCaller, qint64 atMs, int durationMs, int event)
{
    const Party &from = fromCaller ? m_caller : m_callee;
    const Party &to = fromCaller ? m_callee : m_caller;
    for (int t = 0; t <= durationMs; t += 20) {
        const bool end = t + 20 > durationMs;
        QByteArray packet;
        putRtpHeader(packet, 101, t == 0, streamSequence(fromCaller, atMs + t), streamTimestamp(atMs), streamSsrc(fromCaller));
        const quint16 duration = static_cast<quint16>(std::min(t + 20, durationMs) * 8);
        packet.append(char(event));
        packet.append(char((end ? 0x80 : 0) | 10));
        packet.append(char(duration >> 8));
        packet.append(char(duration & 0xff));
        m_packets.append(WirePacket{m_startUs + (atMs + t) * 1000, from.media, to.media, packet, false});
    }
}

QVector<WirePacket> CallScript::packets() const
{
    QVector<WirePacket> sorted = m_packets;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const WirePacket &a, const WirePacket &b) { return a.timestampUs < b.timestampUs; });
    return sorted;
}

} // namespace rectest
