#include "sipmessage.h"

#include "sip/headerboundary.h"

#include <QSet>

namespace cv::sip {

namespace {

QByteArray compactToFull(char c)
{
    switch (c) {
    case 'i':
        return "call-id";
    case 'f':
        return "from";
    case 't':
        return "to";
    case 'm':
        return "contact";
    case 'l':
        return "content-length";
    case 'c':
        return "content-type";
    case 'v':
        return "via";
    case 'k':
        return "supported";
    case 's':
        return "subject";
    case 'e':
        return "content-encoding";
    case 'o':
        return "event";
    case 'r':
        return "refer-to";
    case 'b':
        return "referred-by";
    case 'u':
        return "allow-events";
    case 'a':
        return "accept-contact";
    case 'j':
        return "reject-contact";
    case 'd':
        return "request-disposition";
    case 'x':
        return "session-expires";
    case 'y':
        return "identity";
    default:
        return {};
    }
}

// Headers whose grammar is a comma-separated list (RFC 3261 section 7.3.1 allows them on
// several lines or one); every other header keeps its commas (Date, WWW-Authenticate...).
bool isListHeader(const QByteArray &canonical)
{
    static const QSet<QByteArray> lists = {"via",
                                           "contact",
                                           "route",
                                           "record-route",
                                           "allow",
                                           "supported",
                                           "require",
                                           "proxy-require",
                                           "unsupported",
                                           "accept",
                                           "accept-encoding",
                                           "accept-language",
                                           "p-asserted-identity",
                                           "p-preferred-identity",
                                           "content-encoding",
                                           "allow-events",
                                           "path",
                                           "service-route",
                                           "in-reply-to",
                                           "alert-info",
                                           "call-info",
                                           "error-info",
                                           "history-info",
                                           "diversion",
                                           "reason",
                                           "p-associated-uri",
                                           "accept-contact",
                                           "reject-contact",
                                           "request-disposition",
                                           "security-client",
                                           "security-server",
                                           "security-verify"};
    return lists.contains(canonical);
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const auto u = uchar(c);
        if (u <= 0x20 || u >= 0x7F || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c)) {
            // RFC 3261 token: alphanumerics and -.!%*_+`'~
            return false;
        }
    }
    return true;
}

// Splits at commas outside quoted strings and <...>.
QList<QByteArray> splitList(const QByteArray &value)
{
    QList<QByteArray> parts;
    bool quoted = false;
    int angle = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '<') {
            ++angle;
        } else if (c == '>' && angle > 0) {
            --angle;
        } else if (c == ',' && angle == 0) {
            const QByteArray part = value.mid(start, i - start).trimmed();
            if (!part.isEmpty())
                parts.append(part);
            start = i + 1;
        }
    }
    const QByteArray last = value.mid(start).trimmed();
    if (!last.isEmpty())
        parts.append(last);
    return parts;
}

QByteArray unquote(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.size() < 2 || !t.startsWith('"') || !t.endsWith('"'))
        return t;
    QByteArray out;
    for (qsizetype i = 1; i + 1 < t.size(); ++i) {
        if (t[i] == '\\' && i + 2 < t.size())
            ++i;
        out.append(t[i]);
    }
    return out;
}

bool isDigits(const QByteArray &text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Error formatError(const QString &what)
{
    return makeError(ErrorCode::Format, QStringLiteral("Not a valid SIP message: %1").arg(what));
}

} // namespace

QByteArray SipMessage::canonicalName(const QByteArray &name)
{
    const QByteArray lower = name.trimmed().toLower();
    if (lower.size() == 1) {
        const QByteArray full = compactToFull(lower[0]);
        if (!full.isEmpty())
            return full;
    }
    return lower;
}

