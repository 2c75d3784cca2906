#include "ipfragmentreassembler.h"

namespace cv::net {

namespace {

constexpr int kMaxDatagram = 65535; // no jumbograms: the largest IPv4 payload and IPv6 payload

} // namespace

size_t qHash(const IpFragmentReassembler::Key &key, size_t seed)
{
    size_t h = qHashBits(key.source.data(), key.source.size(), seed);
    h = qHashBits(key.destination.data(), key.destination.size(), h);
    return h ^ (size_t(key.id) * 0x9E3779B1u) ^ (size_t(key.protocol) << 8) ^ key.version;
}

IpFragmentReassembler::IpFragmentReassembler(const PacketDecoderLimits &limits,
                                             PacketDecoderCounters &counters)
    : m_limits(limits), m_counters(counters)
{
}

void IpFragmentReassembler::drop(QHash<Key, Pending>::iterator it)
{
    m_counters.fragmentsDropped += quint64(it->fragments);
    m_bytes -= it->bytes;
    m_pending.erase(it);
}

void IpFragmentReassembler::evictOldest()
{
    auto oldest = m_pending.end();
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (oldest == m_pending.end() || it->firstSeenUs < oldest->firstSeenUs)
            oldest = it;
    }
    if (oldest != m_pending.end())
        drop(oldest);
}

void IpFragmentReassembler::expire(qint64 nowUs)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (nowUs - it->firstSeenUs > m_limits.fragmentTimeoutUs) {
            ++m_counters.fragmentTimeouts;
            m_counters.fragmentsDropped += quint64(it->fragments);
            m_bytes -= it->bytes;
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
}

std::optional<QByteArray> IpFragmentReassembler::add(const Key &key, qint64 timestampUs, int offset,
                                                     bool more, const uchar *data, int size)
{
    ++m_counters.fragments;
    const int end = offset + size;
    // Every fragment but the last carries a multiple of 8 bytes (offsets count 8-byte units).
    if (offset < 0 || size < 0 || end > kMaxDatagram || (more && (size == 0 || size % 8 != 0))) {
        ++m_counters.malformed;
        ++m_counters.fragmentsDropped;
        return std::nullopt;
    }
    auto it = m_pending.find(key);
    if (it == m_pending.end()) {
        if (size > m_limits.maxPendingFragmentBytes) {
            ++m_counters.fragmentsDropped;
            return std::nullopt;
        }
        while (!m_pending.isEmpty() && (m_pending.size() >= m_limits.maxPendingFragmentDatagrams ||
                                        m_bytes + size > m_limits.maxPendingFragmentBytes)) {
            evictOldest();
        }
        it = m_pending.insert(key, Pending{});
        it->firstSeenUs = timestampUs;
    }
    Pending &entry = *it;
    ++entry.fragments;

    bool inconsistent = false;
    if (!more) {
        // A second "last fragment" must agree on where the datagram ends.
        if (entry.totalLength >= 0 && entry.totalLength != end)
            inconsistent = true;
        entry.totalLength = end;
    }
    if (entry.totalLength >= 0) {
        if (end > entry.totalLength)
            inconsistent = true;
        // A fragment already held must not lie beyond the end now known.
        if (!entry.parts.empty()) {
            const auto &last = *entry.parts.rbegin();
            if (last.first + last.second.size() > entry.totalLength)
                inconsistent = true;
        }
    }
    if (inconsistent) {
        ++m_counters.malformed;
        drop(it);
        return std::nullopt;
    }

    // Overlap check against the neighbours (the map never holds overlapping parts).
    auto next = entry.parts.lower_bound(offset);
    if (next != entry.parts.end() && next->first == offset && next->second.size() == size &&
        std::equal(next->second.cbegin(), next->second.cend(),
                   reinterpret_cast<const char *>(data))) {
        // An exact duplicate (the sender or a switch sent it twice): harmless.
        --entry.fragments;
        ++m_counters.fragmentsDropped;
        return std::nullopt;
    }
    const bool overlapsNext = next != entry.parts.end() && next->first < end;
    bool overlapsPrevious = false;
    if (next != entry.parts.begin()) {
        auto previous = std::prev(next);
        overlapsPrevious = previous->first + previous->second.size() > offset;
    }
    if (overlapsNext || overlapsPrevious || (size == 0 && more)) {
        ++m_counters.fragmentOverlaps;
        drop(it);
        return std::nullopt;
    }
    if (entry.fragments > m_limits.maxFragmentsPerDatagram ||
        m_bytes + size > m_limits.maxPendingFragmentBytes) {
        drop(it);
        return std::nullopt;
    }
    entry.parts.emplace(offset, QByteArray(reinterpret_cast<const char *>(data), size));
    entry.bytes += size;
    m_bytes += size;

    if (entry.totalLength < 0)
        return std::nullopt;
    int covered = 0;
    for (const auto &part : entry.parts) {
        if (part.first != covered)
            return std::nullopt; // a hole remains
        covered += int(part.second.size());
    }
    if (covered != entry.totalLength)
        return std::nullopt;
    QByteArray whole;
    whole.reserve(covered);
    for (const auto &part : entry.parts)
        whole.append(part.second);
    m_bytes -= entry.bytes;
    m_pending.erase(it);
    ++m_counters.fragmentsReassembled;
    return whole;
}

} // namespace cv::net
