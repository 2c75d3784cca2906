// Fuzz target: PacketDecoder on arbitrary frames. The first input byte picks the link type;
// the rest is a sequence of frames, each prefixed by a 2-byte big-endian length, decoded in
// order with a capture time that advances (so fragment and TCP state carries from frame to
// frame, and timeouts fire). A second decoder with tiny limits runs the eviction paths.
// Whatever the bytes: no crash, and what comes out stays within what went in.

#include "net/packetdecoder.h"

#include <cstdint>
#include <cstdlib>
#include <pcap/dlt.h>

namespace {

void run(int linkType, const cv::net::PacketDecoder::Limits &limits, const uint8_t *data,
         size_t size)
{
    cv::net::PacketDecoder decoder(linkType, limits);
    QVector<cv::net::Datagram> out;
    qint64 ts = 1700000000000000;
    size_t at = 0;
    quint64 tcpBytes = 0;
    while (at + 2 <= size) {
        const size_t length = size_t(data[at]) << 8 | data[at + 1];
        at += 2;
        const size_t take = std::min(length, size - at);
        out.clear();
        decoder.decode(ts, data + at, int(take), out);
        for (const auto &d : out) {
            if (d.transport == cv::net::Transport::Udp && d.payload.size() > 65535)
                std::abort();
            if (d.transport == cv::net::Transport::Tcp)
                tcpBytes += quint64(d.payload.size());
        }
        at += take;
        // Step by a varying amount, sometimes past the fragment and TCP gap timeouts.
        ts += (take % 7 == 0) ? 40000000 : qint64(take) * 1000;
    }
    out.clear();
    decoder.flush(out);
    for (const auto &d : out)
        tcpBytes += quint64(d.payload.size());
    if (tcpBytes != decoder.counters().tcpBytes)
        std::abort();
    if (decoder.pendingFragmentDatagrams() > limits.maxPendingFragmentDatagrams ||
        decoder.tcpStreams() > limits.maxTcpConnections)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int linkTypes[] = {DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW,
                                    DLT_NULL,   DLT_LOOP,      DLT_IPV4,       DLT_IPV6};
    const int linkType = linkTypes[data[0] % (sizeof linkTypes / sizeof linkTypes[0])];
    run(linkType, cv::net::PacketDecoder::Limits{}, data + 1, size - 1);
    cv::net::PacketDecoder::Limits tiny;
    tiny.maxPendingFragmentDatagrams = 2;
    tiny.maxPendingFragmentBytes = 2000;
    tiny.maxFragmentsPerDatagram = 3;
    tiny.maxTcpConnections = 2;
    tiny.maxTcpSegmentsBuffered = 2;
    tiny.maxTcpBufferedBytes = 500;
    tiny.maxTcpBufferedBytesTotal = 800;
    run(linkType, tiny, data + 1, size - 1);
    return 0;
}
