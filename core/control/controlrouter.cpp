#include "controlrouter.h"

#include "crypto/cryptoutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace cv::control {

struct ControlRouter::Fields
{
    // In arrival order: query first, then the body; a later value of a key wins.
    QVector<QPair<QString, QJsonValue>> entries;
};

namespace {

const QByteArray kRealm = "Bearer realm=\"callvault-recorder\"";

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// Percent-decoding of one path segment or query component. '+' is a space only in the
// query (form encoding); "%2F" in a path segment stays inside that segment, so Call-IDs
// with '/' can be addressed. Invalid UTF-8 is refused rather than replaced.
std::optional<QString> decodeComponent(const QByteArray &raw, bool plusIsSpace)
{
    QByteArray bytes = raw;
    if (plusIsSpace)
        bytes.replace('+', ' ');
    const QByteArray decoded = QByteArray::fromPercentEncoding(bytes);
    const QString text = QString::fromUtf8(decoded);
    if (text.toUtf8() != decoded)
        return std::nullopt;
    return text;
}

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(400, "bad_request", message);
}

HttpResponse methodNotAllowed(const QByteArray &method, const QByteArray &allowed)
{
    HttpResponse r = HttpResponse::error(
        405, "method_not_allowed",
        QStringLiteral("%1 is not allowed here; use %2")
            .arg(QString::fromLatin1(method.left(32)), QString::fromLatin1(allowed)));
    r.withHeader("Allow", allowed);
    return r;
}

std::optional<QPair<quint16, quint16>> parsePortPair(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return std::nullopt;
    quint16 ports[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QString &p = parts[i];
        if (p.isEmpty() || p.size() > 5)
            return std::nullopt;
        for (const QChar c : p) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
        const int value = p.toInt();
        if (value < 1 || value > 65535)
            return std::nullopt;
        ports[i] = quint16(value);
    }
    if (ports[0] == ports[1])
        return std::nullopt;
    return QPair<quint16, quint16>(ports[0], ports[1]);
}

// key=value pairs of a query string or form body.
Result<void> appendForm(const QByteArray &form, QVector<QPair<QString, QJsonValue>> &out)
{
    if (form.isEmpty())
        return {};
    for (const QByteArray &pair : form.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const auto key = decodeComponent(eq < 0 ? pair : pair.left(eq), true);
        const auto value = decodeComponent(eq < 0 ? QByteArray() : pair.mid(eq + 1), true);
        if (!key || !value)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a query or form parameter is not valid UTF-8"));
        out.append({*key, QJsonValue(*value)});
    }
    return {};
}

// Tags from {"tags": [...]}, tags=a,b or repeated tag=a.
Result<QStringList> collectTags(const QVector<QPair<QString, QJsonValue>> &entries)
{
    QStringList tags;
    for (const auto &[key, value] : entries) {
        if (key == QLatin1String("tags") && value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue v : array) {
                if (!v.isString())
                    return makeError(ErrorCode::InvalidArgument,
                                     QStringLiteral("\"tags\" must be an array of strings"));
                tags.append(v.toString());
            }
        } else if (key == QLatin1String("tags") && value.isString()) {
            tags += value.toString().split(QLatin1Char(','));
        } else if (key == QLatin1String("tag") && value.isString()) {
            tags.append(value.toString());
        } else if (key == QLatin1String("tags") || key == QLatin1String("tag")) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"tags\" must be an array of strings"));
        } else {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown field \"%1\"; this request takes \"tags\"")
                                 .arg(key.left(64)));
        }
    }
    QStringList cleaned;
    for (const QString &raw : std::as_const(tags)) {
        const QString tag = raw.trimmed();
        if (tag.isEmpty() || tag.size() > ControlRouter::kMaxTagLength || hasControlCharacters(tag))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a tag must have 1 to %1 characters and no control "
                                            "characters")
                                 .arg(ControlRouter::kMaxTagLength));
        if (!cleaned.contains(tag))
            cleaned.append(tag);
    }
    if (cleaned.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("no tags given; send {\"tags\": [\"...\"]}"));
    if (cleaned.size() > ControlRouter::kMaxTags)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("at most %1 tags per request").arg(ControlRouter::kMaxTags));
    return cleaned;
}

