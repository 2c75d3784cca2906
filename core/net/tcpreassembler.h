#pragma once

#include "net/datagram.h"
#include "net/packetdecoderlimits.h"

#include <QHash>
#include <QVector>
#include <vector>

namespace cv::net {

// Turns TCP segments into the in-order byte stream of each direction of each connection.
// Sequence numbers compare modulo 2^32 (RFC 793/1982 serial arithmetic), so wraparound is
// handled. Retransmitted and overlapping bytes are handed on once (the first copy wins: it
// is what the receiver's stack took, too). Segments after a hole wait, within limits, for
// the missing bytes; a hole that outlives PacketDecoderLimits::tcpGapTimeoutUs or the
// buffer limits is skipped and counted, and the next bytes carry discontinuity = true,
// so a lost packet never stalls a stream for good.
class TcpReassembler final
{
public:
    struct Segment
    {
        qint64 timestampUs = 0;
        Endpoint source;
        Endpoint destination;
        quint32 seq = 0;
        bool syn = false;
        bool fin = false;
        bool rst = false;
        const uchar *data = nullptr;
        int size = 0;
    };

    TcpReassembler(const PacketDecoderLimits &limits, PacketDecoderCounters &counters);

    void add(const Segment &segment, QVector<Datagram> &out);
    // Gives up holes older than the gap timeout and forgets idle connections.
    void expire(qint64 nowUs, QVector<Datagram> &out);
    // End of input: hands on every buffered byte, skipping (and counting) the holes.
    void flush(QVector<Datagram> &out);
    int streamCount() const { return int(m_streams.size()); }
    qint64 bufferedBytes() const { return m_bufferedTotal; }

private:
    struct Key
    {
        Endpoint source;
        Endpoint destination;
        bool operator==(const Key &other) const
        {
            return source == other.source && destination == other.destination;
        }
    };
    friend size_t qHash(const Key &key, size_t seed)
    {
        return qHash(key.source, seed) ^ (qHash(key.destination, seed) * 31);
    }

    struct Pending
    {
        quint32 seq = 0;
        qint64 timestampUs = 0;
        QByteArray data;
    };
    struct Stream
    {
        quint32 nextSeq = 0;
        bool delivered = false;    // bytes were handed on since the stream (re)started
        bool discontinuity = true; // the next bytes handed on do not follow earlier ones
        bool finSeen = false;
        quint32 finSeq = 0;
        bool closed = false; // FIN consumed: kept a while to swallow retransmissions
        qint64 lastSeenUs = 0;
        qint64 buffered = 0;
        std::vector<Pending> pending; // out-of-order, unsorted (few, bounded)
    };

    void deliver(const Key &key, Stream &stream, qint64 timestampUs, const uchar *data, int size,
                 QByteArray &run);
    void drain(const Key &key, Stream &stream, QByteArray &run);
    void skipGap(Stream &stream);
    void emitRun(const Key &key, Stream &stream, qint64 timestampUs, QByteArray &run,
                 QVector<Datagram> &out);
    void dropPending(Stream &stream);
    void removeStream(QHash<Key, Stream>::iterator it);
    void evictIdlest();

    const PacketDecoderLimits &m_limits;
    PacketDecoderCounters &m_counters;
    QHash<Key, Stream> m_streams;
    qint64 m_bufferedTotal = 0;
};

} // namespace cv::net
