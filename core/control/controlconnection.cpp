#include "controlconnection.h"

#include "controllogging.h"

#include <QSslSocket>

namespace cv::control {

ControlConnection::ControlConnection(const QSslConfiguration &tls, int idleTimeoutMs,
                                     const HttpRequestParser::Limits &limits, Handler handler,
                                     Refusal refusal, QObject *parent)
    : QObject(parent), m_socket(new QSslSocket(this)), m_parser(limits),
      m_handler(std::move(handler)), m_refusal(std::move(refusal)), m_idleTimeoutMs(idleTimeoutMs)
{
    m_socket->setSslConfiguration(tls);
    // Bounds what Qt buffers of decrypted bytes ahead of us.
    m_socket->setReadBufferSize(kReadChunk);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ControlConnection::onTimeout);
    connect(m_socket, &QSslSocket::readyRead, this, &ControlConnection::process);
    connect(m_socket, &QSslSocket::encrypted, this, &ControlConnection::process);
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() < kMaxPendingWrite)
            process();
    });
    connect(m_socket, &QSslSocket::disconnected, this, &ControlConnection::finish);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // Handshake failures (plain HTTP, TLS 1.2, no shared cipher) land here; they are
        // the client's problem, so only debug level, but visible when asked for.
        if (error != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcControl).noquote()
                << "connection from" << m_peer.toString() << "failed:" << m_socket->errorString();
        m_socket->abort();
        finish();
    });
}

ControlConnection::~ControlConnection() = default;

bool ControlConnection::start(qintptr socketDescriptor)
{
    if (!m_socket->setSocketDescriptor(socketDescriptor))
        return false;
    m_peer = m_socket->peerAddress();
    m_deadline.start(m_idleTimeoutMs);
    m_socket->startServerEncryption();
    return true;
}

bool ControlConnection::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void ControlConnection::process()
{
    // The handler may run an event loop in a misbehaving implementation; never re-enter.
    if (m_processing || m_finished)
        return;
    m_processing = true;
    while (!m_closing && m_socket->isEncrypted() && m_socket->bytesToWrite() < kMaxPendingWrite) {
        HttpRequest request;
        const HttpRequestParser::State state = m_parser.next(request);
        if (state == HttpRequestParser::State::Complete) {
            const bool keepAlive = request.keepAlive();
            const HttpResponse response = m_handler(request, m_peer);
            send(response, keepAlive);
            if (!keepAlive)
                closeGracefully();
            continue;
        }
        if (state == HttpRequestParser::State::Failed) {
            refuse(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (m_parser.expectsContinue()) {
            m_parser.clearExpectContinue();
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (m_socket->bytesAvailable() <= 0)
            break;
        m_parser.append(m_socket->read(kReadChunk));
    }
    if (m_closing && m_socket->bytesAvailable() > 0)
        m_socket->skip(m_socket->bytesAvailable()); // nothing after a final answer is read
    m_processing = false;
}

void ControlConnection::send(const HttpResponse &response, bool keepAlive)
{
    m_socket->write(response.serialize(keepAlive));
    // The next request's deadline starts with this answer.
    m_deadline.start(m_idleTimeoutMs);
}

void ControlConnection::refuse(int status, const QString &message)
{
    const HttpResponse response =
        HttpResponse::error(status, HttpResponse::errorCodeFor(status), message);
    if (m_refusal)
        m_refusal(response, m_peer);
    send(response, false);
    closeGracefully();
}

void ControlConnection::closeGracefully()
{
    m_closing = true;
    // Flushes the answer, then closes; the deadline aborts a client that never reads it.
    m_deadline.start(m_idleTimeoutMs);
    m_socket->disconnectFromHost();
}

void ControlConnection::onTimeout()
{
    if (m_closing || !m_socket->isEncrypted()) {
        m_socket->abort();
        finish();
        return;
    }
    if (m_parser.inProgress()) {
        refuse(408, QStringLiteral("the request did not arrive within %1 ms").arg(m_idleTimeoutMs));
        return;
    }
    // An idle keep-alive connection: close quietly, as HTTP servers do.
    closeGracefully();
}

void ControlConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    emit finished();
}

} // namespace cv::control
