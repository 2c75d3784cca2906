#pragma once

#include <QtGlobal>
#include <optional>

namespace cv::rtp {

// A view of one RTP packet (RFC 3550) over bytes the caller keeps alive. parse() checks
// every length: version 2, the CSRC list, the header extension and the padding count must
// all fit inside `size`, and what is left is the payload (possibly empty).
struct RtpPacket
{
    int payloadType = 0;
    bool marker = false;
    quint16 sequence = 0;
    quint32 timestamp = 0;
    quint32 ssrc = 0;
    int csrcCount = 0;
    bool hasExtension = false;
    const uchar *payload = nullptr;
    int payloadSize = 0;

    static std::optional<RtpPacket> parse(const uchar *data, int size);

    // Cheap sniffing test for unknown UDP: version 2, a 12-byte header, and a payload type
    // outside 72..79 (where RTCP's packet types 200..207 land when read as RTP, RFC 5761).
    static bool looksLikeRtp(const uchar *data, int size);
};

} // namespace cv::rtp
