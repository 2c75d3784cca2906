#pragma once

#include <QtGlobal>

namespace cv::net {

// Bounds on what the packet decoder keeps between packets. The defaults hold a busy site's
// SIP over TCP and fragmented SIP over UDP with room to spare; whatever exceeds them is
// dropped and counted (PacketDecoderCounters), never buffered without end.
struct PacketDecoderLimits
{
    // IP fragment reassembly (IPv4 and IPv6 share the table).
    int maxPendingFragmentDatagrams = 1024;
    qint64 maxPendingFragmentBytes = 8 * 1024 * 1024;
    int maxFragmentsPerDatagram = 64;    // tiny-fragment floods cost CPU, not only memory
    qint64 fragmentTimeoutUs = 30000000; // Linux's ipfrag_time; measured in capture time

    // TCP reassembly, per direction of a connection.
    int maxTcpConnections = 4096;
    int maxTcpSegmentsBuffered = 64;                    // out-of-order segments per direction
    qint64 maxTcpBufferedBytes = 256 * 1024;            // out-of-order bytes per direction
    qint64 maxTcpBufferedBytesTotal = 16 * 1024 * 1024; // all connections together
    // A hole older than this is given up: the missing bytes are counted as a gap and the
    // stream continues after it (a packet the capture lost never comes back).
    qint64 tcpGapTimeoutUs = 2000000;
    qint64 tcpIdleTimeoutUs = 300000000; // connections with no packet for 5 min are forgotten
};

struct PacketDecoderCounters
{
    quint64 frames = 0;      // frames given to decode()
    quint64 datagrams = 0;   // Datagrams handed on (UDP datagrams + TCP byte runs)
    quint64 malformed = 0;   // truncated or inconsistent headers: dropped
    quint64 unsupported = 0; // valid but not decoded: non-IP, other protocols, IPv6 jumbograms
    quint64 truncated = 0;   // captured shorter than the IP length (snapshot length): dropped
    quint64 fragments = 0;   // IP fragments received
    quint64 fragmentsReassembled = 0; // datagrams completed from fragments
    quint64 fragmentsDropped = 0;     // fragments discarded (timeout, overlap, limits)
    quint64 fragmentTimeouts = 0;     // datagrams given up because a fragment never came
    quint64 fragmentOverlaps = 0;     // datagrams discarded for overlapping fragments
    quint64 tcpSegments = 0;
    quint64 tcpBytes = 0;              // in-order bytes handed on
    quint64 tcpRetransmittedBytes = 0; // bytes seen again and not handed on twice
    quint64 tcpOutOfOrderSegments = 0; // segments buffered until the bytes before them came
    quint64 tcpGaps = 0;               // holes skipped (bytes the capture never saw)
    quint64 tcpGapBytes = 0;
    quint64 tcpDroppedBytes = 0;       // out-of-order bytes discarded (limits, RST)
    quint64 tcpConnectionsExpired = 0; // idle or evicted when the table was full
};

} // namespace cv::net
