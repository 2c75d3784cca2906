#include "pcapbuilder.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>
#include <memory>
#include <pcap/pcap.h>

namespace cvtest {

namespace {

void put16(QByteArray &bytes, int at, quint16 value)
{
    qToBigEndian(value, bytes.data() + at);
}

void put32(QByteArray &bytes, int at, quint32 value)
{
    qToBigEndian(value, bytes.data() + at);
}

quint32 sum16(const QByteArray &bytes, quint32 sum = 0)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const int n = int(bytes.size());
    for (int i = 0; i + 1 < n; i += 2)
        sum += quint32(p[i] << 8 | p[i + 1]);
    if (n % 2)
        sum += quint32(p[n - 1] << 8);
    return sum;
}

quint16 fold(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return quint16(~sum);
}

QByteArray addressBytes(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        QByteArray bytes(4, '\0');
        put32(bytes, 0, address.toIPv4Address());
        return bytes;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
}

bool isV6(const cv::net::Endpoint &endpoint)
{
    return endpoint.address.protocol() == QAbstractSocket::IPv6Protocol;
}

// Transport checksum over the pseudo-header (RFC 768, RFC 8200 section 8.1).
quint16 transportChecksum(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                          quint8 protocol, const QByteArray &segment)
{
    QByteArray pseudo = addressBytes(src.address) + addressBytes(dst.address);
    QByteArray tail(isV6(src) ? 8 : 4, '\0');
    if (isV6(src)) {
        put32(tail, 0, quint32(segment.size()));
        tail[7] = char(protocol);
    } else {
        tail[1] = char(protocol);
        put16(tail, 2, quint16(segment.size()));
    }
    pseudo += tail;
    quint16 checksum = fold(sum16(segment, sum16(pseudo)));
    if (protocol == 17 && checksum == 0)
        checksum = 0xFFFF;
    return checksum;
}

} // namespace

QByteArray PcapBuilder::udp(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                            const QByteArray &payload)
{
    QByteArray header(8, '\0');
    put16(header, 0, src.port);
    put16(header, 2, dst.port);
    put16(header, 4, quint16(8 + payload.size()));
    QByteArray segment = header + payload;
    put16(segment, 6, transportChecksum(src, dst, 17, segment));
    return segment;
}

QByteArray PcapBuilder::tcp(const cv::net::Endpoint &src, const cv::net::Endpoint &dst, quint32 seq,
                            quint8 flags, const QByteArray &payload)
{
    QByteArray header(20, '\0');
    put16(header, 0, src.port);
    put16(header, 2, dst.port);
    put32(header, 4, seq);
    put32(header, 8, (flags & Ack) ? 1 : 0);
    header[12] = char(5 << 4);
    header[13] = char(flags);
    put16(header, 14, 65535);
    QByteArray segment = header + payload;
    put16(segment, 16, transportChecksum(src, dst, 6, segment));
    return segment;
}

QByteArray PcapBuilder::ipv4(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                             quint8 protocol, quint16 id, int fragmentOffset, bool moreFragments,
                             const QByteArray &payload)
{
    QByteArray header(20, '\0');
    header[0] = char(0x45);
    put16(header, 2, quint16(20 + payload.size()));
    put16(header, 4, id);
    put16(header, 6, quint16((moreFragments ? 0x2000 : 0) | ((fragmentOffset / 8) & 0x1FFF)));
    header[8] = char(64);
    header[9] = char(protocol);
    header.replace(12, 4, addressBytes(src.address));
    header.replace(16, 4, addressBytes(dst.address));
    put16(header, 10, fold(sum16(header)));
    return header + payload;
}

QByteArray PcapBuilder::ipv6(const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                             quint8 nextHeader, const QByteArray &payload)
{
    QByteArray header(40, '\0');
    header[0] = char(0x60);
    put16(header, 4, quint16(payload.size()));
    header[6] = char(nextHeader);
    header[7] = char(64);
    header.replace(8, 16, addressBytes(src.address));
    header.replace(24, 16, addressBytes(dst.address));
    return header + payload;
}

QByteArray PcapBuilder::ethernet(const QByteArray &ipPacket) const
{
    QByteArray frame = QByteArray::fromHex("020000000002"
                                           "020000000001");
    if (m_vlan > 0) {
        QByteArray tag(4, '\0');
        put16(tag, 0, 0x8100);
        put16(tag, 2, quint16(m_vlan & 0x0FFF));
        frame += tag;
    }
    QByteArray type(2, '\0');
    const bool v6 = !ipPacket.isEmpty() && (uchar(ipPacket[0]) >> 4) == 6;
    put16(type, 0, v6 ? 0x86DD : 0x0800);
    return frame + type + ipPacket;
}

