#include "multipartbody.h"

#include "sip/headerboundary.h"

namespace cv::sip {

namespace {

Error multipartError(const QString &what)
{
    return makeError(ErrorCode::Format, QStringLiteral("Not a valid multipart body: %1").arg(what));
}

QByteArray mediaTypeOf(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

// Where a delimiter line "--boundary" starts at or after `from`: at the start of the body or
// right after a line break, as RFC 2046 requires (a boundary inside a line is content).
qsizetype findDelimiter(const QByteArray &body, const QByteArray &dashBoundary, qsizetype from)
{
    for (qsizetype at = body.indexOf(dashBoundary, from); at >= 0;
         at = body.indexOf(dashBoundary, at + 1)) {
        if (at == 0 || body[at - 1] == '\n')
            return at;
    }
    return -1;
}

} // namespace

QByteArray MultipartBody::Part::mediaType() const
{
    return mediaTypeOf(contentType);
}

QByteArray MultipartBody::boundary(const QByteArray &contentType)
{
    const QList<QByteArray> params = contentType.split(';');
    for (qsizetype i = 1; i < params.size(); ++i) {
        const QByteArray param = params[i].trimmed();
        const qsizetype eq = param.indexOf('=');
        if (eq <= 0 || param.left(eq).trimmed().toLower() != "boundary")
            continue;
        QByteArray value = param.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

const MultipartBody::Part *MultipartBody::find(const QList<Part> &parts,
                                               const QByteArray &mediaType)
{
    const QByteArray wanted = mediaType.toLower();
    for (const Part &part : parts) {
        if (part.mediaType() == wanted)
            return &part;
    }
    return nullptr;
}

Result<QList<MultipartBody::Part>> MultipartBody::parse(const QByteArray &contentType,
                                                        const QByteArray &body)
{
    if (!mediaTypeOf(contentType).startsWith("multipart/"))
        return multipartError(QStringLiteral("the Content-Type is not multipart/*"));
    const QByteArray b = boundary(contentType);
    // RFC 2046: 1 to 70 characters; a boundary of quotes or spaces only would match anything.
    if (b.isEmpty() || b.size() > 70 || b.trimmed().isEmpty())
        return multipartError(QStringLiteral("the Content-Type has no valid boundary parameter"));
    const QByteArray dashBoundary = "--" + b;

    qsizetype at = findDelimiter(body, dashBoundary, 0);
    if (at < 0)
        return multipartError(QStringLiteral("the boundary never occurs in the body"));
    QList<Part> parts;
    for (;;) {
        qsizetype lineEnd = body.indexOf('\n', at);
        const qsizetype afterBoundary = at + dashBoundary.size();
        if (body.mid(afterBoundary, 2) == "--")
            break; // close delimiter: the epilogue is ignored
        if (lineEnd < 0)
            break; // a delimiter with nothing after it: treat as the end (common in practice)
        const qsizetype partStart = lineEnd + 1;
        const qsizetype nextDelimiter = findDelimiter(body, dashBoundary, partStart);
        // No close delimiter: the last part runs to the end of the body (tolerated: several
        // SBCs omit it), but a part must exist.
        qsizetype partEnd = nextDelimiter < 0 ? body.size() : nextDelimiter;
        // The line break before a delimiter belongs to the delimiter.
        if (nextDelimiter >= 0) {
            if (partEnd > partStart && body[partEnd - 1] == '\n')
                --partEnd;
            if (partEnd > partStart && body[partEnd - 1] == '\r')
                --partEnd;
        }
        if (parts.size() >= kMaxParts)
            return multipartError(QStringLiteral("more than %1 parts").arg(kMaxParts));
        const QByteArray raw = body.mid(partStart, partEnd - partStart);
        Part part;
        qsizetype headEnd = -1;
        qsizetype bodyStart = 0;
        if (raw.startsWith("\r\n")) {
            bodyStart = 2; // no headers: text/plain by default (RFC 2046)
        } else if (raw.startsWith('\n')) {
            bodyStart = 1;
        } else {
            const HeaderBoundary boundary = HeaderBoundary::find(raw);
            if (boundary.headEnd < 0)
                return multipartError(QStringLiteral("part %1 has no blank line after its headers")
                                          .arg(parts.size() + 1));
            headEnd = boundary.headEnd;
            bodyStart = boundary.bodyStart;
        }
        if (headEnd > 0) {
            QByteArray lastName;
            for (QByteArray line : raw.left(headEnd).split('\n')) {
                if (line.endsWith('\r'))
                    line.chop(1);
                if ((line.startsWith(' ') || line.startsWith('\t')) && !lastName.isEmpty()) {
                    part.headers[lastName] += ' ' + line.trimmed();
                    continue;
                }
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    return multipartError(QStringLiteral("part %1 has a header line without a name")
                                              .arg(parts.size() + 1));
                lastName = line.left(colon).trimmed().toLower();
                part.headers.insert(lastName, line.mid(colon + 1).trimmed());
            }
        }
        part.contentType = part.headers.value("content-type");
        part.body = raw.mid(bodyStart);
        parts.append(part);
        if (nextDelimiter < 0)
            break;
        at = nextDelimiter;
    }
    if (parts.isEmpty())
        return multipartError(QStringLiteral("it has no parts"));
    return parts;
}

} // namespace cv::sip