std::optional<SipMessage::NameAddr> SipMessage::parseNameAddr(const QByteArray &value)
{
    NameAddr result;
    const QByteArray v = value.trimmed();
    // Find '<' outside a quoted display name.
    qsizetype open = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (quoted) {
            if (v[i] == '\\')
                ++i;
            else if (v[i] == '"')
                quoted = false;
        } else if (v[i] == '"') {
            quoted = true;
        } else if (v[i] == '<') {
            open = i;
            break;
        }
    }
    QByteArray params;
    if (open >= 0) {
        const qsizetype close = v.indexOf('>', open);
        if (close < 0)
            return std::nullopt;
        result.displayName = unquote(v.left(open));
        result.uri = v.mid(open + 1, close - open - 1).trimmed();
        params = v.mid(close + 1);
    } else {
        if (quoted)
            return std::nullopt;
        // addr-spec: the parameters after the URI belong to the header (RFC 3261 20.10).
        const qsizetype semi = v.indexOf(';');
        result.uri = semi < 0 ? v : v.left(semi).trimmed();
        params = semi < 0 ? QByteArray() : v.mid(semi);
    }
    if (result.uri.isEmpty() || result.uri.contains(' '))
        return std::nullopt;
    for (const QByteArray &param : params.split(';')) {
        const qsizetype eq = param.indexOf('=');
        if (eq > 0 && param.left(eq).trimmed().toLower() == "tag")
            result.tag = param.mid(eq + 1).trimmed();
    }
    const qsizetype colon = result.uri.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    const QByteArray scheme = result.uri.left(colon).toLower();
    const QByteArray rest = result.uri.mid(colon + 1);
    if (scheme == "sip" || scheme == "sips") {
        qsizetype end = rest.indexOf('?');
        const QByteArray beforeHeaders = end < 0 ? rest : rest.left(end);
        const qsizetype at = beforeHeaders.lastIndexOf('@');
        QByteArray hostport = beforeHeaders;
        if (at >= 0) {
            QByteArray userinfo = beforeHeaders.left(at);
            const qsizetype pw = userinfo.indexOf(':');
            if (pw >= 0)
                userinfo.truncate(pw);
            result.user = QByteArray::fromPercentEncoding(userinfo);
            hostport = beforeHeaders.mid(at + 1);
        }
        end = hostport.indexOf(';');
        if (end >= 0)
            hostport.truncate(end);
        if (hostport.startsWith('[')) {
            const qsizetype bracket = hostport.indexOf(']');
            if (bracket < 0)
                return std::nullopt;
            result.host = hostport.mid(1, bracket - 1);
        } else {
            const qsizetype port = hostport.indexOf(':');
            result.host = port < 0 ? hostport : hostport.left(port);
        }
        if (result.host.isEmpty())
            return std::nullopt;
    } else if (scheme == "tel") {
        const qsizetype semi = rest.indexOf(';');
        result.user = QByteArray::fromPercentEncoding(semi < 0 ? rest : rest.left(semi));
        if (result.user.isEmpty())
            return std::nullopt;
    }
    return result;
}

Result<void> SipMessage::parseStartLine(SipMessage &message, const QByteArray &line)
{
    if (line.startsWith("SIP/2.0 ") || line.startsWith("sip/2.0 ")) {
        const QByteArray rest = line.mid(8);
        const QByteArray code = rest.left(3);
        if (!isDigits(code) || (rest.size() > 3 && rest[3] != ' '))
            return formatError(QStringLiteral("the status line has no three-digit status code"));
        message.m_statusCode = code.toInt();
        if (message.m_statusCode < 100 || message.m_statusCode > 699)
            return formatError(
                QStringLiteral("status code %1 is out of range").arg(message.m_statusCode));
        message.m_reason = rest.mid(4).trimmed();
        message.m_isRequest = false;
        return {};
    }
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() ||
        parts[2].toUpper() != "SIP/2.0") {
        return formatError(QStringLiteral("the first line is neither a SIP/2.0 request line nor a "
                                          "status line"));
    }
    message.m_isRequest = true;
    message.m_method = parts[0];
    message.m_requestUri = parts[1];
    return {};
}

