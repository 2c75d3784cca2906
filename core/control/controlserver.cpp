#include "controlserver.h"

#include "controlconnection.h"
#include "controllogging.h"
#include "controlrouter.h"
#include "httpresponse.h"
#include "tlscredentials.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

namespace cv::control {

namespace {

// QTcpServer hands over accepted descriptors, so that the server itself decides (connection
// limit) before a QSslSocket and its TLS state exist. QSslServer (Qt 6.4) would start a
// handshake for every connection with no limit on how many are in progress.
class DescriptorServer final : public QTcpServer
{
public:
    explicit DescriptorServer(std::function<void(qintptr)> onIncoming)
        : m_onIncoming(std::move(onIncoming))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

QString logPath(const QByteArray &path)
{
    // Visible ASCII only (the parser refuses the rest), so it cannot forge log lines.
    return QString::fromLatin1(path.left(200));
}

} // namespace

ControlServer::ControlServer(CallControl &control, MetricsRegistry &metrics, QObject *parent)
    : QObject(parent), m_control(control), m_metrics(metrics),
      m_connectionsGauge(metrics.gauge("callvault_recorder_control_connections",
                                       "Open connections to the control API")),
      m_connectionsRefused(metrics.counter("callvault_recorder_control_connections_refused_total",
                                           "Connections closed at once because maxConnections "
                                           "were open")),
      m_authFailures(metrics.counter("callvault_recorder_control_auth_failures_total",
                                     "Requests refused for a missing or wrong bearer token"))
{
}

ControlServer::~ControlServer()
{
    close();
}

Result<void> ControlServer::listen(const Options &options)
{
    close();
    if (options.tokens.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the control API has no bearer token configured; create "
                                        "one and configure its SHA-256 digest"));
    if (options.maxConnections < 1 || options.idleTimeoutMs < 100)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the control API needs maxConnections >= 1 and "
                                        "idleTimeoutMs >= 100"));
    auto credentials = TlsCredentials::load(options.certificatePemPath, options.privateKeyPemPath);
    if (!credentials)
        return credentials.error();

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    // TLS 1.3 only: no RSA key exchange, no CBC suites, no renegotiation, forward secrecy
    // always; everything that talks to the recorder (curl, Prometheus, Qt) has it.
    tls.setProtocol(QSsl::TlsV1_3OrLater);
    tls.setLocalCertificateChain(credentials->chain);
    tls.setPrivateKey(credentials->privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    m_tls = tls;
    m_options = options;

    ControlRouter::Options routerOptions;
    routerOptions.tokens = options.tokens;
    routerOptions.metricsWithoutToken = options.metricsWithoutToken;
    m_router = std::make_unique<ControlRouter>(m_control, m_metrics, routerOptions);

    auto server = std::make_unique<DescriptorServer>([this](qintptr fd) { accept(fd); });
    if (!server->listen(options.address, options.port))
        return makeError(ErrorCode::Io, QStringLiteral("the control API cannot listen on %1 port "
                                                       "%2: %3")
                                            .arg(options.address.toString())
                                            .arg(options.port)
                                            .arg(server->errorString()));
    m_server = std::move(server);
    qCInfo(lcControl).noquote() << "control API listening on"
                                << m_server->serverAddress().toString() << "port"
                                << m_server->serverPort() << "(TLS 1.3," << options.tokens.size()
                                << "token(s):" << options.tokens.names().join(QStringLiteral(", "))
                                << ")";
    return {};
}

void ControlServer::close()
{
    if (m_server)
        m_server->close();
    m_server.reset();
    const QSet<ControlConnection *> connections = m_connections;
    m_connections.clear();
    for (ControlConnection *connection : connections) {
        connection->disconnect(this);
        delete connection;
        m_connectionsGauge.dec(); // the gauge may be shared with other servers: no set(0)
    }
}

bool ControlServer::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress ControlServer::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 ControlServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ControlServer::accept(qintptr descriptor)
{
    if (m_connections.size() >= m_options.maxConnections) {
        QTcpSocket refused;
        refused.setSocketDescriptor(descriptor);
        m_connectionsRefused.inc();
        // At most one warning per 10 s: a flood of connections must not flood the log.
        if (!m_lastRefusalWarning.isValid() || m_lastRefusalWarning.elapsed() > 10000) {
            m_lastRefusalWarning.start();
            qCWarning(lcControl).noquote()
                << "control API: connection from" << refused.peerAddress().toString()
                << "closed, already" << m_options.maxConnections << "open (maxConnections)";
        }
        refused.abort();
        return;
    }
    auto *connection = new ControlConnection(
        m_tls, m_options.idleTimeoutMs, m_options.limits,
        [this](HttpRequest &request, const QHostAddress &peer) { return answer(request, peer); },
        [this](const HttpResponse &response, const QHostAddress &peer) {
            logRefusal(response, peer);
        },
        this);
    connect(connection, &ControlConnection::finished, this, [this, connection] {
        if (m_connections.remove(connection))
            m_connectionsGauge.dec();
        connection->deleteLater();
    });
    if (!connection->start(descriptor)) {
        delete connection;
        return;
    }
    m_connections.insert(connection);
    m_connectionsGauge.inc();
}

HttpResponse ControlServer::answer(HttpRequest &request, const QHostAddress &peer)
{
    QElapsedTimer timer;
    timer.start();
    ControlRouter::Outcome outcome = m_router->handle(request, peer);
    const int status = outcome.response.status;
    if (status == 401)
        m_authFailures.inc();
    countStatus(status);
    // One access-log line; the query string is left out on purpose (it is where tokens and
    // customer numbers get pasted).
    const QString line = QStringLiteral("%1 %2 %3 %4 token=%5 %6ms")
                             .arg(peer.toString(), QString::fromLatin1(request.method.left(16)),
                                  logPath(request.path), QString::number(status), outcome.tokenName,
                                  QString::number(timer.elapsed()));
    if (status == 401)
        qCWarning(lcControl).noquote() << line;
    else
        qCInfo(lcControl).noquote() << line;
    return outcome.response;
}

void ControlServer::logRefusal(const HttpResponse &response, const QHostAddress &peer)
{
    countStatus(response.status);
    qCInfo(lcControl).noquote() << peer.toString() << "- -" << response.status
                                << "token=- (refused before routing)";
}

void ControlServer::countStatus(int status)
{
    auto it = m_requestsByStatus.find(status);
    if (it == m_requestsByStatus.end())
        it = m_requestsByStatus.insert(
            status, m_metrics.counter("callvault_recorder_control_requests_total",
                                      "Control API requests answered, by HTTP status",
                                      {{"code", QByteArray::number(status)}}));
    it->inc();
}

} // namespace cv::control
