#pragma once

#include "common/result.h"

#include <QHash>
#include <QHostAddress>
#include <QVector>

#include <atomic>
#include <mutex>
#include <thread>

namespace cv::recorder {

class DatagramQueue;

// The RTP ports of the SIPREC server (docs/recorder-protocols.md, "SIPREC server"): binds
// even ports of a configured range on request, and a thread of its own reads what arrives
// (poll, 50 ms turns) into the DatagramQueue of the capture loop, stamped with the wall
// clock in µs. The RTCP port above each RTP port is not bound: RTCP is not recorded.
// bind()/release() are called from one thread (the server's); reading runs on the
// receiver's thread. Plain POSIX sockets: no Qt object crosses threads.
class UdpMediaReceiver final
{
public:
    UdpMediaReceiver(DatagramQueue &queue, QHostAddress address, quint16 firstPort, quint16 lastPort);
    ~UdpMediaReceiver();
    UdpMediaReceiver(const UdpMediaReceiver &) = delete;
    UdpMediaReceiver &operator=(const UdpMediaReceiver &) = delete;

    // Binds the next free even port of the range (a port another program holds is skipped).
    Result<quint16> bind();
    // Closes the port (its reader stops reading it at its next turn).
    void release(quint16 port);
    int boundPorts() const;
    qint64 received() const { return m_received.load(); }

private:
    void run();

    DatagramQueue &m_queue;
    const QHostAddress m_address;
    const quint16 m_first;
    const quint16 m_last;
    quint16 m_next;
    mutable std::mutex m_mutex;
    QHash<quint16, int> m_sockets; // port -> descriptor
    QVector<int> m_closing;        // released descriptors the reader closes
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_received{0};
    std::thread m_thread;
};

} // namespace cv::recorder
