#include "httprequestparser.h"

namespace cv::control {

namespace {

// RFC 9110 5.6.2: tchar.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    for (const char c : bytes) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// field-value characters: VCHAR, obs-text, SP, HTAB (no NUL, CR, LF or other controls).
bool isFieldValue(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '\t' || u == ' ')
            continue;
        if (u < 0x21 || u == 0x7f)
            return false;
    }
    return true;
}

QByteArray trimOws(const QByteArray &bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && (bytes[begin] == ' ' || bytes[begin] == '\t'))
        ++begin;
    while (end > begin && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t'))
        --end;
    return bytes.mid(begin, end - begin);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    // Connection is a comma-separated list of options (RFC 9110 7.6.1).
    const QList<QByteArray> options = header("Connection").toLower().split(',');
    bool close = false;
    bool keep = false;
    for (const QByteArray &option : options) {
        const QByteArray o = trimOws(option);
        close = close || o == "close";
        keep = keep || o == "keep-alive";
    }
    if (close)
        return false;
    return versionMinor >= 1 || keep;
}

void HttpRequestParser::append(const QByteArray &bytes)
{
    if (m_state == Phase::Failed)
        return;
    m_buffer.append(bytes);
}

bool HttpRequestParser::inProgress() const
{
    return m_state == Phase::Headers || m_state == Phase::Body || bufferedBytes() > 0;
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QString &message)
{
    m_state = Phase::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_expectContinue = false;
    m_buffer.clear();
    m_offset = 0;
    return State::Failed;
}

std::optional<QByteArray> HttpRequestParser::takeLine()
{
    const qsizetype lf = m_buffer.indexOf('\n', m_offset);
    if (lf < 0)
        return std::nullopt;
    qsizetype end = lf;
    if (end > m_offset && m_buffer[end - 1] == '\r')
        --end;
    QByteArray line = m_buffer.mid(m_offset, end - m_offset);
    m_offset = lf + 1;
    return line;
}

void HttpRequestParser::compact()
{
    if (m_offset == 0)
        return;
    m_buffer.remove(0, m_offset);
    m_offset = 0;
}

HttpRequestParser::State HttpRequestParser::next(HttpRequest &request)
{
    while (true) {
        switch (m_state) {
        case Phase::Failed:
            return State::Failed;

        case Phase::RequestLine: {
            const qsizetype lf = m_buffer.indexOf('\n', m_offset);
            const qsizetype available = (lf < 0 ? m_buffer.size() : lf) - m_offset;
            if (available > m_limits.requestLineBytes)
                return fail(414, QStringLiteral("the request line is longer than %1 bytes")
                                     .arg(m_limits.requestLineBytes));
            if (lf < 0) {
                compact();
                return State::NeedMore;
            }
            const QByteArray line = *takeLine();
            // RFC 9112 2.2: empty lines before a request line are ignored.
            if (line.isEmpty())
                continue;
            if (const State s = parseRequestLine(line); s == State::Failed)
                return s;
            break;
        }

        case Phase::Headers: {
            const qsizetype lf = m_buffer.indexOf('\n', m_offset);
            const qsizetype available = (lf < 0 ? m_buffer.size() : lf + 1) - m_offset;
            if (m_headerBytes + available > m_limits.headerBytes)
                return fail(431, QStringLiteral("the request headers are larger than %1 bytes")
                                     .arg(m_limits.headerBytes));
            if (lf < 0) {
                compact();
                return State::NeedMore;
            }
            m_headerBytes += available;
            const QByteArray line = *takeLine();
            if (line.isEmpty()) {
                if (const State s = headersDone(); s == State::Failed)
                    return s;
                break;
            }
            if (const State s = parseHeaderLine(line); s == State::Failed)
                return s;
            break;
        }

        case Phase::Body: {
            if (bufferedBytes() < m_contentLength) {
                compact();
                return State::NeedMore;
            }
            m_current.body = m_buffer.mid(m_offset, qsizetype(m_contentLength));
            m_offset += qsizetype(m_contentLength);
            compact();
            request = std::move(m_current);
            m_current = HttpRequest();
            m_headerBytes = 0;
            m_contentLength = 0;
            m_expectContinue = false;
            m_state = Phase::RequestLine;
            return State::Complete;
        }
        }
    }
}

