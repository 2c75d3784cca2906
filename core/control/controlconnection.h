#pragma once

#include "httprequestparser.h"
#include "httpresponse.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <functional>

class QSslSocket;

namespace cv::control {

// One TLS connection of the control API. Requests on it are answered one after the other
// (pipelined requests queue in the parser); many connections run side by side on the
// server's thread. Bounds, so that a slow or hostile client costs little:
//  - a deadline, not an inactivity timer: the handshake plus the first request, and then
//    each following request, must arrive complete within idleTimeoutMs of the previous
//    answer, however slowly the bytes trickle in (slow-loris);
//  - the parser's size limits, and at most kReadChunk bytes read ahead of the parser;
//  - no more reading while more than kMaxPendingWrite answer bytes wait for a client that
//    does not read.
class ControlConnection final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kReadChunk = qint64(64) * 1024;
    static constexpr qint64 kMaxPendingWrite = qint64(1024) * 1024;

    // Answers one request; runs on the connection's thread.
    using Handler = std::function<HttpResponse(HttpRequest &request, const QHostAddress &peer)>;
    // Told about a request refused before it could be routed (framing error, timeout).
    using Refusal = std::function<void(const HttpResponse &response, const QHostAddress &peer)>;

    ControlConnection(const QSslConfiguration &tls, int idleTimeoutMs,
                      const HttpRequestParser::Limits &limits, Handler handler, Refusal refusal,
                      QObject *parent = nullptr);
    ~ControlConnection() override;

    // Takes over the accepted socket and starts the TLS handshake.
    bool start(qintptr socketDescriptor);
    QHostAddress peer() const { return m_peer; }
    bool isEncrypted() const;

signals:
    // The socket is closed; the owner deletes the connection (deleteLater).
    void finished();

private:
    void process();
    void send(const HttpResponse &response, bool keepAlive);
    void refuse(int status, const QString &message);
    void closeGracefully();
    void onTimeout();
    void finish();

    QSslSocket *m_socket = nullptr;
    QTimer m_deadline;
    HttpRequestParser m_parser;
    Handler m_handler;
    Refusal m_refusal;
    QHostAddress m_peer;
    int m_idleTimeoutMs;
    bool m_closing = false;
    bool m_finished = false;
    bool m_processing = false;
};

} // namespace cv::control
