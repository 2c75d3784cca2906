#include "tcpreassembler.h"

#include <algorithm>

namespace cv::net {

namespace {

// A direction whose FIN was consumed is kept this long so late retransmissions are
// recognised as such instead of starting a "new" stream that repeats old bytes.
constexpr qint64 kClosedLingerUs = 60000000;

// Serial-number difference a - b in the range [-2^31, 2^31).
qint64 seqDiff(quint32 a, quint32 b)
{
    return qint64(qint32(a - b));
}

} // namespace

TcpReassembler::TcpReassembler(const PacketDecoderLimits &limits, PacketDecoderCounters &counters)
    : m_limits(limits), m_counters(counters)
{
}

void TcpReassembler::dropPending(Stream &stream)
{
    for (const Pending &pending : stream.pending)
        m_counters.tcpDroppedBytes += quint64(pending.data.size());
    m_bufferedTotal -= stream.buffered;
    stream.buffered = 0;
    stream.pending.clear();
}

void TcpReassembler::removeStream(QHash<Key, Stream>::iterator it)
{
    dropPending(*it);
    m_streams.erase(it);
}

void TcpReassembler::evictIdlest()
{
    auto idlest = m_streams.end();
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        if (idlest == m_streams.end() || it->lastSeenUs < idlest->lastSeenUs)
            idlest = it;
    }
    if (idlest != m_streams.end()) {
        ++m_counters.tcpConnectionsExpired;
        removeStream(idlest);
    }
}

void TcpReassembler::deliver(const Key &, Stream &stream, qint64, const uchar *data, int size,
                             QByteArray &run)
{
    run.append(reinterpret_cast<const char *>(data), size);
    stream.nextSeq += quint32(size);
    stream.delivered = true;
}

void TcpReassembler::drain(const Key &key, Stream &stream, QByteArray &run)
{
    bool progress = true;
    while (progress) {
        progress = false;
        for (size_t i = 0; i < stream.pending.size(); ++i) {
            Pending &pending = stream.pending[i];
            if (seqDiff(pending.seq, stream.nextSeq) > 0)
                continue;
            const qint64 size = pending.data.size();
            const qint64 beyond = seqDiff(pending.seq + quint32(size), stream.nextSeq);
            if (beyond > 0) {
                m_counters.tcpRetransmittedBytes += quint64(size - beyond);
                deliver(key, stream, pending.timestampUs,
                        reinterpret_cast<const uchar *>(pending.data.constData()) + (size - beyond),
                        int(beyond), run);
            } else {
                m_counters.tcpRetransmittedBytes += quint64(size);
            }
            stream.buffered -= size;
            m_bufferedTotal -= size;
            stream.pending.erase(stream.pending.begin() + std::ptrdiff_t(i));
            progress = true;
            break;
        }
    }
}

void TcpReassembler::emitRun(const Key &key, Stream &stream, qint64 timestampUs, QByteArray &run,
                             QVector<Datagram> &out)
{
    if (run.isEmpty())
        return;
    Datagram datagram;
    datagram.timestampUs = timestampUs;
    datagram.source = key.source;
    datagram.destination = key.destination;
    datagram.transport = Transport::Tcp;
    datagram.discontinuity = stream.discontinuity;
    m_counters.tcpBytes += quint64(run.size());
    datagram.payload = std::move(run);
    run = QByteArray();
    stream.discontinuity = false;
    out.append(std::move(datagram));
}

void TcpReassembler::skipGap(Stream &stream)
{
    // Continue at the earliest buffered segment; what lies between was never captured.
    auto earliest = std::min_element(
        stream.pending.begin(), stream.pending.end(), [&](const Pending &a, const Pending &b) {
            return seqDiff(a.seq, stream.nextSeq) < seqDiff(b.seq, stream.nextSeq);
        });
    if (earliest == stream.pending.end())
        return;
    const qint64 hole = seqDiff(earliest->seq, stream.nextSeq);
    if (hole > 0) {
        ++m_counters.tcpGaps;
        m_counters.tcpGapBytes += quint64(hole);
        stream.nextSeq = earliest->seq;
        stream.discontinuity = true;
    }
}

