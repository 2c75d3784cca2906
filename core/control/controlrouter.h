#pragma once

#include "bearertokens.h"
#include "callcontrol.h"
#include "httprequestparser.h"
#include "httpresponse.h"
#include "metricsregistry.h"

#include <QHostAddress>
#include <QString>

namespace cv::control {

// Turns one authenticated-or-not HTTP request into a response: token check, route,
// argument validation, the CallControl call, JSON out. No network here, so every rule of
// the API is testable without TLS; ControlServer does the sockets and the access log.
//
// Order of checks: a token in the URL (400, never accepted) -> bearer token (401; /metrics
// may skip it for loopback peers when configured) -> route (404) -> method (405 + Allow)
// -> body and arguments (400/415) -> the call (its ErrorCode mapped by statusFor()).
// Unknown routes answer 401 before 404 so that unauthenticated clients learn nothing.
class ControlRouter final
{
public:
    struct Options
    {
        BearerTokens tokens;
        // /metrics without a token, but only from a loopback peer (a Prometheus on the
        // same host). Off by default: metrics reveal call volume.
        bool metricsWithoutToken = false;
    };

    struct Outcome
    {
        HttpResponse response;
        QString tokenName; // the accepted token's name, or "-" (for the access log)
    };

    static constexpr int kMaxTags = 32;
    static constexpr int kMaxTagLength = 64;
    static constexpr int kMaxMetadataLength = 256;

    ControlRouter(CallControl &control, MetricsRegistry &metrics, Options options);

    // May scrub the Authorization header of `request` once it has been checked.
    Outcome handle(HttpRequest &request, const QHostAddress &peer);

    // The one place where core error codes become HTTP statuses and error words.
    static int statusFor(ErrorCode code);
    static QByteArray errorWordFor(ErrorCode code);

private:
    struct Fields; // request arguments from the query, a JSON body or a form body

    HttpResponse route(const HttpRequest &request, const QList<QByteArray> &segments,
                       const Fields &fields);
    HttpResponse callAction(const QByteArray &verb, const CallSelector &call, const Fields &fields);
    static HttpResponse fromResult(const Result<CallInfo> &result);

    CallControl &m_control;
    MetricsRegistry &m_metrics;
    Options m_options;
};

} // namespace cv::control
