#pragma once

#include "net/datagram.h"

#include <QVector>

#include <condition_variable>
#include <deque>
#include <mutex>

namespace cv::recorder {

// Datagrams that did not come from the capture (the SIPREC server's RTP ports, see
// UdpMediaReceiver) on their way to the capture thread, which owns the RecorderEngine.
// Many producers, one consumer; bounded: when full, new datagrams are dropped and counted
// (a stalled capture loop must not grow memory without limit).
class DatagramQueue final
{
public:
    explicit DatagramQueue(int capacity = 65536) : m_capacity(capacity) {}

    // False (and counted) when the queue is full.
    bool push(net::Datagram datagram);
    // Moves everything queued into `out` (appended); waits up to `timeoutMs` when empty.
    void drain(QVector<net::Datagram> &out, int timeoutMs = 0);
    qint64 dropped() const;
    int size() const;

private:
    const int m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<net::Datagram> m_queue;
    qint64 m_dropped = 0;
};

} // namespace cv::recorder
