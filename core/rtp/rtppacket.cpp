#include "rtppacket.h"

namespace cv::rtp {

namespace {
constexpr int kFixedHeader = 12;
}

std::optional<RtpPacket> RtpPacket::parse(const uchar *data, int size)
{
    if (!data || size < kFixedHeader)
        return std::nullopt;
    if ((data[0] >> 6) != 2)
        return std::nullopt;
    const bool padding = data[0] & 0x20;
    RtpPacket p;
    p.hasExtension = data[0] & 0x10;
    p.csrcCount = data[0] & 0x0f;
    p.marker = data[1] & 0x80;
    p.payloadType = data[1] & 0x7f;
    p.sequence = quint16((data[2] << 8) | data[3]);
    p.timestamp =
        (quint32(data[4]) << 24) | (quint32(data[5]) << 16) | (quint32(data[6]) << 8) | data[7];
    p.ssrc =
        (quint32(data[8]) << 24) | (quint32(data[9]) << 16) | (quint32(data[10]) << 8) | data[11];

    int offset = kFixedHeader + 4 * p.csrcCount;
    if (offset > size)
        return std::nullopt;
    if (p.hasExtension) {
        if (offset + 4 > size)
            return std::nullopt;
        const int words = (data[offset + 2] << 8) | data[offset + 3];
        offset += 4 + 4 * words;
        if (offset > size)
            return std::nullopt;
    }
    int end = size;
    if (padding) {
        const int pad = data[size - 1];
        // The count includes itself, so 0 is invalid; it must not reach into the header.
        if (pad == 0 || pad > end - offset)
            return std::nullopt;
        end -= pad;
    }
    p.payload = data + offset;
    p.payloadSize = end - offset;
    return p;
}

bool RtpPacket::looksLikeRtp(const uchar *data, int size)
{
    if (!data || size < kFixedHeader || (data[0] >> 6) != 2)
        return false;
    const int pt = data[1] & 0x7f;
    if (pt >= 72 && pt <= 79)
        return false;
    return parse(data, size).has_value();
}

} // namespace cv::rtp