Result<QJsonObject> collectMetadata(const QVector<QPair<QString, QJsonValue>> &entries)
{
    static const QStringList allowed = {QStringLiteral("agent_id"),
                                        QStringLiteral("customer_number"),
                                        QStringLiteral("crm_ticket_id")};
    QJsonObject fields;
    for (const auto &[key, value] : entries) {
        if (!allowed.contains(key))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown field \"%1\"; metadata fields are agent_id, "
                                            "customer_number and crm_ticket_id")
                                 .arg(key.left(64)));
        if (!value.isString())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("field \"%1\" must be a string (quote numbers so that "
                                            "leading zeros and '+' are kept)")
                                 .arg(key));
        const QString text = value.toString().trimmed();
        if (text.size() > ControlRouter::kMaxMetadataLength || hasControlCharacters(text))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("field \"%1\" must have at most %2 characters and no "
                                            "control characters")
                                 .arg(key)
                                 .arg(ControlRouter::kMaxMetadataLength));
        fields.insert(key, text);
    }
    if (fields.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("no metadata given; send agent_id, customer_number or "
                                        "crm_ticket_id"));
    return fields;
}

} // namespace

ControlRouter::ControlRouter(CallControl &control, MetricsRegistry &metrics, Options options)
    : m_control(control), m_metrics(metrics), m_options(std::move(options))
{
}

int ControlRouter::statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return 200;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::InvalidArgument:
    case ErrorCode::Format:
    case ErrorCode::Unsupported:
        return 400;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::DiskFull:
        return 507;
    case ErrorCode::Cancelled:
        return 503;
    default:
        return 500;
    }
}

QByteArray ControlRouter::errorWordFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::InvalidArgument:
    case ErrorCode::Format:
        return "invalid_argument";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::PermissionDenied:
        return "forbidden";
    case ErrorCode::DiskFull:
        return "disk_full";
    case ErrorCode::Cancelled:
        return "unavailable";
    default:
        return "internal";
    }
}

HttpResponse ControlRouter::fromResult(const Result<CallInfo> &result)
{
    if (!result) {
        const Error &e = result.error();
        return HttpResponse::error(statusFor(e.code), errorWordFor(e.code), e.message);
    }
    QJsonObject o;
    o.insert(QStringLiteral("call"), result->toJson());
    return HttpResponse::json(200, o);
}

ControlRouter::Outcome ControlRouter::handle(HttpRequest &request, const QHostAddress &peer)
{
    Outcome outcome;
    outcome.tokenName = QStringLiteral("-");

    // The token is checked (and its copy in the request scrubbed) before anything else, but
    // a refusal for a token in the URL comes first: tokens in URLs end up in proxy logs,
    // shell history and PBX logs, so that habit must never work, even beside a valid header.
    const bool openMetrics =
        m_options.metricsWithoutToken && request.path == "/metrics" && peer.isLoopback();
    BearerTokens::Check check{BearerTokens::Outcome::Accepted, QStringLiteral("(loopback)")};
    if (!openMetrics) {
        QByteArray *authorization = nullptr;
        for (auto &header : request.headers) {
            if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0) {
                authorization = &header.second;
                break;
            }
        }
        check = m_options.tokens.authenticate(authorization ? *authorization : QByteArray());
        if (authorization)
            crypto::secureZero(*authorization);
    }

    Fields query;
    if (auto r = appendForm(request.query, query.entries); !r) {
        outcome.response = badRequest(r.errorMessage());
        return outcome;
    }
    for (const auto &entry : std::as_const(query.entries)) {
        if (entry.first == QLatin1String("token") || entry.first == QLatin1String("access_token")) {
            outcome.response = badRequest(
                QStringLiteral("tokens in the URL are refused (they leak into logs); send the "
                               "header \"Authorization: Bearer <token>\""));
            return outcome;
        }
    }

    if (check.outcome != BearerTokens::Outcome::Accepted) {
        QString message;
        QByteArray challenge = kRealm;
        switch (check.outcome) {
        case BearerTokens::Outcome::Missing:
            message = QStringLiteral("this API needs the header \"Authorization: Bearer <token>\"");
            break;
        case BearerTokens::Outcome::Malformed:
            message = QStringLiteral("the Authorization header is not \"Bearer <token>\"");
            challenge += ", error=\"invalid_request\"";
            break;
        default:
            message = QStringLiteral("the bearer token is not valid");
            challenge += ", error=\"invalid_token\"";
            break;
        }
        outcome.response = HttpResponse::error(401, "unauthorized", message);
        outcome.response.withHeader("WWW-Authenticate", challenge);
        outcome.tokenName = check.outcome == BearerTokens::Outcome::Missing
                                ? QStringLiteral("(none)")
                                : QStringLiteral("(rejected)");
        return outcome;
    }
    outcome.tokenName = check.name;

    QList<QByteArray> segments = request.path.split('/');
    segments.removeFirst(); // the path starts with '/'
    outcome.response = route(request, segments, query);
    return outcome;
}

