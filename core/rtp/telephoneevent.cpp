#include "telephoneevent.h"

namespace cv::rtp {

std::optional<TelephoneEvent> TelephoneEvent::parse(const uchar *data, int size)
{
    // 4 bytes per event; a sender may stack several (RFC 4733 2.5.1.5), the first is the
    // current one.
    if (!data || size < 4)
        return std::nullopt;
    TelephoneEvent e;
    e.event = data[0];
    e.end = data[1] & 0x80;
    e.volume = data[1] & 0x3f;
    e.duration = (data[2] << 8) | data[3];
    return e;
}

} // namespace cv::rtp
