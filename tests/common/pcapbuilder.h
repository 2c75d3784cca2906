#pragma once

#include "common/result.h"
#include "net/endpoint.h"

#include <QByteArray>
#include <QString>
#include <QVector>

// Builds pcap files (DLT_EN10MB) of generated traffic for capture and recorder tests:
// Ethernet + IPv4 or IPv6 (by the endpoints' address family) + UDP, fragmented UDP, and
// TCP segments with explicit sequence numbers, so a test can reorder, duplicate or split
// them. Frames are kept in memory in the order added and written by write().
namespace cvtest {

class PcapBuilder final
{
public:
    enum TcpFlag : quint8
    {
        Fin = 0x01,
        Syn = 0x02,
        Rst = 0x04,
        Psh = 0x08,
        Ack = 0x10
    };

    struct Frame
    {
        qint64 timestampUs = 0;
        QByteArray bytes; // the whole Ethernet frame
    };

    // fragmentSize > 0: the IP payload (UDP header + data) is cut into fragments of that
    // many bytes (rounded down to a multiple of 8); IPv6 uses the Fragment header.
    void addUdp(qint64 tsUs, const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                const QByteArray &payload, int fragmentSize = 0);
    // Frames of one fragmented UDP datagram, not added: for tests that reorder or drop some.
    QVector<Frame> udpFragments(qint64 tsUs, const cv::net::Endpoint &src,
                                const cv::net::Endpoint &dst, const QByteArray &payload,
                                int fragmentSize);
    void addTcp(qint64 tsUs, const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                quint32 seq, const QByteArray &payload, quint8 flags = Ack | Psh);
    // An 802.1Q tag (VLAN id) on every frame added from now on; 0 = none.
    void setVlan(int vlanId) { m_vlan = vlanId; }
    // Any frame as is (e.g. a malformed one).
    void addFrame(qint64 tsUs, const QByteArray &frame) { m_frames.append({tsUs, frame}); }

    // The Ethernet frame for an IP packet (v4 or v6 by the first nibble).
    QByteArray ethernet(const QByteArray &ipPacket) const;
    static QByteArray ipv4(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                           quint8 protocol, quint16 id, int fragmentOffset, bool moreFragments,
                           const QByteArray &payload);
    static QByteArray ipv6(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                           quint8 nextHeader, const QByteArray &payload);
    static QByteArray udp(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                          const QByteArray &payload);
    static QByteArray tcp(const cv::net::Endpoint &src, const cv::net::Endpoint &dst, quint32 seq,
                          quint8 flags, const QByteArray &payload);

    // An RTP packet (RFC 3550, version 2, no CSRC, no extension) to put in addUdp().
    static QByteArray rtp(int payloadType, quint16 sequence, quint32 timestamp, quint32 ssrc,
                          const QByteArray &payload, bool marker = false);

    const QVector<Frame> &frames() const { return m_frames; }
    QVector<Frame> &frames() { return m_frames; }
    void clear() { m_frames.clear(); }
    // Orders the frames by capture time (stable: equal times keep the order added), for
    // callers that add the SIP and the RTP of a call separately.
    void sortByTime();
    cv::Result<void> write(const QString &path) const;

private:
    QVector<Frame> m_frames;
    int m_vlan = 0;
    quint16 m_nextIpId = 0x1000;
};

} // namespace cvtest
