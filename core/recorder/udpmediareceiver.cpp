#include "udpmediareceiver.h"

#include "net/datagram.h"
#include "recorder/datagramqueue.h"
#include "recorder/recorderlogging.h"

#include <QDateTime>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cv::recorder {

namespace {

constexpr int kMaxDatagram = 2048; // RTP of a voice codec is a few hundred bytes

} // namespace

UdpMediaReceiver::UdpMediaReceiver(DatagramQueue &queue, QHostAddress address, quint16 firstPort, quint16 lastPort)
    : m_queue(queue), m_address(std::move(address)), m_first(quint16(firstPort + (firstPort & 1))), m_last(lastPort),
      m_next(m_first)
{
    m_thread = std::thread([this] { run(); });
}

UdpMediaReceiver::~UdpMediaReceiver()
{
    m_stop = true;
    m_thread.join();
    for (int fd : std::as_const(m_sockets))
        ::close(fd);
    for (int fd : std::as_const(m_closing))
        ::close(fd);
}

Result<quint16> UdpMediaReceiver::bind()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const int count = m_last >= m_first ? (m_last - m_first) / 2 + 1 : 0;
    for (int tried = 0; tried < count; ++tried) {
        const quint16 port = m_next;
        m_next = quint16(m_next + 2 > m_last ? m_first : m_next + 2);
        if (m_sockets.contains(port))
            continue;
        const bool v6 = m_address.protocol() == QAbstractSocket::IPv6Protocol;
        const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return makeError(ErrorCode::Io, QStringLiteral("cannot open a UDP socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        int rc = -1;
        if (v6) {
            sockaddr_in6 a{};
            a.sin6_family = AF_INET6;
            a.sin6_port = htons(port);
            const Q_IPV6ADDR raw = m_address.toIPv6Address();
            std::memcpy(&a.sin6_addr, &raw, sizeof raw);
            rc = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
        } else {
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(port);
            a.sin_addr.s_addr = htonl(m_address.toIPv4Address());
            rc = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
        }
        if (rc != 0) {
            ::close(fd); // taken by another program: try the next one
            continue;
        }
        m_sockets.insert(port, fd);
        return port;
    }
    return makeError(ErrorCode::Io, QStringLiteral("no free RTP port in %1-%2").arg(m_first).arg(m_last));
}

void UdpMediaReceiver::release(quint16 port)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_sockets.find(port);
    if (it == m_sockets.end())
        return;
    // Closed by the reader: it may be polling this descriptor right now.
    m_closing << it.value();
    m_sockets.erase(it);
}

int UdpMediaReceiver::boundPorts() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_sockets.size());
}

void UdpMediaReceiver::run()
{
    std::vector<pollfd> fds;
    std::vector<quint16> ports;
    QByteArray buffer(kMaxDatagram, Qt::Uninitialized);
    while (!m_stop.load()) {
        fds.clear();
        ports.clear();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (int fd : std::as_const(m_closing))
                ::close(fd);
            m_closing.clear();
            for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
                fds.push_back(pollfd{it.value(), POLLIN, 0});
                ports.push_back(it.key());
            }
        }
        if (fds.empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        if (::poll(fds.data(), fds.size(), 20) <= 0)
            continue;
        for (size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            for (int burst = 0; burst < 64; ++burst) { // bounded: every port gets its turn
                sockaddr_storage from{};
                socklen_t fromLength = sizeof from;
                const ssize_t n = ::recvfrom(fds[i].fd, buffer.data(), size_t(buffer.size()), 0,
                                             reinterpret_cast<sockaddr *>(&from), &fromLength);
                if (n < 0)
                    break;
                net::Datagram d;
                d.timestampUs = QDateTime::currentMSecsSinceEpoch() * 1000;
                d.source.address.setAddress(reinterpret_cast<const sockaddr *>(&from));
                d.source.port = from.ss_family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&from)->sin6_port)
                                                           : ntohs(reinterpret_cast<const sockaddr_in *>(&from)->sin_port);
                d.destination = net::Endpoint{m_address, ports[i]};
                d.transport = net::Transport::Udp;
                d.payload = QByteArray(buffer.constData(), int(n));
                ++m_received;
                m_queue.push(std::move(d));
            }
        }
    }
}

} // namespace cv::recorder
