#include "controlunittests.h"

#include "control/bearertokens.h"
#include "control/controlrouter.h"
#include "control/httprequestparser.h"
#include "control/metricsregistry.h"
#include "controltestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <thread>

using namespace cv;
using namespace cv::control;

namespace {

const QByteArray kToken = "test-token-0123456789abcdefghijklmnopqrstuvwxyz";

QVector<HttpRequest> parseAll(HttpRequestParser &parser, const QByteArray &bytes, int piece,
                              HttpRequestParser::State *last = nullptr)
{
    QVector<HttpRequest> out;
    HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
    for (qsizetype i = 0; i < bytes.size(); i += piece) {
        parser.append(bytes.mid(i, piece));
        HttpRequest request;
        while ((state = parser.next(request)) == HttpRequestParser::State::Complete)
            out.append(request);
        if (state == HttpRequestParser::State::Failed)
            break;
    }
    if (last)
        *last = state;
    return out;
}

HttpRequest makeRequest(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                        const QByteArray &body = {},
                        const QByteArray &contentType = "application/json")
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\n";
    if (!token.isNull())
        raw += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    HttpRequestParser parser;
    parser.append(raw);
    HttpRequest request;
    if (parser.next(request) != HttpRequestParser::State::Complete)
        qFatal("test request did not parse: %s", qPrintable(parser.errorMessage()));
    return request;
}

BearerTokens tokens()
{
    BearerTokens t;
    if (!t.add(QStringLiteral("pbx-dialplan"), BearerTokens::digestOf(kToken)))
        qFatal("token setup failed");
    return t;
}

} // namespace

void TestControlUnits::parsesRequestsInAnyPieces()
{
    const QByteArray bytes =
        "\r\nGET /api/v1/status?x=1 HTTP/1.1\r\nHost: a\r\nX-Spaces:   v  \r\n\r\n"
        "POST /api/v1/calls/abc%40pbx/tags HTTP/1.1\nHost: a\nContent-Length: "
        "14\n\n{\"tags\":[\"x\"]}"
        "GET /metrics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
    for (const int piece : {1, 2, 7, 64, int(bytes.size())}) {
        HttpRequestParser parser;
        HttpRequestParser::State last;
        const QVector<HttpRequest> requests = parseAll(parser, bytes, piece, &last);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(last, HttpRequestParser::State::NeedMore);
        QCOMPARE(requests[0].method, QByteArray("GET"));
        QCOMPARE(requests[0].path, QByteArray("/api/v1/status"));
        QCOMPARE(requests[0].query, QByteArray("x=1"));
        QCOMPARE(requests[0].header("x-spaces"), QByteArray("v"));
        QVERIFY(requests[0].keepAlive());
        QCOMPARE(requests[1].path, QByteArray("/api/v1/calls/abc%40pbx/tags"));
        QCOMPARE(requests[1].body, QByteArray("{\"tags\":[\"x\"]}"));
        QCOMPARE(requests[2].versionMinor, 0);
        QVERIFY(requests[2].keepAlive());
        QVERIFY(!parser.inProgress());
    }
    HttpRequestParser parser;
    parseAll(parser, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 100);
}

