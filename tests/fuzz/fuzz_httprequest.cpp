// Fuzz target: the control API's HTTP/1.1 request parser (control/httprequestparser.h) and,
// for every request it completes, the router (URL decoding, query/form/JSON arguments,
// token check). Both read bytes from anyone who can reach the recorder's port.
// Checks: no crash; the same requests and the same error come out whether the bytes arrive
// at once, byte by byte or in 7-byte pieces; every limit holds; every answer is a valid
// status, and every error answer is the documented JSON.

#include "control/bearertokens.h"
#include "control/callcontrol.h"
#include "control/controlrouter.h"
#include "control/httprequestparser.h"
#include "control/metricsregistry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

using namespace cv;
using namespace cv::control;

namespace {

// Every call exists and every action succeeds, so fuzzed requests reach the deepest paths.
class AcceptingControl final : public CallControl
{
public:
    Result<CallInfo> start(const CallSelector &c) override { return info(c); }
    Result<CallInfo> stop(const CallSelector &c) override { return info(c); }
    Result<CallInfo> pause(const CallSelector &c) override { return info(c); }
    Result<CallInfo> resume(const CallSelector &c) override { return info(c); }
    Result<CallInfo> tag(const CallSelector &c, const QStringList &tags) override
    {
        if (tags.isEmpty() || tags.size() > ControlRouter::kMaxTags)
            std::abort(); // the router validates before calling
        return info(c);
    }
    Result<CallInfo> attachMetadata(const CallSelector &c, const QJsonObject &fields) override
    {
        if (fields.isEmpty())
            std::abort();
        return info(c);
    }
    QVector<CallInfo> calls() const override { return {}; }
    QJsonObject status() const override { return {}; }
    Result<CallInfo> find(const CallSelector &c) const override { return info(c); }

private:
    static CallInfo info(const CallSelector &c)
    {
        CallInfo i;
        i.callId = c.callId;
        i.state = QStringLiteral("recording");
        return i;
    }
};

struct Parsed
{
    QVector<HttpRequest> requests;
    HttpRequestParser::State last = HttpRequestParser::State::NeedMore;
    int errorStatus = 0;
};

Parsed parse(const QByteArray &bytes, qsizetype piece)
{
    Parsed out;
    HttpRequestParser parser;
    const HttpRequestParser::Limits &limits = parser.limits();
    for (qsizetype i = 0; i < bytes.size() && out.last != HttpRequestParser::State::Failed;
         i += piece) {
        parser.append(bytes.mid(i, piece));
        HttpRequest request;
        while ((out.last = parser.next(request)) == HttpRequestParser::State::Complete) {
            if (request.body.size() > limits.bodyBytes ||
                request.headers.size() > limits.headerCount ||
                request.target.size() > limits.requestLineBytes || !request.path.startsWith('/') ||
                request.method.isEmpty() ||
                (request.versionMinor != 0 && request.versionMinor != 1))
                std::abort();
            out.requests.append(request);
        }
        // Memory stays bounded: what the parser holds never exceeds the limits plus a piece.
        if (parser.bufferedBytes() >
            limits.requestLineBytes + limits.headerBytes + limits.bodyBytes + piece)
            std::abort();
    }
    out.errorStatus = parser.errorStatus();
    return out;
}

bool same(const Parsed &a, const Parsed &b)
{
    if (a.requests.size() != b.requests.size() || a.last != b.last ||
        a.errorStatus != b.errorStatus)
        return false;
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        const HttpRequest &x = a.requests[i];
        const HttpRequest &y = b.requests[i];
        if (x.method != y.method || x.target != y.target || x.headers != y.headers ||
            x.body != y.body)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static AcceptingControl control;
    static MetricsRegistry metrics;
    static ControlRouter *router = [] {
        ControlRouter::Options options;
        (void)options.tokens.add(QStringLiteral("fuzz"), BearerTokens::digestOf("fuzz-token"));
        return new ControlRouter(control, metrics, options);
    }();

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Parsed whole = parse(bytes, qMax<qsizetype>(1, bytes.size()));
    if (!same(whole, parse(bytes, 1)) || !same(whole, parse(bytes, 7)))
        std::abort();
    if (whole.last == HttpRequestParser::State::Failed &&
        (whole.errorStatus < 400 || whole.errorStatus > 505))
        std::abort();

    for (HttpRequest request : whole.requests) {
        const HttpResponse response = router->handle(request, QHostAddress::LocalHost).response;
        if (response.status < 200 || response.status > 599)
            std::abort();
        if (response.status >= 400) {
            const QJsonObject error = QJsonDocument::fromJson(response.body)
                                          .object()
                                          .value(QStringLiteral("error"))
                                          .toObject();
            if (error.value(QStringLiteral("code")).toString().isEmpty() ||
                error.value(QStringLiteral("message")).toString().isEmpty())
                std::abort();
        }
        (void)response.serialize(request.keepAlive());
    }
    return 0;
}