Result<SipMessage> SipMessage::parse(const QByteArray &bytes)
{
    if (bytes.size() > kMaxMessageBytes) {
        return formatError(QStringLiteral("%1 bytes is over the limit of %2 bytes")
                               .arg(bytes.size())
                               .arg(kMaxMessageBytes));
    }
    qsizetype start = 0;
    while (start < bytes.size() && (bytes[start] == '\r' || bytes[start] == '\n'))
        ++start;
    if (start >= bytes.size())
        return formatError(QStringLiteral("the message is empty"));
    const HeaderBoundary boundary = HeaderBoundary::find(bytes, start);
    // No blank line: a message of headers only, its end the end of the datagram.
    const qsizetype headEnd = boundary.headEnd >= 0 ? boundary.headEnd : bytes.size();
    const qsizetype bodyStart = boundary.bodyStart >= 0 ? boundary.bodyStart : bytes.size();
    SipMessage message;
    const QList<QByteArray> lines = bytes.mid(start, headEnd - start).split('\n');
    bool first = true;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            auto ok = parseStartLine(message, line);
            if (!ok)
                return ok.error();
            first = false;
            continue;
        }
        if (line.contains('\r') || line.contains('\0'))
            return formatError(QStringLiteral("a header line contains a control character"));
        if (line.startsWith(' ') || line.startsWith('\t')) {
            // A folded line continues the header before it (RFC 3261 section 7.3.1).
            if (message.m_headers.isEmpty())
                return formatError(QStringLiteral("a continuation line comes before any header"));
            Header &last = message.m_headers.last();
            last.value = QByteArray(last.value + ' ' + line.trimmed()).trimmed();
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).trimmed() : QByteArray();
        if (!isToken(name))
            return formatError(QStringLiteral("a header line has no valid name"));
        if (message.m_headers.size() >= kMaxHeaders)
            return formatError(QStringLiteral("more than %1 header lines").arg(kMaxHeaders));
        message.m_headers.append({name, line.mid(colon + 1).trimmed()});
    }
    if (message.callId().isEmpty())
        return formatError(QStringLiteral("the Call-ID header is missing"));
    const QList<QByteArray> cseq = message.header("cseq").simplified().split(' ');
    bool numberOk = false;
    const qulonglong number = cseq.value(0).toULongLong(&numberOk);
    if (cseq.size() != 2 || !numberOk || !isDigits(cseq[0]) || number > 0x7FFFFFFFu ||
        !isToken(cseq[1]))
        return formatError(QStringLiteral("the CSeq header is missing or not \"number METHOD\""));
    message.m_cseq = {quint32(number), cseq[1]};
    if (!parseNameAddr(message.header("from")))
        return formatError(QStringLiteral("the From header is missing or not a SIP address"));
    if (!parseNameAddr(message.header("to")))
        return formatError(QStringLiteral("the To header is missing or not a SIP address"));

    QByteArray body = bytes.mid(bodyStart);
    const QList<QByteArray> lengths = message.headerValues("content-length");
    if (!lengths.isEmpty()) {
        for (const QByteArray &length : lengths) {
            if (!isDigits(length) || length.size() > 6 || length != lengths.first())
                return formatError(QStringLiteral("the Content-Length header is not one number"));
        }
        const int declared = lengths.first().toInt();
        if (declared > body.size()) {
            return formatError(QStringLiteral("the body is shorter (%1 bytes) than its "
                                              "Content-Length (%2): the message was cut")
                                   .arg(body.size())
                                   .arg(declared));
        }
        body.truncate(declared); // anything after it is not this message's
    }
    message.m_body = body;
    return message;
}

SipMessage SipMessage::request(const QByteArray &method, const QByteArray &requestUri)
{
    SipMessage message;
    message.m_isRequest = true;
    message.m_method = method;
    message.m_requestUri = requestUri;
    return message;
}

SipMessage SipMessage::response(const SipMessage &request, int code, const QByteArray &reason,
                                const QByteArray &toTag)
{
    SipMessage message;
    message.m_isRequest = false;
    message.m_statusCode = code;
    message.m_reason = reason;
    const bool dialog = code > 100 && code < 300;
    for (const Header &h : request.m_headers) {
        const QByteArray name = canonicalName(h.name);
        if (name == "via" || name == "from" || name == "call-id" || name == "cseq" ||
            (dialog && name == "record-route")) {
            message.m_headers.append(h);
        } else if (name == "to") {
            Header to = h;
            auto parsed = parseNameAddr(h.value);
            if (!toTag.isEmpty() && code > 100 && parsed && parsed->tag.isEmpty())
                to.value += ";tag=" + toTag;
            message.m_headers.append(to);
        }
    }
    message.m_cseq = request.m_cseq;
    return message;
}