void TestControlUnits::parserLimitsAndRefusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray ok = "GET / HTTP/1.1\r\nHost: a\r\n";
    QTest::newRow("request line too long") << "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n"
                                           << 414;
    QTest::newRow("request line without end") << QByteArray(8300, 'a') << 414;
    QTest::newRow("headers too large") << ok + "X-Big: " + QByteArray(17000, 'b') + "\r\n\r\n"
                                       << 431;
    QByteArray many = ok;
    for (int i = 0; i < 101; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many headers") << many + "\r\n" << 431;
    QTest::newRow("body too large") << ok + "Content-Length: 1048577\r\n\r\n" << 413;
    QTest::newRow("huge content length") << ok + "Content-Length: 99999999999999999999999\r\n\r\n"
                                         << 413;
    QTest::newRow("chunked") << ok + "Transfer-Encoding: chunked\r\n\r\n" << 411;
    QTest::newRow("length and chunked")
        << ok + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        << 400;
    QTest::newRow("two lengths") << ok + "Content-Length: 3\r\nContent-Length: 3\r\n\r\n" << 400;
    QTest::newRow("signed length") << ok + "Content-Length: +3\r\n\r\n" << 400;
    QTest::newRow("folded header") << ok + "X-A: b\r\n c\r\n\r\n" << 400;
    QTest::newRow("space before colon") << ok + "X-A : b\r\n\r\n" << 400;
    QTest::newRow("control char in value") << ok + "X-A: b\x01\r\n\r\n" << 400;
    QTest::newRow("bare CR") << ok + "X-A: b\rc\r\n\r\n" << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\n\r\n") << 400;
    QTest::newRow("absolute form")
        << QByteArray("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two hosts") << ok + "Host: b\r\n\r\n" << 400;
    QTest::newRow("other expect") << ok + "Expect: magic\r\n\r\n" << 417;
    QTest::newRow("tls client hello")
        << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n", 14) << 400;
}

void TestControlUnits::parserLimitsAndRefusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    for (const int piece : {1, 1000, int(bytes.size())}) {
        HttpRequestParser parser;
        HttpRequestParser::State last;
        const QVector<HttpRequest> requests = parseAll(parser, bytes, piece, &last);
        QVERIFY(requests.isEmpty());
        QCOMPARE(last, HttpRequestParser::State::Failed);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorMessage().isEmpty());
        QCOMPARE(parser.bufferedBytes(), 0); // nothing kept after a failure
        parser.append(bytes);
        QVERIFY(parser.bufferedBytes() == 0);
    }
    // The limits are inclusive: a body of exactly 1 MiB is accepted.
    HttpRequestParser parser;
    const QVector<HttpRequest> requests = parseAll(
        parser,
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n" + QByteArray(1048576, 'x'),
        65536);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].body.size(), 1048576);
}

