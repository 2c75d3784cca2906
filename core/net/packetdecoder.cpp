#include "packetdecoder.h"

#include <QtEndian>
#include <cstring>
#include <pcap/dlt.h>

namespace cv::net {

namespace {

constexpr quint16 kEtherIpv4 = 0x0800;
constexpr quint16 kEtherIpv6 = 0x86DD;
constexpr quint16 kEtherVlan = 0x8100;
constexpr quint16 kEtherQinQ = 0x88A8;
constexpr quint16 kEtherQinQOld = 0x9100;
constexpr int kMaxVlanTags = 4;
constexpr int kMaxIpv6ExtensionHeaders = 16;

constexpr quint8 kProtoTcp = 6;
constexpr quint8 kProtoUdp = 17;
constexpr quint8 kIpv6HopByHop = 0;
constexpr quint8 kIpv6Routing = 43;
constexpr quint8 kIpv6Fragment = 44;
constexpr quint8 kIpv6Esp = 50;
constexpr quint8 kIpv6Auth = 51;
constexpr quint8 kIpv6NoNext = 59;
constexpr quint8 kIpv6DestOptions = 60;
constexpr quint8 kIpv6Mobility = 135;
constexpr quint8 kIpv6Hip = 139;
constexpr quint8 kIpv6Shim6 = 140;

constexpr qint64 kHousekeepingIntervalUs = 1000000;

quint16 be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

quint32 be32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

Endpoint endpoint(int version, const std::array<quint8, 16> &address, quint16 port)
{
    Endpoint result;
    if (version == 4)
        result.address = QHostAddress(be32(address.data()));
    else
        result.address = QHostAddress(address.data());
    result.port = port;
    return result;
}

} // namespace

PacketDecoder::PacketDecoder(int linkType, Limits limits)
    : m_linkType(linkType), m_limits(limits), m_fragments(m_limits, m_counters),
      m_tcp(m_limits, m_counters)
{
}

bool PacketDecoder::isSupportedLinkType(int linkType)
{
    switch (linkType) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_NULL:
    case DLT_LOOP:
        return true;
    default:
        return false;
    }
}

void PacketDecoder::decode(qint64 timestampUs, const uchar *data, int size, QVector<Datagram> &out)
{
    ++m_counters.frames;
    const qsizetype before = out.size();
    housekeeping(timestampUs, out);
    if (!data || size <= 0) {
        ++m_counters.malformed;
        return;
    }
    switch (m_linkType) {
    case DLT_EN10MB: {
        if (size < 14) {
            ++m_counters.malformed;
            break;
        }
        decodeEthernetType(timestampUs, be16(data + 12), data + 14, size - 14, out);
        break;
    }
    case DLT_LINUX_SLL: // 16-byte cooked header, protocol in the last two bytes
        if (size < 16) {
            ++m_counters.malformed;
            break;
        }
        decodeEthernetType(timestampUs, be16(data + 14), data + 16, size - 16, out);
        break;
    case DLT_LINUX_SLL2: // 20-byte cooked header v2, protocol in the first two bytes
        if (size < 20) {
            ++m_counters.malformed;
            break;
        }
        decodeEthernetType(timestampUs, be16(data), data + 20, size - 20, out);
        break;
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
        decodeIp(timestampUs, data, size, out);
        break;
    case DLT_NULL:
    case DLT_LOOP: {
        // A 4-byte address family, in the capturing host's byte order for DLT_NULL and in
        // network order for DLT_LOOP; AF_INET6 differs between BSDs (24, 28, 30). The IP
        // version nibble says the same thing more reliably.
        if (size < 4) {
            ++m_counters.malformed;
            break;
        }
        decodeIp(timestampUs, data + 4, size - 4, out);
        break;
    }
    default:
        ++m_counters.unsupported;
        break;
    }
    m_counters.datagrams += quint64(out.size() - before);
}

void PacketDecoder::flush(QVector<Datagram> &out)
{
    const qsizetype before = out.size();
    m_tcp.flush(out);
    m_counters.datagrams += quint64(out.size() - before);
}