HttpRequestParser::State HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 3).
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, QStringLiteral("the request line is not \"METHOD /path HTTP/1.1\""));
    const QByteArray method = line.left(sp1);
    const QByteArray target = line.mid(sp1 + 1, sp2 - sp1 - 1);
    const QByteArray version = line.mid(sp2 + 1);
    if (!isToken(method))
        return fail(400, QStringLiteral("the request method is not a valid token"));
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, QStringLiteral("the request line does not end with an HTTP version"));
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
        return fail(505, QStringLiteral("only HTTP/1.1 and HTTP/1.0 are supported"));
    // Only origin-form ("/path?query"): the API has no proxy or OPTIONS * use.
    if (target.isEmpty() || target[0] != '/')
        return fail(400, QStringLiteral("the request target must be a path starting with \"/\""));
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e || c == '#')
            return fail(400, QStringLiteral("the request target contains a character that "
                                            "must be percent-encoded"));
    }
    m_current.method = method;
    m_current.target = target;
    const qsizetype question = target.indexOf('?');
    m_current.path = question < 0 ? target : target.left(question);
    m_current.query = question < 0 ? QByteArray() : target.mid(question + 1);
    m_current.versionMinor = version[7] - '0';
    m_state = Phase::Headers;
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::parseHeaderLine(const QByteArray &line)
{
    if (line[0] == ' ' || line[0] == '\t')
        return fail(400, QStringLiteral("folded header lines (obs-fold) are not accepted"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, QStringLiteral("a header line has no \"name:\""));
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return fail(400, QStringLiteral("a header name is not a valid token"));
    const QByteArray value = trimOws(line.mid(colon + 1));
    if (!isFieldValue(value))
        return fail(400, QStringLiteral("a header value contains control characters"));
    if (m_current.headers.size() >= m_limits.headerCount)
        return fail(
            431, QStringLiteral("the request has more than %1 headers").arg(m_limits.headerCount));
    m_current.headers.append({name, value});
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::headersDone()
{
    int hosts = 0;
    int lengths = 0;
    bool transferEncoding = false;
    QByteArray lengthValue;
    QByteArray expect;
    for (const auto &h : m_current.headers) {
        if (h.first.compare("Host", Qt::CaseInsensitive) == 0)
            ++hosts;
        else if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            ++lengths;
            lengthValue = h.second;
        } else if (h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
            transferEncoding = true;
        else if (h.first.compare("Expect", Qt::CaseInsensitive) == 0)
            expect = h.second;
    }
    if (m_current.versionMinor == 1 && hosts != 1)
        return fail(400, QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
    if (transferEncoding && lengths > 0)
        return fail(400, QStringLiteral("Content-Length and Transfer-Encoding together are "
                                        "refused"));
    if (transferEncoding)
        return fail(411, QStringLiteral("chunked or encoded request bodies are not supported; "
                                        "send the body with a Content-Length"));
    if (lengths > 1)
        return fail(400, QStringLiteral("more than one Content-Length header"));
    m_contentLength = 0;
    if (lengths == 1) {
        if (lengthValue.isEmpty())
            return fail(400, QStringLiteral("Content-Length is not a decimal number"));
        qint64 length = 0;
        for (const char c : lengthValue) {
            if (c < '0' || c > '9')
                return fail(400, QStringLiteral("Content-Length is not a decimal number"));
            length = length * 10 + (c - '0');
            if (length > m_limits.bodyBytes)
                return fail(413, QStringLiteral("the request body is larger than %1 bytes")
                                     .arg(m_limits.bodyBytes));
        }
        m_contentLength = length;
    }
    if (!expect.isNull()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
            return fail(417, QStringLiteral("only \"Expect: 100-continue\" is supported"));
        m_expectContinue = m_contentLength > 0 && bufferedBytes() < m_contentLength;
    }
    m_state = Phase::Body;
    return State::NeedMore;
}

} // namespace cv::control
