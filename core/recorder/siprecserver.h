#pragma once

#include "common/result.h"
#include "recorder/siprecuas.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QUdpSocket;

namespace cv::sip {
class SipStreamFramer;
}
namespace cv::control {
class MetricsRegistry;
}

namespace cv::recorder {

class DatagramQueue;
class RecorderService;
class UdpMediaReceiver;

// The SIPREC recording server's sockets (docs/recorder-protocols.md, "SIPREC server"): SIP
// over UDP, TCP and TLS 1.3 on the configured ports, every message handed to a SiprecUas,
// its responses sent back on the way the request came, its events handed to `sink` (the
// recorder posts them to the capture thread) before the responses go out, so that a call
// exists before its first RTP. The sessions' RTP ports are a UdpMediaReceiver's, whose
// datagrams go to `media`. Lives on a thread with an event loop (callvault-recorder's main
// thread, beside the control API).
class SiprecServer final : public QObject
{
    Q_OBJECT

public:
    using EventSink = std::function<void(const SiprecUas::Event &event)>;

    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 udpPort = 0; // 0: off
        quint16 tcpPort = 0;
        quint16 tlsPort = 0;
        QString certificatePemPath; // TLS only
        QString privateKeyPemPath;
        quint16 rtpFirst = 30000;
        quint16 rtpLast = 30999;
        QRegularExpression agentPattern{QStringLiteral("^[0-9]{2,6}$")};
        int maxSessions = 1000;
        int maxConnections = 256; // TCP + TLS; more are closed at once
    };

    SiprecServer(DatagramQueue &media, EventSink sink, QObject *parent = nullptr);
    ~SiprecServer() override;

    static Options optionsFrom(const RecorderConfig &config);
    // The sink that runs each event on `service`'s capture thread (CallTracker).
    static EventSink postingTo(RecorderService &service);

    Result<void> listen(const Options &options);
    // Stops listening; the open sessions end (End events), no BYE is sent.
    void close();
    quint16 udpPort() const;
    quint16 tcpPort() const;
    quint16 tlsPort() const;
    int sessionCount() const { return m_uas ? m_uas->sessionCount() : 0; }
    int connectionCount() const { return int(m_connections.size()); }
    qint64 refusedRequests() const { return m_refused; }
    qint64 rtpPacketsReceived() const;
    // SIGHUP: the agent pattern applies to sessions answered or updated from now on.
    void setAgentPattern(const QRegularExpression &pattern);
    // /metrics: sessions, connections, refused requests, RTP received and dropped. Read on
    // the thread the server lives on (the control API's).
    void registerMetrics(control::MetricsRegistry &registry);

private:
    struct Connection;
    void accept(qintptr descriptor, bool tls);
    void readDatagrams();
    void readStream(Connection &connection);
    void deliver(const SiprecUas::Output &output);
    void count(const QByteArray &response);
    void retransmit();

    DatagramQueue &m_media;
    EventSink m_sink;
    Options m_options;
    QSslConfiguration m_tls;
    std::unique_ptr<UdpMediaReceiver> m_receiver;
    std::unique_ptr<SiprecUas> m_uas;
    std::unique_ptr<QUdpSocket> m_udp;
    std::unique_ptr<QTcpServer> m_tcp;
    std::unique_ptr<QTcpServer> m_tlsServer;
    QHash<quintptr, std::shared_ptr<Connection>> m_connections;
    QTimer m_retransmitTimer;
    qint64 m_refused = 0;
};

} // namespace cv::recorder
