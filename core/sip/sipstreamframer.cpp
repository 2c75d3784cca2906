#include "sipstreamframer.h"

#include "sip/sipmessage.h"

namespace cv::sip {

namespace {

// How much may be buffered: one whole message plus what a single append may add beyond it.
constexpr qsizetype kMaxBuffer = 2 * SipMessage::kMaxMessageBytes;

bool looksLikeStartLine(const QByteArray &buffer, qsizetype at)
{
    const qsizetype end = buffer.indexOf('\n', at);
    if (end < 0)
        return false;
    QByteArray line = buffer.mid(at, end - at);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.startsWith("SIP/2.0 "))
        return true;
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[2] != "SIP/2.0" || parts[0].isEmpty())
        return false;
    return std::all_of(parts[0].begin(), parts[0].end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
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
    // A start line begins the buffer or follows a line break.
    for (qsizetype at = 0; at < m_buffer.size();) {
        if (looksLikeStartLine(m_buffer, at)) {
            discard(at);
            m_resync = false;
            return true;
        }
        const qsizetype lineEnd = m_buffer.indexOf('\n', at);
        if (lineEnd < 0) {
            discard(at); // keep the unfinished last line: it may become a start line
            if (m_buffer.size() > SipMessage::kMaxMessageBytes)
                discard(m_buffer.size());
            return false;
        }
        at = lineEnd + 1;
    }
    discard(m_buffer.size());
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

    const qsizetype crlf = m_buffer.indexOf("\r\n\r\n");
    const qsizetype lf = m_buffer.indexOf("\n\n");
    qsizetype headEnd = -1;
    qsizetype bodyStart = -1;
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        headEnd = crlf;
        bodyStart = crlf + 4;
    } else if (lf >= 0) {
        headEnd = lf;
        bodyStart = lf + 2;
    }
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