void TestControlUnits::expectContinue()
{
    HttpRequestParser parser;
    parser.append(
        "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    HttpRequest request;
    QCOMPARE(parser.next(request), HttpRequestParser::State::NeedMore);
    QVERIFY(parser.expectsContinue());
    QVERIFY(parser.inProgress());
    parser.clearExpectContinue();
    parser.append("body");
    QCOMPARE(parser.next(request), HttpRequestParser::State::Complete);
    QCOMPARE(request.body, QByteArray("body"));
    QVERIFY(!parser.expectsContinue());
}

void TestControlUnits::bearerTokens()
{
    // FIPS 180-2 test vector: SHA-256("abc").
    QCOMPARE(BearerTokens::digestOf("abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const auto generated = BearerTokens::generateToken();
    QVERIFY(generated.ok());
    QCOMPARE(generated->size(), 43);
    QVERIFY(generated.value() != BearerTokens::generateToken().value());

    BearerTokens t;
    QVERIFY(t.add(QStringLiteral("pbx"), BearerTokens::digestOf(kToken)).ok());
    QVERIFY(t.addSpec(QStringLiteral("crm-hook:") +
                      QString::fromLatin1(BearerTokens::digestOf(generated.value()).toUpper()))
                .ok());
    QVERIFY(!t.add(QStringLiteral("pbx"), BearerTokens::digestOf("other")).ok());  // same name
    QVERIFY(!t.add(QStringLiteral("again"), BearerTokens::digestOf(kToken)).ok()); // same digest
    QVERIFY(!t.add(QStringLiteral("plain"), kToken).ok()); // a token, not a digest
    QVERIFY(!t.add(QStringLiteral("bad name"), BearerTokens::digestOf("x")).ok());
    QVERIFY(!t.addSpec(QStringLiteral("no-colon")).ok());
    QCOMPARE(t.names(), QStringList({QStringLiteral("pbx"), QStringLiteral("crm-hook")}));

    using O = BearerTokens::Outcome;
    QCOMPARE(t.authenticate(QByteArray()).outcome, O::Missing);
    QCOMPARE(t.authenticate("Basic dXNlcjpwYXNz").outcome, O::Malformed);
    QCOMPARE(t.authenticate("Bearer").outcome, O::Malformed);
    QCOMPARE(t.authenticate("Bearer a b").outcome, O::Malformed);
    QCOMPARE(t.authenticate("Bearer " + QByteArray(2000, 'a')).outcome, O::Malformed);
    QCOMPARE(t.authenticate("Bearer wrong-token").outcome, O::Unknown);
    QCOMPARE(t.authenticate("Bearer " + kToken.left(kToken.size() - 1)).outcome, O::Unknown);
    const auto accepted = t.authenticate("bearer " + kToken);
    QCOMPARE(accepted.outcome, O::Accepted);
    QCOMPARE(accepted.name, QStringLiteral("pbx"));
    QCOMPARE(t.authenticate("Bearer " + generated.value()).name, QStringLiteral("crm-hook"));
}

void TestControlUnits::metricsExposition()
{
    MetricsRegistry registry;
    auto packets = registry.counter("callvault_recorder_packets_total", "RTP packets received",
                                    {{"leg", "a"}});
    registry.counter("callvault_recorder_packets_total", "RTP packets received", {{"leg", "b"}})
        .inc(7);
    packets.inc();
    packets.inc(41);
    // The same name and labels give the same series; label order does not matter.
    auto queue = registry.gauge("callvault_recorder_queue_depth", "Frames waiting\nfor the writer",
                                {{"queue", "writer"}, {"node", "r\"1\\\n"}});
    registry
        .gauge("callvault_recorder_queue_depth", "", {{"node", "r\"1\\\n"}, {"queue", "writer"}})
        .set(2.5);
    queue.add(1);
    registry.callback(MetricsRegistry::Type::Gauge, "callvault_recorder_disk_free_bytes",
                      "Free bytes", {}, [] { return 1e12; });
    registry.callback(MetricsRegistry::Type::Gauge, "callvault_recorder_spool_age_seconds",
                      "Oldest", {}, [] { return std::numeric_limits<double>::quiet_NaN(); });
    QCOMPARE(packets.value(), quint64(42));
    QCOMPARE(queue.value(), 3.5);
    QVERIFY(registry.errors().isEmpty());

    const QByteArray expected =
        "# HELP callvault_recorder_disk_free_bytes Free bytes\n"
        "# TYPE callvault_recorder_disk_free_bytes gauge\n"
        "callvault_recorder_disk_free_bytes 1e+12\n"
        "# HELP callvault_recorder_packets_total RTP packets received\n"
        "# TYPE callvault_recorder_packets_total counter\n"
        "callvault_recorder_packets_total{leg=\"a\"} 42\n"
        "callvault_recorder_packets_total{leg=\"b\"} 7\n"
        "# HELP callvault_recorder_queue_depth Frames waiting\\nfor the writer\n"
        "# TYPE callvault_recorder_queue_depth gauge\n"
        "callvault_recorder_queue_depth{node=\"r\\\"1\\\\\\n\",queue=\"writer\"} 3.5\n"
        "# HELP callvault_recorder_spool_age_seconds Oldest\n"
        "# TYPE callvault_recorder_spool_age_seconds gauge\n"
        "callvault_recorder_spool_age_seconds NaN\n";
    QCOMPARE(registry.exposition(), expected);

    // Rule breaks are reported, not exported, and the handles still work.
    registry.counter("9bad", "").inc();
    registry.gauge("callvault_recorder_packets_total", "wrong type").set(1);
    registry.counter("callvault_recorder_x_total", "", {{"__reserved", "v"}}).inc();
    registry.counter("callvault_recorder_x_total", "", {{"a", "1"}, {"a", "2"}}).inc();
    QCOMPARE(registry.errors().size(), 4);
    QCOMPARE(registry.exposition(), expected);
}

void TestControlUnits::metricsConcurrentUpdates()
{
    MetricsRegistry registry;
    auto counter = registry.counter("callvault_recorder_packets_total", "packets");
    auto gauge = registry.gauge("callvault_recorder_active_calls", "calls");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&registry, counter, gauge]() mutable {
            for (int i = 0; i < 50000; ++i) {
                counter.inc();
                gauge.inc();
                gauge.dec();
                if (i % 10000 == 0)
                    (void)registry.exposition(); // scrapes race with updates
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(counter.value(), quint64(200000));
    QCOMPARE(gauge.value(), 0.0);
}

void TestControlUnits::routerRules_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    const QByteArray json = "application/json";
    const QByteArray form = "application/x-www-form-urlencoded";
    QTest::newRow("no token") << QByteArray("GET") << QByteArray("/api/v1/status") << QByteArray()
                              << QByteArray() << json << 401 << "Authorization: Bearer";
    QTest::newRow("wrong token") << QByteArray("GET") << QByteArray("/api/v1/status")
                                 << QByteArray("nope") << QByteArray() << json << 401
                                 << "not valid";
    QTest::newRow("no token, unknown route") << QByteArray("GET") << QByteArray("/secret")
                                             << QByteArray() << QByteArray() << json << 401 << "";
    QTest::newRow("token in url") << QByteArray("POST")
                                  << QByteArray("/api/v1/calls/c1/start?token=abc") << kToken
                                  << QByteArray() << json << 400 << "URL";
    QTest::newRow("status") << QByteArray("GET") << QByteArray("/api/v1/status") << kToken
                            << QByteArray() << json << 200 << "";
    QTest::newRow("unknown route") << QByteArray("GET") << QByteArray("/api/v2/status") << kToken
                                   << QByteArray() << json << 404 << "no API route";
    QTest::newRow("unknown verb") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/explode")
                                  << kToken << QByteArray() << json << 404 << "";
    QTest::newRow("wrong method") << QByteArray("DELETE") << QByteArray("/api/v1/calls/c1")
                                  << kToken << QByteArray() << json << 405 << "use GET";
    QTest::newRow("GET on action") << QByteArray("GET") << QByteArray("/api/v1/calls/c1/start")
                                   << kToken << QByteArray() << json << 405 << "use POST";
    QTest::newRow("unknown call") << QByteArray("GET") << QByteArray("/api/v1/calls/abc") << kToken
                                  << QByteArray() << json << 404
                                  << "no active call with Call-ID \"abc\"";
    QTest::newRow("unknown call start")
        << QByteArray("POST") << QByteArray("/api/v1/calls/abc/start") << kToken << QByteArray()
        << json << 404 << "Call-ID \"abc\"";
    QTest::newRow("encoded call id") << QByteArray("GET") << QByteArray("/api/v1/calls/a%2Fb%40pbx")
                                     << kToken << QByteArray() << json << 200 << "";
    QTest::newRow("control char call id") << QByteArray("GET") << QByteArray("/api/v1/calls/a%0Ab")
                                          << kToken << QByteArray() << json << 400 << "Call-ID";
    QTest::newRow("bad utf8 call id") << QByteArray("GET") << QByteArray("/api/v1/calls/%FF%FE")
                                      << kToken << QByteArray() << json << 400 << "UTF-8";
    QTest::newRow("bad port pair")
        << QByteArray("POST") << QByteArray("/api/v1/ports/10000-70000/start") << kToken
        << QByteArray() << json << 400 << "port pair";
    QTest::newRow("same ports") << QByteArray("POST")
                                << QByteArray("/api/v1/ports/10000-10000/start") << kToken
                                << QByteArray() << json << 400 << "port pair";
    QTest::newRow("malformed json")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags") << kToken
        << QByteArray("{\"tags\": [\"a\",}") << json << 400 << "not valid JSON";
    QTest::newRow("json array body") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags")
                                     << kToken << QByteArray("[1]") << json << 400 << "JSON object";
    QTest::newRow("xml body") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags") << kToken
                              << QByteArray("<a/>") << QByteArray("text/xml") << 415 << "";
    QTest::newRow("tags not strings")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags") << kToken
        << QByteArray("{\"tags\": [1]}") << json << 400 << "array of strings";
    QTest::newRow("empty tag") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags")
                               << kToken << QByteArray("{\"tags\": [\" \"]}") << json << 400
                               << "1 to 64";
    QTest::newRow("no tags") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags") << kToken
                             << QByteArray("{}") << json << 400 << "no tags";
    QTest::newRow("tags ok") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags") << kToken
                             << QByteArray("{\"tags\": [\"vip\", \"escalated\"]}") << json << 200
                             << "";
    QTest::newRow("tags by form") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/tags")
                                  << kToken << QByteArray("tags=a,b&tag=c") << form << 200 << "";
    QTest::newRow("metadata unknown field")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/metadata") << kToken
        << QByteArray("{\"agent_id\":\"7\",\"ssn\":\"x\"}") << json << 400
        << "unknown field \"ssn\"";
    QTest::newRow("metadata number")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/metadata") << kToken
        << QByteArray("{\"customer_number\":4930}") << json << 400
        << "\"customer_number\" must be a string";
    QTest::newRow("metadata ok") << QByteArray("POST") << QByteArray("/api/v1/calls/c1/metadata")
                                 << kToken
                                 << QByteArray("{\"agent_id\":\"7\",\"crm_ticket_id\":\"T-1\"}")
                                 << json << 200 << "";
    QTest::newRow("metadata by query")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/metadata?customer_number=%2B4930123")
        << kToken << QByteArray() << json << 200 << "";
    QTest::newRow("start with field")
        << QByteArray("POST") << QByteArray("/api/v1/calls/c1/start") << kToken
        << QByteArray("{\"now\":true}") << json << 400 << "takes no fields";
    QTest::newRow("metrics") << QByteArray("GET") << QByteArray("/metrics") << kToken
                             << QByteArray() << json << 200 << "";
    QTest::newRow("metrics needs token") << QByteArray("GET") << QByteArray("/metrics")
                                         << QByteArray() << QByteArray() << json << 401 << "";
}

void TestControlUnits::routerRules()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, messagePart);

    cvtest::FakeCallControl calls;
    calls.addCall(QStringLiteral("c1"), 10000, 10002);
    calls.addCall(QStringLiteral("a/b@pbx"), 10004, 10006);
    MetricsRegistry metrics;
    ControlRouter router(calls, metrics, {tokens(), false});
    HttpRequest request = makeRequest(method, target, token, body, contentType);
    const ControlRouter::Outcome outcome = router.handle(request, QHostAddress::LocalHost);
    QCOMPARE(outcome.response.status, status);
    const QJsonObject json = QJsonDocument::fromJson(outcome.response.body).object();
    if (status >= 400) {
        // Every error is {"error": {"code", "message"}}.
        const QJsonObject error = json.value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.value(QStringLiteral("code")).toString().isEmpty(),
                 outcome.response.body.constData());
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(messagePart),
                 outcome.response.body.constData());
        QVERIFY(!outcome.response.body.contains(kToken));
    }
    if (status == 401) {
        QCOMPARE(outcome.response.headers.first().first, QByteArray("WWW-Authenticate"));
        QVERIFY(outcome.response.headers.first().second.startsWith(
            "Bearer realm=\"callvault-recorder\""));
        QVERIFY(outcome.tokenName.startsWith(QLatin1Char('(')));
    }
    if (status == 405)
        QCOMPARE(outcome.response.headers.first().first, QByteArray("Allow"));
    if (status == 200 && !token.isNull())
        QCOMPARE(outcome.tokenName, QStringLiteral("pbx-dialplan"));
    // The router scrubs the checked Authorization header from the request.
    if (!token.isNull())
        QVERIFY(!request.header("Authorization").contains(token));
}