void PacketDecoder::housekeeping(qint64 ts, QVector<Datagram> &out)
{
    // Capture time can step back (files merged out of order, clock changes): never expire
    // on a backwards step, just restart the interval.
    if (ts < m_lastHousekeepingUs || m_lastHousekeepingUs == 0) {
        m_lastHousekeepingUs = ts;
        return;
    }
    if (ts - m_lastHousekeepingUs < kHousekeepingIntervalUs)
        return;
    m_lastHousekeepingUs = ts;
    m_fragments.expire(ts);
    m_tcp.expire(ts, out);
}

void PacketDecoder::decodeEthernetType(qint64 ts, quint16 etherType, const uchar *data, int size,
                                       QVector<Datagram> &out)
{
    for (int tags = 0;
         etherType == kEtherVlan || etherType == kEtherQinQ || etherType == kEtherQinQOld; ++tags) {
        if (tags >= kMaxVlanTags || size < 4) {
            ++m_counters.malformed;
            return;
        }
        etherType = be16(data + 2);
        data += 4;
        size -= 4;
    }
    if (etherType == kEtherIpv4 || etherType == kEtherIpv6)
        decodeIp(ts, data, size, out);
    else
        ++m_counters.unsupported; // ARP, LLDP, 802.3 length fields...
}

void PacketDecoder::decodeIp(qint64 ts, const uchar *data, int size, QVector<Datagram> &out)
{
    if (size < 1) {
        ++m_counters.malformed;
        return;
    }
    switch (data[0] >> 4) {
    case 4:
        decodeIpv4(ts, data, size, out);
        break;
    case 6:
        decodeIpv6(ts, data, size, out);
        break;
    default:
        ++m_counters.malformed;
        break;
    }
}

void PacketDecoder::decodeIpv4(qint64 ts, const uchar *data, int size, QVector<Datagram> &out)
{
    if (size < 20) {
        ++m_counters.malformed;
        return;
    }
    const int headerLength = (data[0] & 0x0F) * 4;
    const int totalLength = be16(data + 2);
    if (headerLength < 20 || totalLength < headerLength) {
        ++m_counters.malformed;
        return;
    }
    if (totalLength > size) {
        ++m_counters.truncated;
        return;
    }
    // Ethernet pads short frames: the IP length, not the frame, says where the packet ends.
    size = totalLength;
    IpFragmentReassembler::Key key;
    key.version = 4;
    key.protocol = data[9];
    key.id = be16(data + 4);
    std::memcpy(key.source.data(), data + 12, 4);
    std::memcpy(key.destination.data(), data + 16, 4);
    const quint16 flagsOffset = be16(data + 6);
    const bool more = flagsOffset & 0x2000;
    const int offset = (flagsOffset & 0x1FFF) * 8;
    const uchar *payload = data + headerLength;
    const int payloadSize = size - headerLength;
    if (!more && offset == 0) {
        decodeTransport(ts, 4, key.source, key.destination, key.protocol, payload, payloadSize,
                        out);
        return;
    }
    auto whole = m_fragments.add(key, ts, offset, more, payload, payloadSize);
    if (whole) {
        decodeTransport(ts, 4, key.source, key.destination, key.protocol,
                        reinterpret_cast<const uchar *>(whole->constData()), int(whole->size()),
                        out);
    }
}

void PacketDecoder::decodeIpv6(qint64 ts, const uchar *data, int size, QVector<Datagram> &out)
{
    if (size < 40) {
        ++m_counters.malformed;
        return;
    }
    const int payloadLength = be16(data + 4);
    if (payloadLength == 0) {
        // Jumbogram (RFC 2675) or a hop-by-hop-only packet: nothing a VoIP capture needs.
        ++m_counters.unsupported;
        return;
    }
    if (40 + payloadLength > size) {
        ++m_counters.truncated;
        return;
    }
    IpFragmentReassembler::Key addresses;
    addresses.version = 6;
    std::memcpy(addresses.source.data(), data + 8, 16);
    std::memcpy(addresses.destination.data(), data + 24, 16);
    decodeIpv6Chain(ts, addresses, data[6], data + 40, payloadLength, false, out);
}

