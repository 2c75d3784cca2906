#pragma once

#include "net/endpoint.h"

#include <QByteArray>

namespace cv::net {

// What the packet decoder hands on: one UDP datagram (reassembled if it came in IP
// fragments), or for TCP the newly available in-order bytes of one direction of a
// connection.
struct Datagram
{
    qint64 timestampUs = 0; // capture time of the packet that completed these bytes
    Endpoint source;
    Endpoint destination;
    Transport transport = Transport::Udp;
    QByteArray payload;
    // TCP only: these bytes do not directly follow the bytes delivered before for this
    // direction (the capture joined the connection mid-way, or bytes were lost and skipped,
    // see PacketDecoder). A SIP stream framer must drop what it buffered and resynchronise.
    bool discontinuity = false;
};

} // namespace cv::net
