#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>

namespace cv::sip {

// A parsed SDP body (RFC 8866, offer/answer use per RFC 3264): what a recorder needs to find
// and decode the RTP streams of a call. Unknown lines and attributes are ignored; what is
// malformed in a line the recorder relies on (v=, o=, c=, m=, rtpmap) is an error.
class SdpSession final
{
public:
    static constexpr int kMaxBodyBytes = 64 * 1024;
    static constexpr int kMaxMedia = 64;
    static constexpr int kMaxFormats = 128;

    struct RtpMap
    {
        int payloadType = -1;
        QByteArray encoding; // as written ("PCMU", "opus", "telephone-event")
        int clockRate = 0;
        int channels = 1;
        QByteArray fmtp; // a=fmtp parameters for this payload type
    };
    enum class Direction : int
    {
        SendRecv = 0,
        SendOnly = 1,
        RecvOnly = 2,
        Inactive = 3
    };

    struct SdpMedia
    {
        using Direction = SdpSession::Direction;
        QByteArray media; // audio, video, application...
        quint16 port = 0; // 0: the stream is rejected or removed (RFC 3264)
        int portCount = 1;
        QByteArray protocol;     // RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF...
        QList<int> payloadTypes; // the numeric formats of the m= line, in order
        // One per payload type that has a known mapping: a=rtpmap, else the static ones
        // (RFC 3551: 0 PCMU, 3 GSM, 4 G723, 8 PCMA, 9 G722, 13 CN, 18 G729).
        QList<RtpMap> rtpMaps;
        QHostAddress connection;   // media-level c= else session-level; null for a host name
        QByteArray connectionHost; // the c= address as written
        Direction direction = Direction::SendRecv; // media-level, else session-level
        QByteArray label;       // a=label (RFC 4574; SIPREC ties streams to metadata)
        bool encrypted = false; // SRTP profile or a=crypto (the audio cannot be decoded)
        int telephoneEventPayloadType = -1; // RFC 4733 DTMF events, the 8 kHz one first
        int rtcpPort = 0;                   // a=rtcp, 0 = the RTP port + 1 (or rtcp-mux)
        bool rtcpMux = false;
        int ptime = 0; // a=ptime in ms, 0 if absent

        // Old-style hold (RFC 2543): c= 0.0.0.0 (or ::) means "do not send to me".
        bool holdAddress() const;
        bool disabled() const { return port == 0; }
        const RtpMap *rtpMap(int payloadType) const;
    };

    static Result<SdpSession> parse(const QByteArray &body);

    QList<SdpMedia> media;
    QHostAddress connection;   // session-level c=
    QByteArray connectionHost; // session-level c= address as written
    QByteArray sessionId;      // o= sess-id
    QByteArray sessionVersion; // o= sess-version (changes when the offer changes)
    QByteArray originUser;
    QHostAddress originAddress;
    Direction direction = Direction::SendRecv; // session-level attribute
};

using RtpMap = SdpSession::RtpMap;
using SdpMedia = SdpSession::SdpMedia;

} // namespace cv::sip
