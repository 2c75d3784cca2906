#pragma once

#include <QtGlobal>
#include <optional>

namespace cv::rtp {

// The payload of an RFC 4733 telephone-event packet: event code (0..15 are the DTMF keys),
// end bit, volume (-dBm0) and duration in RTP clock units since the event's timestamp.
// The event code is only parsed to be ignored: the recorder never stores or logs digits.
struct TelephoneEvent
{
    int event = 0;
    bool end = false;
    int volume = 0;
    int duration = 0;

    static std::optional<TelephoneEvent> parse(const uchar *data, int size);
};

} // namespace cv::rtp
