#pragma once

#include "net/datagram.h"
#include "net/ipfragmentreassembler.h"
#include "net/packetdecoderlimits.h"
#include "net/tcpreassembler.h"

#include <QVector>

namespace cv::net {

// Decodes captured frames down to UDP datagrams and TCP byte streams.
// Link layers: Ethernet (with 802.1Q / 802.1ad VLAN tags), Linux cooked v1 and v2, raw IP,
// BSD loopback (DLT_NULL, DLT_LOOP). Network: IPv4 with fragment reassembly, IPv6 with
// extension headers skipped and the Fragment header reassembled. Transport: UDP, TCP
// (TcpReassembler). Everything else is counted as unsupported; every inconsistent length
// as malformed; nothing is trusted, nothing crashes. Checksums are not verified: captures
// on the sending host carry checksums the NIC fills in later (offload).
// Not thread-safe: one decoder per capture thread.
class PacketDecoder final
{
public:
    using Limits = PacketDecoderLimits;
    using Counters = PacketDecoderCounters;

    explicit PacketDecoder(int linkType, Limits limits = {});
    PacketDecoder(const PacketDecoder &) = delete;
    PacketDecoder &operator=(const PacketDecoder &) = delete;

    static bool isSupportedLinkType(int linkType);

    // Appends what the frame completed to `out` (nothing, one datagram, or for TCP a run of
    // bytes made available, possibly by an earlier buffered segment). Capture time drives
    // the fragment and TCP timeouts, checked at most once per second of it.
    void decode(qint64 timestampUs, const uchar *data, int size, QVector<Datagram> &out);
    // End of the input (end of file, capture stopped): hands on the TCP bytes still waiting
    // behind holes, the holes counted as gaps.
    void flush(QVector<Datagram> &out);

    int linkType() const { return m_linkType; }
    const Counters &counters() const { return m_counters; }
    int pendingFragmentDatagrams() const { return m_fragments.pendingDatagrams(); }
    int tcpStreams() const { return m_tcp.streamCount(); }

private:
    void decodeEthernetType(qint64 ts, quint16 etherType, const uchar *data, int size,
                            QVector<Datagram> &out);
    void decodeIp(qint64 ts, const uchar *data, int size, QVector<Datagram> &out);
    void decodeIpv4(qint64 ts, const uchar *data, int size, QVector<Datagram> &out);
    void decodeIpv6(qint64 ts, const uchar *data, int size, QVector<Datagram> &out);
    // Walks IPv6 extension headers from `nextHeader`; `afterFragment` = these bytes are a
    // reassembled payload (a second Fragment header is then malformed).
    void decodeIpv6Chain(qint64 ts, const IpFragmentReassembler::Key &addresses, quint8 nextHeader,
                         const uchar *data, int size, bool afterFragment, QVector<Datagram> &out);
    void decodeTransport(qint64 ts, int version, const std::array<quint8, 16> &source,
                         const std::array<quint8, 16> &destination, quint8 protocol,
                         const uchar *data, int size, QVector<Datagram> &out);
    void housekeeping(qint64 ts, QVector<Datagram> &out);

    int m_linkType;
    Limits m_limits;
    Counters m_counters;
    IpFragmentReassembler m_fragments;
    TcpReassembler m_tcp;
    qint64 m_lastHousekeepingUs = 0;
};

} // namespace cv::net
