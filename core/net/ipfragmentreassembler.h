#pragma once

#include "net/packetdecoderlimits.h"

#include <QByteArray>
#include <QHash>
#include <array>
#include <map>
#include <optional>

namespace cv::net {

// Reassembles fragmented IPv4 (RFC 791/815) and IPv6 (RFC 8200 Fragment header) datagrams.
// A fragment that overlaps bytes already received, other than an exact duplicate, discards
// the whole datagram: RFC 5722 requires it for IPv6 and Linux does the same for IPv4 since
// the FragmentSmack fixes; the alternatives (first or last copy wins) let an attacker choose
// what the recorder sees. Memory is bounded by PacketDecoderLimits; entries expire by
// capture time, not wall time, so replaying a file behaves like the live capture did.
class IpFragmentReassembler final
{
public:
    struct Key
    {
        quint8 version = 4;
        quint8 protocol = 0;
        quint32 id = 0;
        std::array<quint8, 16> source{};
        std::array<quint8, 16> destination{};
        bool operator==(const Key &other) const
        {
            return version == other.version && protocol == other.protocol && id == other.id &&
                   source == other.source && destination == other.destination;
        }
    };

    IpFragmentReassembler(const PacketDecoderLimits &limits, PacketDecoderCounters &counters);

    // One fragment: `offset` in bytes, `more` = the MF flag. Returns the complete payload
    // (the upper-layer bytes after the IP header) when this fragment completed it.
    std::optional<QByteArray> add(const Key &key, qint64 timestampUs, int offset, bool more,
                                  const uchar *data, int size);
    // Drops datagrams older than the timeout (called as capture time advances).
    void expire(qint64 nowUs);
    int pendingDatagrams() const { return int(m_pending.size()); }
    qint64 pendingBytes() const { return m_bytes; }

private:
    struct Pending
    {
        qint64 firstSeenUs = 0;
        int totalLength = -1; // known once the last fragment (MF = 0) came
        int fragments = 0;
        qint64 bytes = 0;
        std::map<int, QByteArray> parts; // by offset; never overlapping
    };
    void drop(QHash<Key, Pending>::iterator it);
    void evictOldest();

    const PacketDecoderLimits &m_limits;
    PacketDecoderCounters &m_counters;
    QHash<Key, Pending> m_pending;
    qint64 m_bytes = 0;
};

size_t qHash(const IpFragmentReassembler::Key &key, size_t seed = 0);

} // namespace cv::net
