#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>
#include <optional>

namespace cv::control {

// One parsed HTTP/1.x request. Header names keep the client's spelling; look them up with
// header(), which ignores case.
struct HttpRequest
{
    QByteArray method;    // "GET", "POST", ... (case-sensitive, as RFC 9110 says)
    QByteArray target;    // the raw request-target: path plus "?query", still percent-encoded
    QByteArray path;      // target up to '?', still percent-encoded
    QByteArray query;     // after '?', without it; empty when there is none
    int versionMinor = 1; // HTTP/1.<minor>, 0 or 1
    QVector<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    // Whether the connection stays open after the response (HTTP/1.1 default; HTTP/1.0
    // only with "Connection: keep-alive").
    bool keepAlive() const;
};

// Incremental HTTP/1.1 request parser for untrusted bytes (RFC 9112). Bytes go in with
// append() in pieces of any size; next() yields each complete request in order, so
// pipelined requests on one keep-alive connection come out one by one. Memory is bounded:
// the limits below are checked before anything is buffered beyond them. The first error
// is final (the connection is answered with errorStatus() and closed), because after a
// framing error nothing that follows can be trusted to be a request boundary.
//
// Refused on purpose: chunked or any other Transfer-Encoding on requests (411; the API's
// bodies are small JSON, and Content-Length framing leaves no room for request smuggling),
// Content-Length together with Transfer-Encoding or given twice (400), obsolete header
// line folding (400), HTTP versions other than 1.0 and 1.1 (505), HTTP/1.1 without Host.
class HttpRequestParser final
{
public:
    struct Limits
    {
        int requestLineBytes = 8 * 1024; // 414 beyond
        int headerBytes = 16 * 1024;     // all header lines together; 431 beyond
        int headerCount = 100;           // 431 beyond
        int bodyBytes = 1024 * 1024;     // 413 beyond
    };

    enum class State : int
    {
        NeedMore = 0, // no complete request buffered; append more bytes
        Complete = 1, // next() returned a request
        Failed = 2,   // malformed or over a limit: see errorStatus()/errorMessage()
    };

    HttpRequestParser() = default;
    explicit HttpRequestParser(const Limits &limits) : m_limits(limits) {}

    // Buffers received bytes. Ignored once failed.
    void append(const QByteArray &bytes);
    // Parses what is buffered. On Complete, `request` holds the next request and the bytes
    // after it stay buffered for the following call.
    State next(HttpRequest &request);

    // True once the headers of the request being received are complete and it carried
    // "Expect: 100-continue" with a body still to come; the server then sends the interim
    // "100 Continue" once (clearExpectContinue()) so that clients such as curl do not wait.
    bool expectsContinue() const { return m_expectContinue; }
    void clearExpectContinue() { m_expectContinue = false; }

    bool failed() const { return m_state == Phase::Failed; }
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }
    // Bytes received but not yet consumed by a returned request.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_offset; }
    // True while a request has started arriving but is not complete yet.
    bool inProgress() const;
    const Limits &limits() const { return m_limits; }

private:
    enum class Phase : int
    {
        RequestLine = 0,
        Headers = 1,
        Body = 2,
        Failed = 3
    };

    State fail(int status, const QString &message);
    State parseRequestLine(const QByteArray &line);
    State parseHeaderLine(const QByteArray &line);
    State headersDone();
    // The next line (without CR LF / LF) starting at m_offset, or nullopt if incomplete.
    std::optional<QByteArray> takeLine();
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_offset = 0; // start of unconsumed bytes in m_buffer
    Phase m_state = Phase::RequestLine;
    HttpRequest m_current;
    qsizetype m_headerBytes = 0;
    qint64 m_contentLength = 0;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace cv::control