void PacketDecoder::decodeIpv6Chain(qint64 ts, const IpFragmentReassembler::Key &addresses,
                                    quint8 nextHeader, const uchar *data, int size,
                                    bool afterFragment, QVector<Datagram> &out)
{
    for (int count = 0;; ++count) {
        if (count > kMaxIpv6ExtensionHeaders) {
            ++m_counters.malformed;
            return;
        }
        switch (nextHeader) {
        case kIpv6HopByHop:
        case kIpv6Routing:
        case kIpv6DestOptions:
        case kIpv6Mobility:
        case kIpv6Hip:
        case kIpv6Shim6:
        case kIpv6Auth: {
            if (size < 8) {
                ++m_counters.malformed;
                return;
            }
            // Extension headers count 8-byte units beyond the first (RFC 8200); AH counts
            // 4-byte units beyond the first two (RFC 4302).
            const int length = nextHeader == kIpv6Auth ? (data[1] + 2) * 4 : (data[1] + 1) * 8;
            if (length > size) {
                ++m_counters.malformed;
                return;
            }
            nextHeader = data[0];
            data += length;
            size -= length;
            continue;
        }
        case kIpv6Fragment: {
            if (afterFragment || size < 8) {
                ++m_counters.malformed;
                return;
            }
            IpFragmentReassembler::Key key = addresses;
            key.protocol = data[0];
            key.id = be32(data + 4);
            const quint16 offsetFlags = be16(data + 2);
            const bool more = offsetFlags & 0x0001;
            const int offset = (offsetFlags >> 3) * 8;
            if (!more && offset == 0) {
                // An atomic fragment (RFC 6946): processed on its own, never reassembled.
                nextHeader = data[0];
                data += 8;
                size -= 8;
                afterFragment = true;
                continue;
            }
            auto whole = m_fragments.add(key, ts, offset, more, data + 8, size - 8);
            if (whole) {
                decodeIpv6Chain(ts, addresses, key.protocol,
                                reinterpret_cast<const uchar *>(whole->constData()),
                                int(whole->size()), true, out);
            }
            return;
        }
        case kIpv6NoNext:
            return;
        case kIpv6Esp: // encrypted: nothing to decode
        default:
            decodeTransport(ts, 6, addresses.source, addresses.destination, nextHeader, data, size,
                            out);
            return;
        }
    }
}

void PacketDecoder::decodeTransport(qint64 ts, int version, const std::array<quint8, 16> &source,
                                    const std::array<quint8, 16> &destination, quint8 protocol,
                                    const uchar *data, int size, QVector<Datagram> &out)
{
    if (protocol == kProtoUdp) {
        if (size < 8) {
            ++m_counters.malformed;
            return;
        }
        const int length = be16(data + 4);
        // Length 0 is legal for IPv6 jumbograms only; otherwise it must fit what IP carried.
        if (length < 8 || length > size) {
            ++m_counters.malformed;
            return;
        }
        Datagram datagram;
        datagram.timestampUs = ts;
        datagram.source = endpoint(version, source, be16(data));
        datagram.destination = endpoint(version, destination, be16(data + 2));
        datagram.transport = Transport::Udp;
        datagram.payload = QByteArray(reinterpret_cast<const char *>(data + 8), length - 8);
        out.append(std::move(datagram));
        return;
    }
    if (protocol == kProtoTcp) {
        if (size < 20) {
            ++m_counters.malformed;
            return;
        }
        const int headerLength = (data[12] >> 4) * 4;
        if (headerLength < 20 || headerLength > size) {
            ++m_counters.malformed;
            return;
        }
        const quint8 flags = data[13];
        TcpReassembler::Segment segment;
        segment.timestampUs = ts;
        segment.source = endpoint(version, source, be16(data));
        segment.destination = endpoint(version, destination, be16(data + 2));
        segment.seq = be32(data + 4);
        segment.fin = flags & 0x01;
        segment.syn = flags & 0x02;
        segment.rst = flags & 0x04;
        segment.data = data + headerLength;
        segment.size = size - headerLength;
        m_tcp.add(segment, out);
        return;
    }
    ++m_counters.unsupported;
}

} // namespace cv::net
