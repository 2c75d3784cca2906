#pragma once

#include "bearertokens.h"
#include "callcontrol.h"
#include "common/result.h"
#include "httprequestparser.h"
#include "metricsregistry.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <memory>

class QTcpServer;

namespace cv::control {

class ControlConnection;
class ControlRouter;
struct HttpResponse;

// The recorder's HTTPS control API and /metrics endpoint (docs/recorder-protocols.md,
// "Control API"). TLS 1.3 only: a TLS 1.2 client fails the handshake and plain HTTP gets
// no HTTP answer. Every request needs a bearer token (see BearerTokens), and is written to
// the callvault.control log as one line: peer, method, path (never the query, which is where
// people paste tokens), status, token name, time taken.
//
// Everything runs on the thread the server lives on; CallControl is called only there.
class ControlServer final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8443;
        QString certificatePemPath;
        QString privateKeyPemPath;
        BearerTokens tokens;
        int maxConnections = 64;          // further connections are closed at once
        int idleTimeoutMs = 30000;        // per request, see ControlConnection
        bool metricsWithoutToken = false; // only for loopback peers
        HttpRequestParser::Limits limits;
    };

    ControlServer(CallControl &control, MetricsRegistry &metrics, QObject *parent = nullptr);
    ~ControlServer() override;

    // Loads and checks the certificate and key, then listens. Refuses to start without a
    // token (an API nobody can use is a misconfiguration, not a default).
    Result<void> listen(const Options &options);
    void close();

    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    int connectionCount() const { return int(m_connections.size()); }

private:
    void accept(qintptr descriptor);
    HttpResponse answer(HttpRequest &request, const QHostAddress &peer);
    void logRefusal(const HttpResponse &response, const QHostAddress &peer);
    void countStatus(int status);

    CallControl &m_control;
    MetricsRegistry &m_metrics;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<ControlRouter> m_router;
    QSslConfiguration m_tls;
    Options m_options;
    QSet<ControlConnection *> m_connections;
    QHash<int, MetricsRegistry::Counter> m_requestsByStatus;
    MetricsRegistry::Gauge m_connectionsGauge;
    MetricsRegistry::Counter m_connectionsRefused;
    MetricsRegistry::Counter m_authFailures;
    QElapsedTimer m_lastRefusalWarning;
};

} // namespace cv::control
