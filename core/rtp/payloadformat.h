#pragma once

#include <QByteArray>
#include <optional>

namespace cv::rtp {

// An RTP payload format as SDP's a=rtpmap gives it ("PCMU/8000", "opus/48000/2").
// `encoding` is compared case-insensitively. clockRate is the RTP timestamp rate, which
// for G.722 is 8000 although the audio is 16 kHz (RFC 3551 4.5.2).
struct PayloadFormat
{
    QByteArray encoding;
    int clockRate = 8000;
    int channels = 1;

    static std::optional<PayloadFormat> forStaticType(int payloadType);
    // Parses "opus/48000/2" (the part after the payload type in a=rtpmap).
    static std::optional<PayloadFormat> fromRtpmap(const QByteArray &text);

    bool isTelephoneEvent() const;
    bool isComfortNoise() const;
    bool operator==(const PayloadFormat &o) const
    {
        return encoding.compare(o.encoding, Qt::CaseInsensitive) == 0 && clockRate == o.clockRate &&
               channels == o.channels;
    }
    bool operator!=(const PayloadFormat &o) const { return !(*this == o); }
};

} // namespace cv::rtp