QByteArray SipMessage::header(const QByteArray &name) const
{
    const QByteArray wanted = canonicalName(name);
    for (const Header &h : m_headers) {
        if (canonicalName(h.name) == wanted)
            return isListHeader(wanted) ? splitList(h.value).value(0) : h.value;
    }
    return {};
}

QList<QByteArray> SipMessage::headerValues(const QByteArray &name) const
{
    const QByteArray wanted = canonicalName(name);
    const bool list = isListHeader(wanted);
    QList<QByteArray> values;
    for (const Header &h : m_headers) {
        if (canonicalName(h.name) != wanted)
            continue;
        if (list)
            values += splitList(h.value);
        else
            values.append(h.value);
    }
    return values;
}

bool SipMessage::hasHeader(const QByteArray &name) const
{
    const QByteArray wanted = canonicalName(name);
    return std::any_of(m_headers.begin(), m_headers.end(),
                       [&](const Header &h) { return canonicalName(h.name) == wanted; });
}

SipMessage::NameAddr SipMessage::from() const
{
    return parseNameAddr(header("from")).value_or(NameAddr{});
}

SipMessage::NameAddr SipMessage::to() const
{
    return parseNameAddr(header("to")).value_or(NameAddr{});
}

QList<SipMessage::NameAddr> SipMessage::pAssertedIdentities() const
{
    QList<NameAddr> identities;
    for (const QByteArray &value : headerValues("p-asserted-identity")) {
        if (auto parsed = parseNameAddr(value))
            identities.append(*parsed);
    }
    return identities;
}

std::optional<SipMessage::NameAddr> SipMessage::pAssertedIdentity() const
{
    const QList<NameAddr> identities = pAssertedIdentities();
    if (identities.isEmpty())
        return std::nullopt;
    return identities.first();
}

QByteArray SipMessage::mediaType() const
{
    const QByteArray type = contentType();
    const qsizetype semi = type.indexOf(';');
    return (semi < 0 ? type : type.left(semi)).trimmed().toLower();
}

void SipMessage::removeHeader(const QByteArray &name)
{
    const QByteArray wanted = canonicalName(name);
    m_headers.removeIf([&](const Header &h) { return canonicalName(h.name) == wanted; });
}

void SipMessage::setHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray wanted = canonicalName(name);
    for (qsizetype i = 0; i < m_headers.size(); ++i) {
        if (canonicalName(m_headers[i].name) == wanted) {
            m_headers[i] = {name, value};
            m_headers.erase(
                std::remove_if(m_headers.begin() + i + 1, m_headers.end(),
                               [&](const Header &h) { return canonicalName(h.name) == wanted; }),
                m_headers.end());
            return;
        }
    }
    m_headers.append({name, value});
}

void SipMessage::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

void SipMessage::setBody(const QByteArray &body, const QByteArray &contentType)
{
    m_body = body;
    if (contentType.isEmpty())
        removeHeader("content-type");
    else
        setHeader("Content-Type", contentType);
}

QByteArray SipMessage::serialize() const
{
    QByteArray out;
    out.reserve(512 + m_body.size());
    if (m_isRequest)
        out += m_method + ' ' + m_requestUri + " SIP/2.0\r\n";
    else
        out += "SIP/2.0 " + QByteArray::number(m_statusCode) + ' ' + m_reason + "\r\n";
    for (const Header &h : m_headers) {
        if (canonicalName(h.name) == "content-length")
            continue;
        // A built value must not smuggle in a header or a body: line breaks become spaces.
        QByteArray value = h.value;
        value.replace('\r', ' ').replace('\n', ' ');
        out += h.name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n";
    out += m_body;
    return out;
}

} // namespace cv::sip