void TcpReassembler::add(const Segment &segment, QVector<Datagram> &out)
{
    ++m_counters.tcpSegments;
    const Key key{segment.source, segment.destination};
    auto it = m_streams.find(key);
    if (segment.rst) {
        // The connection is gone in both directions; what waited behind a hole never comes.
        if (it != m_streams.end())
            removeStream(it);
        auto reverse = m_streams.find(Key{segment.destination, segment.source});
        if (reverse != m_streams.end())
            removeStream(reverse);
        return;
    }
    if (it == m_streams.end()) {
        // A bare ACK of a connection not followed yet carries nothing to record.
        if (!segment.syn && !segment.fin && segment.size == 0)
            return;
        if (m_streams.size() >= m_limits.maxTcpConnections)
            evictIdlest();
        it = m_streams.insert(key, Stream{});
        if (segment.syn) {
            it->nextSeq = segment.seq + 1;
            it->discontinuity = false;
        } else {
            it->nextSeq = segment.seq; // joined mid-way: the first bytes may be mid-message
        }
    } else if (segment.syn && seqDiff(segment.seq + 1, it->nextSeq) != 0) {
        // Not a retransmitted SYN: a new connection reuses the addresses and ports.
        dropPending(*it);
        *it = Stream{};
        it->nextSeq = segment.seq + 1;
    }
    Stream &stream = *it;
    stream.lastSeenUs = segment.timestampUs;
    const quint32 dataSeq = segment.syn ? segment.seq + 1 : segment.seq;
    if (segment.fin && !stream.closed) {
        stream.finSeen = true;
        stream.finSeq = dataSeq + quint32(segment.size);
    }

    QByteArray run;
    if (segment.size > 0 && stream.closed) {
        m_counters.tcpRetransmittedBytes += quint64(segment.size);
    } else if (segment.size > 0) {
        const qint64 diff = seqDiff(dataSeq, stream.nextSeq);
        if (diff <= 0) {
            const qint64 old = -diff;
            if (old >= segment.size) {
                m_counters.tcpRetransmittedBytes += quint64(segment.size);
            } else {
                m_counters.tcpRetransmittedBytes += quint64(old);
                deliver(key, stream, segment.timestampUs, segment.data + old,
                        segment.size - int(old), run);
                drain(key, stream, run);
            }
        } else {
            ++m_counters.tcpOutOfOrderSegments;
            const bool duplicate =
                std::any_of(stream.pending.begin(), stream.pending.end(), [&](const Pending &p) {
                    return p.seq == dataSeq && p.data.size() >= segment.size;
                });
            if (duplicate) {
                m_counters.tcpRetransmittedBytes += quint64(segment.size);
            } else {
                stream.pending.push_back(Pending{
                    dataSeq, segment.timestampUs,
                    QByteArray(reinterpret_cast<const char *>(segment.data), segment.size)});
                stream.buffered += segment.size;
                m_bufferedTotal += segment.size;
            }
            // Over a limit: give up the hole now rather than hold memory for it.
            while (!stream.pending.empty() &&
                   (stream.buffered > m_limits.maxTcpBufferedBytes ||
                    int(stream.pending.size()) > m_limits.maxTcpSegmentsBuffered ||
                    m_bufferedTotal > m_limits.maxTcpBufferedBytesTotal)) {
                emitRun(key, stream, segment.timestampUs, run, out);
                skipGap(stream);
                drain(key, stream, run);
            }
        }
    }
    emitRun(key, stream, segment.timestampUs, run, out);
    if (stream.finSeen && !stream.closed && stream.nextSeq == stream.finSeq) {
        stream.closed = true;
        dropPending(stream);
    }
}

void TcpReassembler::expire(qint64 nowUs, QVector<Datagram> &out)
{
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        Stream &stream = *it;
        const qint64 idle = nowUs - stream.lastSeenUs;
        if (idle > m_limits.tcpIdleTimeoutUs || (stream.closed && idle > kClosedLingerUs)) {
            if (!stream.closed)
                ++m_counters.tcpConnectionsExpired;
            dropPending(stream);
            it = m_streams.erase(it);
            continue;
        }
        QByteArray run;
        for (;;) {
            auto oldest = std::min_element(
                stream.pending.begin(), stream.pending.end(),
                [](const Pending &a, const Pending &b) { return a.timestampUs < b.timestampUs; });
            if (oldest == stream.pending.end() ||
                nowUs - oldest->timestampUs <= m_limits.tcpGapTimeoutUs)
                break;
            emitRun(it.key(), stream, nowUs, run, out);
            skipGap(stream);
            drain(it.key(), stream, run);
        }
        emitRun(it.key(), stream, nowUs, run, out);
        if (stream.finSeen && !stream.closed && stream.nextSeq == stream.finSeq) {
            stream.closed = true;
            dropPending(stream);
        }
        ++it;
    }
}

void TcpReassembler::flush(QVector<Datagram> &out)
{
    for (auto it = m_streams.begin(); it != m_streams.end(); ++it) {
        Stream &stream = *it;
        QByteArray run;
        while (!stream.pending.empty()) {
            const qint64 last = stream.pending.front().timestampUs;
            emitRun(it.key(), stream, last, run, out);
            skipGap(stream);
            drain(it.key(), stream, run);
        }
        emitRun(it.key(), stream, stream.lastSeenUs, run, out);
    }
}

} // namespace cv::net
