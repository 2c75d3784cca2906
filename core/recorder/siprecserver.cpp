#include "siprecserver.h"

#include "control/metricsregistry.h"
#include "control/tlscredentials.h"
#include "recorder/datagramqueue.h"
#include "recorder/recorderlogging.h"
#include "recorder/recorderservice.h"
#include "recorder/udpmediareceiver.h"
#include "sip/sipstreamframer.h"

#include <QDateTime>
#include <QNetworkDatagram>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

#include <unistd.h>

namespace cv::recorder {

namespace {

// Accepted descriptors come here first, so the server applies its connection limit before
// a socket (and for TLS its handshake state) exists; see control::ControlServer.
class DescriptorServer final : public QTcpServer
{
public:
    explicit DescriptorServer(std::function<void(qintptr)> onIncoming) : m_onIncoming(std::move(onIncoming)) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

qint64 wallClockUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

struct SiprecServer::Connection
{
    quintptr id = 0;
    QTcpSocket *socket = nullptr; // a QSslSocket for TLS; owned through Qt (deleteLater)
    bool tls = false;
    sip::SipStreamFramer framer;
};

SiprecServer::SiprecServer(DatagramQueue &media, EventSink sink, QObject *parent)
    : QObject(parent), m_media(media), m_sink(std::move(sink))
{
    connect(&m_retransmitTimer, &QTimer::timeout, this, &SiprecServer::retransmit);
}

SiprecServer::~SiprecServer()
{
    close();
}

SiprecServer::Options SiprecServer::optionsFrom(const RecorderConfig &config)
{
    Options o;
    o.address = config.siprecAddress;
    o.udpPort = config.siprecUdpPort;
    o.tcpPort = config.siprecTcpPort;
    o.tlsPort = config.siprecTlsPort;
    o.certificatePemPath = config.siprecCertificatePath;
    o.privateKeyPemPath = config.siprecPrivateKeyPath;
    o.rtpFirst = config.siprecRtpFirst;
    o.rtpLast = config.siprecRtpLast;
    o.agentPattern = config.agentPattern;
    o.maxSessions = config.maxCalls;
    return o;
}

SiprecServer::EventSink SiprecServer::postingTo(RecorderService &service)
{
    return [&service](const SiprecUas::Event &event) {
        service.post([event](RecorderEngine &engine) {
            CallTracker &tracker = engine.tracker();
            const qint64 now = std::max(wallClockUs(), engine.nowUs());
            switch (event.kind) {
            case SiprecUas::Event::Kind::Start: tracker.startSiprecCall(now, event.call); break;
            case SiprecUas::Event::Kind::Update: tracker.updateSiprecCall(now, event.call); break;
            case SiprecUas::Event::Kind::End: tracker.end(now, event.call.callId); break;
            }
        });
    };
}

Result<void> SiprecServer::listen(const Options &options)
{
    close();
    m_options = options;
    if (options.tlsPort != 0) {
        auto credentials = control::TlsCredentials::load(options.certificatePemPath, options.privateKeyPemPath);
        if (!credentials)
            return Error{credentials.error().code, QStringLiteral("SIPREC TLS: %1").arg(credentials.errorMessage())};
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setProtocol(QSsl::TlsV1_3OrLater); // as the control API: TLS 1.3 only
        m_tls.setLocalCertificateChain(credentials->chain);
        m_tls.setPrivateKey(credentials->privateKey);
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // SRCs are not asked for certificates
    }
    m_receiver = std::make_unique<UdpMediaReceiver>(m_media, options.address, options.rtpFirst, options.rtpLast);
    UdpMediaReceiver *receiver = m_receiver.get();
    SiprecUas::Options uas;
    uas.agentPattern = options.agentPattern;
    uas.maxSessions = options.maxSessions;
    m_uas = std::make_unique<SiprecUas>(
        uas, [receiver] { return receiver->bind(); }, [receiver](quint16 port) { receiver->release(port); });

    auto failed = [&](const QString &what, const QString &why) {
        const QString message = QStringLiteral("SIPREC server: cannot listen on %1 %2:%3: %4")
                                    .arg(what, options.address.toString())
                                    .arg(what == QLatin1String("UDP") ? options.udpPort
                                         : what == QLatin1String("TCP") ? options.tcpPort
                                                                        : options.tlsPort)
                                    .arg(why);
        close();
        return Error{ErrorCode::Io, message};
    };
    if (options.udpPort != 0) {
        m_udp = std::make_unique<QUdpSocket>();
        if (!m_udp->bind(options.address, options.udpPort))
            return failed(QStringLiteral("UDP"), m_udp->errorString());
        connect(m_udp.get(), &QUdpSocket::readyRead, this, &SiprecServer::readDatagrams);
    }
    if (options.tcpPort != 0) {
        m_tcp = std::make_unique<DescriptorServer>([this](qintptr d) { accept(d, false); });
        if (!m_tcp->listen(options.address, options.tcpPort))
            return failed(QStringLiteral("TCP"), m_tcp->errorString());
    }
    if (options.tlsPort != 0) {
        m_tlsServer = std::make_unique<DescriptorServer>([this](qintptr d) { accept(d, true); });
        if (!m_tlsServer->listen(options.address, options.tlsPort))
            return failed(QStringLiteral("TLS"), m_tlsServer->errorString());
    }
    m_retransmitTimer.start(100);
    qCInfo(lcRecorder).noquote() << "SIPREC server on" << options.address.toString() << "udp" << udpPort() << "tcp"
                                 << tcpPort() << "tls" << tlsPort() << "rtp" << options.rtpFirst << '-' << options.rtpLast;
    return {};
}

void SiprecServer::close()
{
    m_retransmitTimer.stop();
    if (m_uas)
        deliver(m_uas->endAll());
    for (const auto &c : std::as_const(m_connections)) {
        c->socket->disconnect(this);
        c->socket->abort();
        c->socket->deleteLater();
    }
    m_connections.clear();
    m_udp.reset();
    m_tcp.reset();
    m_tlsServer.reset();
    m_uas.reset(); // releases its ports before the receiver goes
    m_receiver.reset();
}

quint16 SiprecServer::udpPort() const
{
    return m_udp ? m_udp->localPort() : 0;
}

quint16 SiprecServer::tcpPort() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

quint16 SiprecServer::tlsPort() const
{
    return m_tlsServer ? m_tlsServer->serverPort() : 0;
}

void SiprecServer::deliver(const SiprecUas::Output &output)
{
    for (const SiprecUas::Event &event : output.events) {
        if (m_sink)
            m_sink(event);
    }
}

void SiprecServer::count(const QByteArray &response)
{
    // "SIP/2.0 4xx" or 5xx/6xx: a request the server refused.
    if (response.size() > 8 && response.at(8) >= '4')
        ++m_refused;
}

qint64 SiprecServer::rtpPacketsReceived() const
{
    return m_receiver ? m_receiver->received() : 0;
}

void SiprecServer::setAgentPattern(const QRegularExpression &pattern)
{
    m_options.agentPattern = pattern;
    if (m_uas)
        m_uas->setAgentPattern(pattern);
}

void SiprecServer::registerMetrics(control::MetricsRegistry &registry)
{
    using Type = control::MetricsRegistry::Type;
    registry.callback(Type::Gauge, "callvault_recorder_siprec_sessions", "Open SIPREC sessions.", {},
                      [this] { return double(sessionCount()); });
    registry.callback(Type::Gauge, "callvault_recorder_siprec_connections", "Open SIPREC TCP/TLS connections.", {},
                      [this] { return double(connectionCount()); });
    registry.callback(Type::Counter, "callvault_recorder_siprec_refused_total",
                      "SIPREC requests answered 4xx/5xx (malformed metadata or SDP, no port, unknown dialog...).", {},
                      [this] { return double(m_refused); });
    registry.callback(Type::Counter, "callvault_recorder_siprec_rtp_packets_total", "Datagrams received on SIPREC RTP ports.", {},
                      [this] { return double(rtpPacketsReceived()); });
    registry.callback(Type::Counter, "callvault_recorder_siprec_rtp_dropped_total",
                      "SIPREC RTP datagrams dropped because the capture loop fell behind (queue full).", {},
                      [this] { return double(m_media.dropped()); });
}

void SiprecServer::readDatagrams()
{
    while (m_udp && m_udp->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp->receiveDatagram(65536);
        if (!datagram.isValid() || datagram.data().isEmpty())
            continue;
        SiprecUas::Peer peer;
        peer.transport = "UDP";
        peer.address = datagram.senderAddress();
        peer.port = quint16(datagram.senderPort());
        peer.local = m_options.address.isEqual(QHostAddress::AnyIPv4) || m_options.address.isEqual(QHostAddress::AnyIPv6) ||
                             m_options.address.isEqual(QHostAddress::Any)
                         ? datagram.destinationAddress()
                         : m_options.address;
        if (peer.local.isNull())
            peer.local = QHostAddress::LocalHost;
        peer.localPort = m_udp->localPort();
        const SiprecUas::Output out = m_uas->handle(datagram.data(), peer);
        deliver(out); // before the 200 OK: the call must exist when its RTP comes
        for (const QByteArray &response : out.responses) {
            count(response);
            m_udp->writeDatagram(response, peer.address, peer.port);
        }
    }
}

void SiprecServer::accept(qintptr descriptor, bool tls)
{
    if (int(m_connections.size()) >= m_options.maxConnections) {
        qCWarning(lcRecorder) << "SIPREC: connection refused, already" << m_connections.size() << "open";
        ::close(int(descriptor));
        return;
    }
    auto connection = std::make_shared<Connection>();
    connection->tls = tls;
    QTcpSocket *socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connection->socket = socket;
    connection->id = quintptr(socket);
    const quintptr id = connection->id;
    m_connections.insert(id, connection);
    connect(socket, &QTcpSocket::readyRead, this, [this, id] {
        if (auto c = m_connections.value(id))
            readStream(*c);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, id] {
        if (auto c = m_connections.take(id))
            c->socket->deleteLater();
    });
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        ssl->setSslConfiguration(m_tls);
        connect(ssl, &QSslSocket::sslErrors, this, [](const QList<QSslError> &errors) {
            qCDebug(lcRecorder) << "SIPREC TLS errors" << errors;
        });
        connect(ssl, &QAbstractSocket::errorOccurred, this, [this, id](QAbstractSocket::SocketError) {
            if (auto c = m_connections.take(id)) {
                qCDebug(lcRecorder) << "SIPREC TLS connection closed:" << c->socket->errorString();
                c->socket->abort();
                c->socket->deleteLater();
            }
        });
        ssl->startServerEncryption();
    }
}

void SiprecServer::readStream(Connection &connection)
{
    const quintptr id = connection.id;
    connection.framer.append(connection.socket->readAll());
    for (;;) {
        auto next = connection.framer.next();
        if (!next) {
            qCDebug(lcRecorder) << "SIPREC: bad SIP framing on a connection:" << next.errorMessage();
            continue; // the framer resynchronises on the next start line
        }
        if (!next->has_value())
            return;
        SiprecUas::Peer peer;
        peer.transport = connection.tls ? "TLS" : "TCP";
        peer.address = connection.socket->peerAddress();
        peer.port = connection.socket->peerPort();
        peer.connection = id;
        peer.local = connection.socket->localAddress();
        peer.localPort = connection.socket->localPort();
        const SiprecUas::Output out = m_uas->handle(*next.value(), peer);
        deliver(out);
        for (const QByteArray &response : out.responses) {
            count(response);
            connection.socket->write(response);
        }
        if (!m_connections.contains(id))
            return;
    }
}

void SiprecServer::retransmit()
{
    if (!m_uas || !m_udp)
        return;
    for (const auto &[peer, bytes] : m_uas->retransmissions())
        m_udp->writeDatagram(bytes, peer.address, peer.port);
}

} // namespace cv::recorder