void TestControlUnits::routerCallFlow()
{
    cvtest::FakeCallControl calls;
    calls.addCall(QStringLiteral("c1"), 10000, 10002);
    MetricsRegistry metrics;
    ControlRouter router(calls, metrics, {tokens(), false});
    const auto post = [&](const QByteArray &target, const QByteArray &body = {},
                          const QByteArray &type = "application/json") {
        HttpRequest request = makeRequest("POST", target, kToken, body, type);
        return router.handle(request, QHostAddress::LocalHost).response;
    };
    HttpResponse r = post("/api/v1/ports/10002-10000/start"); // either port order
    QCOMPARE(r.status, 200);
    QJsonObject call =
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("call")).toObject();
    QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("recording"));
    QVERIFY(!call.value(QStringLiteral("recording_id")).toString().isEmpty());
    QCOMPARE(post("/api/v1/calls/c1/start").status, 409); // already recording
    QCOMPARE(post("/api/v1/calls/c1/pause").status, 200);
    QCOMPARE(post("/api/v1/calls/c1/pause").status, 409);
    QCOMPARE(post("/api/v1/calls/c1/resume").status, 200);
    QCOMPARE(post("/api/v1/calls/c1/tags", "tags=vip", "application/x-www-form-urlencoded").status,
             200);
    QCOMPARE(post("/api/v1/calls/c1/metadata", "agent_id=a%207&customer_number=%2B49301234",
                  "application/x-www-form-urlencoded")
                 .status,
             200);
    QCOMPARE(post("/api/v1/calls/c1/stop").status, 200);
    const auto info = calls.call(QStringLiteral("c1"));
    QVERIFY(info.has_value());
    QCOMPARE(info->state, QStringLiteral("stopped"));
    QCOMPARE(info->tags, QStringList{QStringLiteral("vip")});
    QCOMPARE(info->agentId, QStringLiteral("a 7"));
    QCOMPARE(info->customerNumber, QStringLiteral("+49301234"));

    HttpRequest list = makeRequest("GET", "/api/v1/calls", kToken);
    r = router.handle(list, QHostAddress::LocalHost).response;
    const QJsonArray all =
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("calls")).toArray();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].toObject().value(QStringLiteral("customer_number")).toString(),
             QStringLiteral("+49301234"));
    QCOMPARE(all[0].toObject().value(QStringLiteral("tags")).toArray().size(), 1);
}