HttpResponse ControlRouter::route(const HttpRequest &request, const QList<QByteArray> &segments,
                                  const Fields &query)
{
    const QByteArray &method = request.method;
    const auto notFound = [&] {
        return HttpResponse::error(404, "not_found",
                                   QStringLiteral("there is no API route %1; the routes are listed "
                                                  "in docs/recorder-protocols.md")
                                       .arg(QString::fromLatin1(request.path.left(200))));
    };

    if (segments.size() == 1 && segments[0] == "metrics") {
        if (method != "GET")
            return methodNotAllowed(method, "GET");
        HttpResponse r;
        r.contentType = MetricsRegistry::kContentType;
        r.body = m_metrics.exposition();
        return r;
    }
    if (segments.size() < 3 || segments[0] != "api" || segments[1] != "v1")
        return notFound();

    const QByteArray &collection = segments[2];
    if (segments.size() == 3 && collection == "status") {
        if (method != "GET")
            return methodNotAllowed(method, "GET");
        return HttpResponse::json(200, m_control.status());
    }
    if (segments.size() == 3 && collection == "calls") {
        if (method != "GET")
            return methodNotAllowed(method, "GET");
        QJsonArray list;
        for (const CallInfo &info : m_control.calls())
            list.append(info.toJson());
        QJsonObject o;
        o.insert(QStringLiteral("calls"), list);
        return HttpResponse::json(200, o);
    }
    if ((collection != "calls" && collection != "ports") || segments.size() > 5 ||
        segments.size() < 4 || segments[3].isEmpty())
        return notFound();

    static const QList<QByteArray> verbs = {"start", "stop", "pause", "resume", "tags", "metadata"};
    if (segments.size() == 5 && !verbs.contains(segments[4]))
        return notFound();

    // The call: a percent-decoded Call-ID or a port pair.
    CallSelector call;
    const auto decoded = decodeComponent(segments[3], false);
    if (!decoded || decoded->isEmpty() || hasControlCharacters(*decoded))
        return badRequest(QStringLiteral("the Call-ID in the path is not valid percent-encoded "
                                         "UTF-8 without control characters"));
    if (collection == "calls") {
        call = CallSelector::byCallId(*decoded);
    } else {
        const auto ports = parsePortPair(*decoded);
        if (!ports)
            return badRequest(QStringLiteral("a port pair is two different ports 1-65535 joined by "
                                             "'-', e.g. /api/v1/ports/10000-10002/start"));
        call = CallSelector::byPorts(ports->first, ports->second);
    }

    if (segments.size() == 4) {
        if (method != "GET")
            return methodNotAllowed(method, "GET");
        return fromResult(m_control.find(call));
    }
    if (method != "POST")
        return methodNotAllowed(method, "POST");

    // Arguments: the query, then the body (JSON object or form), later values win.
    Fields fields = query;
    if (!request.body.isEmpty()) {
        const QByteArray type =
            request.header("Content-Type").split(';').first().trimmed().toLower();
        if (type.isEmpty() || type == "application/json") {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
            if (error.error != QJsonParseError::NoError)
                return badRequest(QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                      .arg(error.errorString())
                                      .arg(error.offset));
            if (!document.isObject())
                return badRequest(QStringLiteral("the body must be a JSON object"));
            const QJsonObject object = document.object();
            for (auto it = object.begin(); it != object.end(); ++it)
                fields.entries.append({it.key(), it.value()});
        } else if (type == "application/x-www-form-urlencoded") {
            if (auto r = appendForm(request.body, fields.entries); !r)
                return badRequest(r.errorMessage());
        } else {
            return HttpResponse::error(415, "unsupported_media_type",
                                       QStringLiteral("send the body as application/json or "
                                                      "application/x-www-form-urlencoded"));
        }
    }
    return callAction(segments[4], call, fields);
}

HttpResponse ControlRouter::callAction(const QByteArray &verb, const CallSelector &call,
                                       const Fields &fields)
{
    if (verb == "tags") {
        const auto tags = collectTags(fields.entries);
        if (!tags)
            return badRequest(tags.errorMessage());
        return fromResult(m_control.tag(call, tags.value()));
    }
    if (verb == "metadata") {
        const auto metadata = collectMetadata(fields.entries);
        if (!metadata)
            return badRequest(metadata.errorMessage());
        return fromResult(m_control.attachMetadata(call, metadata.value()));
    }
    // start/stop/pause/resume take no arguments: a field is most likely a mistake.
    if (!fields.entries.isEmpty())
        return badRequest(
            QStringLiteral("%1 takes no fields, but \"%2\" was given")
                .arg(QString::fromLatin1(verb), fields.entries.first().first.left(64)));
    if (verb == "start")
        return fromResult(m_control.start(call));
    if (verb == "stop")
        return fromResult(m_control.stop(call));
    if (verb == "pause")
        return fromResult(m_control.pause(call));
    return fromResult(m_control.resume(call));
}

} // namespace cv::control
