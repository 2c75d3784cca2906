#include "sipstreamframer.h"

#include "sip/headerboundary.h"
#include "sip/sipmessage.h"

namespace cv::sip {

namespace {

// How much may be buffered: one whole message plus what a single append may add beyond it.
constexpr qsizetype kMaxBuffer = 2 * SipMessage::kMaxMessageBytes;

bool isMethodChar(char c)
{
    return (c >= 'A' && c <= 'Z') || c == '-';
}

// Where a SIP start line begins in `buffer`, searching from `from`; -1 if none is visible
// yet. After lost bytes the next message may begin anywhere, even mid-line (right after
// the body of the message before it), so this looks for the version string and walks back:
// "SIP/2.0 123 " starts a status line; "METHOD SP uri SP SIP/2.0" CRLF a request line.
qsizetype findStartLine(const QByteArray &buffer, qsizetype from)
{
    for (qsizetype at = buffer.indexOf("SIP/2.0", from); at >= 0;
         at = buffer.indexOf("SIP/2.0", at + 1)) {
        const qsizetype after = at + 7;
        if (after + 5 <= buffer.size() && buffer[after] == ' ' &&
            std::all_of(buffer.begin() + after + 1, buffer.begin() + after + 4,
                        [](char c) { return c >= '0' && c <= '9'; }) &&
            (buffer[after + 4] == ' ' || buffer[after + 4] == '\r')) {
            return at;
        }
        if (after < buffer.size() && (buffer[after] == '\r' || buffer[after] == '\n') && at >= 2 &&
            buffer[at - 1] == ' ') {
            qsizetype uriStart = at - 1;
            while (uriStart > 0 && buffer[uriStart - 1] != ' ' && buffer[uriStart - 1] != '\n' &&
                   buffer[uriStart - 1] != '\r')
                --uriStart;
            if (uriStart == at - 1 || uriStart < 2 || buffer[uriStart - 1] != ' ')
                continue;
            qsizetype methodStart = uriStart - 1;
            while (methodStart > 0 && isMethodChar(buffer[methodStart - 1]))
                --methodStart;
            if (methodStart < uriStart - 1)
                return methodStart;
        }
    }
    return -1;
}

} // namespace

void SipStreamFramer::append(const QByteArray &bytes)
{
    m_buffer.append(bytes);
}

void SipStreamFramer::reset()
{
    discard(m_buffer.size());
    m_resync = true;
}

void SipStreamFramer::discard(qsizetype bytes)
{
    m_discarded += quint64(bytes);
    m_buffer.remove(0, bytes);
}

bool SipStreamFramer::resynchronise()
{
    const qsizetype at = findStartLine(m_buffer, 0);
    if (at >= 0) {
        discard(at);
        m_resync = false;
        return true;
    }
    // Keep a tail that may hold the beginning of a start line still arriving (a method, a
    // request URI and the version fit in a few hundred bytes; longer URIs are rare).
    constexpr qsizetype kKeep = 1024;
    if (m_buffer.size() > kKeep)
        discard(m_buffer.size() - kKeep);
    return false;
}

Result<std::optional<QByteArray>> SipStreamFramer::next()
{
    if (m_resync && !resynchronise())
        return std::optional<QByteArray>();
    qsizetype start = 0;
    while (start < m_buffer.size() && (m_buffer[start] == '\r' || m_buffer[start] == '\n'))
        ++start;
    if (start > 0)
        m_buffer.remove(0, start); // keep-alives, not counted as discarded
    if (m_buffer.isEmpty())
        return std::optional<QByteArray>();

    const HeaderBoundary boundary = HeaderBoundary::find(m_buffer);
    const qsizetype headEnd = boundary.headEnd;
    const qsizetype bodyStart = boundary.bodyStart;
    if (headEnd < 0 || headEnd > SipMessage::kMaxMessageBytes) {
        if (m_buffer.size() <= SipMessage::kMaxMessageBytes && headEnd < 0)
            return std::optional<QByteArray>(); // the headers are not complete yet
        discard(m_buffer.size());
        m_resync = true;
        return makeError(ErrorCode::Format,
                         QStringLiteral("A SIP message on a TCP stream has a header block over %1 "
                                        "bytes; the stream's buffered bytes were discarded")
                             .arg(SipMessage::kMaxMessageBytes));
    }
    // Content-Length (or its compact form l) among the header lines, folded lines ignored.
    qint64 contentLength = 0;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (SipMessage::canonicalName(line.left(colon)) != "content-length")
            continue;
        const QByteArray value = line.mid(colon + 1).trimmed();
        bool ok = false;
        contentLength = value.toLongLong(&ok);
        if (!ok || contentLength < 0 || value.size() > 9) {
            discard(bodyStart);
            m_resync = true;
            return makeError(ErrorCode::Format,
                             QStringLiteral("A SIP message on a TCP stream has an invalid "
                                            "Content-Length; it was discarded"));
        }
        break;
    }
    if (bodyStart + contentLength > SipMessage::kMaxMessageBytes) {
        discard(m_buffer.size());
        m_resync = true;
        return makeError(ErrorCode::Format,
                         QStringLiteral("A SIP message on a TCP stream is larger (%1 bytes) than "
                                        "the limit of %2 bytes; the stream's buffered bytes were "
                                        "discarded")
                             .arg(bodyStart + contentLength)
                             .arg(SipMessage::kMaxMessageBytes));
    }
    if (m_buffer.size() < bodyStart + contentLength) {
        if (m_buffer.size() > kMaxBuffer) { // cannot happen with the check above; belt and braces
            discard(m_buffer.size());
            m_resync = true;
        }
        return std::optional<QByteArray>();
    }
    const qsizetype total = bodyStart + qsizetype(contentLength);
    QByteArray message = m_buffer.left(total);
    m_buffer.remove(0, total);
    return std::optional<QByteArray>(std::move(message));
}

} // namespace cv::sip