void TestControlUnits::metricsWithoutTokenOnlyFromLoopback()
{
    cvtest::FakeCallControl calls;
    MetricsRegistry metrics;
    metrics.counter("callvault_recorder_packets_total", "packets").inc(3);
    ControlRouter router(calls, metrics, {tokens(), true});
    HttpRequest local = makeRequest("GET", "/metrics", QByteArray());
    const auto fromLoopback = router.handle(local, QHostAddress(QStringLiteral("::1")));
    QCOMPARE(fromLoopback.response.status, 200);
    QCOMPARE(fromLoopback.response.contentType, QByteArray(MetricsRegistry::kContentType));
    QVERIFY(fromLoopback.response.body.contains("callvault_recorder_packets_total 3\n"));
    HttpRequest remote = makeRequest("GET", "/metrics", QByteArray());
    QCOMPARE(router.handle(remote, QHostAddress(QStringLiteral("192.0.2.7"))).response.status, 401);
    HttpRequest status = makeRequest("GET", "/api/v1/status", QByteArray());
    QCOMPARE(router.handle(status, QHostAddress::LocalHost).response.status, 401);
}

void TestControlUnits::errorCodesMapToStatuses()
{
    QCOMPARE(ControlRouter::statusFor(ErrorCode::NotFound), 404);
    QCOMPARE(ControlRouter::statusFor(ErrorCode::Conflict), 409);
    QCOMPARE(ControlRouter::statusFor(ErrorCode::InvalidArgument), 400);
    QCOMPARE(ControlRouter::statusFor(ErrorCode::PermissionDenied), 403);
    QCOMPARE(ControlRouter::statusFor(ErrorCode::DiskFull), 507);
    QCOMPARE(ControlRouter::statusFor(ErrorCode::Io), 500);
    QCOMPARE(ControlRouter::errorWordFor(ErrorCode::NotFound), QByteArray("not_found"));
    QCOMPARE(ControlRouter::errorWordFor(ErrorCode::Database), QByteArray("internal"));
}