QVector<PcapBuilder::Frame> PcapBuilder::udpFragments(qint64 tsUs, const cv::net::Endpoint &src,
                                                      const cv::net::Endpoint &dst,
                                                      const QByteArray &payload, int fragmentSize)
{
    const QByteArray segment = udp(src, dst, payload);
    const quint16 id = m_nextIpId++;
    QVector<Frame> frames;
    const int step = std::max(8, fragmentSize / 8 * 8);
    for (int offset = 0; offset < segment.size(); offset += step) {
        const QByteArray part = segment.mid(offset, step);
        const bool more = offset + step < segment.size();
        QByteArray packet;
        if (isV6(src)) {
            QByteArray fragmentHeader(8, '\0');
            fragmentHeader[0] = char(17);
            put16(fragmentHeader, 2, quint16((offset / 8) << 3 | (more ? 1 : 0)));
            put32(fragmentHeader, 4, 0x10000u + id);
            packet = ipv6(src, dst, 44, fragmentHeader + part);
        } else {
            packet = ipv4(src, dst, 17, id, offset, more, part);
        }
        frames.append({tsUs, ethernet(packet)});
    }
    return frames;
}

void PcapBuilder::addUdp(qint64 tsUs, const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                         const QByteArray &payload, int fragmentSize)
{
    if (fragmentSize > 0) {
        m_frames += udpFragments(tsUs, src, dst, payload, fragmentSize);
        return;
    }
    const QByteArray segment = udp(src, dst, payload);
    const QByteArray packet = isV6(src) ? ipv6(src, dst, 17, segment)
                                        : ipv4(src, dst, 17, m_nextIpId++, 0, false, segment);
    m_frames.append({tsUs, ethernet(packet)});
}

void PcapBuilder::addTcp(qint64 tsUs, const cv::net::Endpoint &src, const cv::net::Endpoint &dst,
                         quint32 seq, const QByteArray &payload, quint8 flags)
{
    const QByteArray segment = tcp(src, dst, seq, flags, payload);
    const QByteArray packet =
        isV6(src) ? ipv6(src, dst, 6, segment) : ipv4(src, dst, 6, m_nextIpId++, 0, false, segment);
    m_frames.append({tsUs, ethernet(packet)});
}

QByteArray PcapBuilder::rtp(int payloadType, quint16 sequence, quint32 timestamp, quint32 ssrc,
                            const QByteArray &payload, bool marker)
{
    QByteArray header(12, '\0');
    header[0] = char(0x80);
    header[1] = char((marker ? 0x80 : 0) | (payloadType & 0x7F));
    put16(header, 2, sequence);
    put32(header, 4, timestamp);
    put32(header, 8, ssrc);
    return header + payload;
}

void PcapBuilder::sortByTime()
{
    std::stable_sort(m_frames.begin(), m_frames.end(),
                     [](const Frame &a, const Frame &b) { return a.timestampUs < b.timestampUs; });
}

cv::Result<void> PcapBuilder::write(const QString &path) const
{
    struct PcapClose
    {
        void operator()(pcap_t *p) const { pcap_close(p); }
    };
    struct DumperClose
    {
        void operator()(pcap_dumper_t *d) const { pcap_dump_close(d); }
    };
    std::unique_ptr<pcap_t, PcapClose> dead(pcap_open_dead(DLT_EN10MB, 65535));
    if (!dead)
        return cv::makeError(cv::ErrorCode::Io, QStringLiteral("pcap_open_dead failed"));
    std::unique_ptr<pcap_dumper_t, DumperClose> dumper(
        pcap_dump_open(dead.get(), QFile::encodeName(path).constData()));
    if (!dumper) {
        return cv::makeError(cv::ErrorCode::Io,
                             QStringLiteral("Cannot write %1: %2")
                                 .arg(path, QString::fromLocal8Bit(pcap_geterr(dead.get()))));
    }
    for (const Frame &frame : m_frames) {
        pcap_pkthdr header{};
        header.ts.tv_sec = time_t(frame.timestampUs / 1000000);
        header.ts.tv_usec = suseconds_t(frame.timestampUs % 1000000);
        header.caplen = bpf_u_int32(frame.bytes.size());
        header.len = bpf_u_int32(frame.bytes.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper.get()), &header,
                  reinterpret_cast<const u_char *>(frame.bytes.constData()));
    }
    if (pcap_dump_flush(dumper.get()) != 0)
        return cv::makeError(cv::ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path));
    return {};
}

} // namespace cvtest
