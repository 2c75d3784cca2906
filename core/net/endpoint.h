#pragma once

#include <QHostAddress>
#include <QString>

namespace cv::net {

// One side of a UDP datagram or TCP connection as seen on the wire.
struct Endpoint
{
    QHostAddress address;
    quint16 port = 0;

    // "1.2.3.4:5060" or "[::1]:5060" (the form SIP and URLs use).
    QString toString() const;

    bool operator==(const Endpoint &other) const
    {
        return port == other.port && address == other.address;
    }
    bool operator!=(const Endpoint &other) const { return !(*this == other); }
};

// QHostAddress::operator== is strict (an IPv4-mapped IPv6 address differs from the plain
// IPv4 one), and qHash(QHostAddress) hashes the same form, so the two agree.
inline size_t qHash(const Endpoint &endpoint, size_t seed = 0)
{
    return qHash(endpoint.address, seed) ^ (size_t(endpoint.port) * 0x9E3779B1u);
}

enum class Transport : int
{
    Udp = 1,
    Tcp = 2
};

} // namespace cv::net
