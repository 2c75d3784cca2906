#include "controlservertests.h"

#include "control/bearertokens.h"
#include "control/tlscredentials.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <atomic>
#include <thread>

using namespace cv;
using namespace cv::control;
using cvtest::Reply;
using cvtest::TlsClient;

namespace {

const QByteArray kToken = "pbx-token-Zm9vYmFyYmF6cXV4LXJhbmRvbS1lbm91Z2gtZm9yLWEtdGVzdA";
const QByteArray kWrongToken = "wrong-token-c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1iZS1sb2dnZWQ";

// Runs a CLI to the end; returns exit code (-1 if it did not finish) and merged output.
int run(const QString &program, const QStringList &args, QByteArray *output, int timeoutMs = 10000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = process.readAll();
        return -1;
    }
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

} // namespace

void TestControlServer::onServerThread(const std::function<void()> &fn)
{
    QMetaObject::invokeMethod(m_context, fn, Qt::BlockingQueuedConnection);
}

ControlServer::Options TestControlServer::options() const
{
    ControlServer::Options o;
    o.address = QHostAddress::LocalHost;
    o.port = 0;
    o.certificatePemPath = m_dir.filePath(QStringLiteral("cert.pem"));
    o.privateKeyPemPath = m_dir.filePath(QStringLiteral("key.pem"));
    if (!o.tokens.add(QStringLiteral("pbx-dialplan"), BearerTokens::digestOf(kToken)) ||
        !o.tokens.add(QStringLiteral("crm-hook"), BearerTokens::digestOf("another-token")))
        qFatal("token setup failed");
    return o;
}

std::unique_ptr<ControlServer> TestControlServer::startServer(const ControlServer::Options &options,
                                                              QString *error)
{
    std::unique_ptr<ControlServer> server;
    onServerThread([&] {
        server = std::make_unique<ControlServer>(m_calls, m_metrics);
        const Result<void> r = server->listen(options);
        if (!r) {
            *error = r.errorMessage();
            server.reset();
        }
    });
    return server;
}

void TestControlServer::initTestCase()
{
    cvtest::LogCapture::install();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(cvtest::makeCertificate(m_dir.path(), QStringLiteral("ed25519"), &error),
             qPrintable(error));
    const auto certs = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("cert.pem")));
    QCOMPARE(certs.size(), 1);
    m_ca = certs.first();
    m_calls.addCall(QStringLiteral("c1@pbx"), 10000, 10002);
    m_calls.addCall(QStringLiteral("c2@pbx"), 10004, 10006);
    m_calls.addCall(QStringLiteral("c-conc"), 10008, 10010);

    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_server = startServer(options(), &error);
    QVERIFY2(m_server, qPrintable(error));
    onServerThread([&] { m_port = m_server->serverPort(); });
    QVERIFY(m_port != 0);
}

void TestControlServer::cleanupTestCase()
{
    if (m_context) {
        onServerThread([&] {
            m_server.reset();
            delete m_context;
        });
    }
    m_thread.quit();
    m_thread.wait();
    cvtest::LogCapture::uninstall();
}

void TestControlServer::tokensOverTls()
{
    cvtest::LogCapture::clear();
    TlsClient client(m_port, m_ca);
    QVERIFY2(client.connect(), qPrintable(client.errorString()));
    // One keep-alive connection: a 401 does not end it.
    auto r = client.request("GET", "/api/v1/status", QByteArray());
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QCOMPARE(r->headers.value("www-authenticate"),
             QByteArray("Bearer realm=\"callvault-recorder\""));
    QCOMPARE(r->json()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("unauthorized"));
    r = client.request("GET", "/api/v1/status", kWrongToken);
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QVERIFY(r->headers.value("www-authenticate").contains("error=\"invalid_token\""));
    r = client.request("GET", "/api/v1/status", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json().value(QStringLiteral("version")).toString(), QStringLiteral("test"));
    QCOMPARE(r->headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r->headers.value("cache-control"), QByteArray("no-store"));

    // Every request is logged with the token's name; no token ever appears in the log.
    const QString log = cvtest::LogCapture::lines().join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("GET /api/v1/status 401 token=(none)")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("GET /api/v1/status 401 token=(rejected)")),
             qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("GET /api/v1/status 200 token=pbx-dialplan")),
             qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(!log.contains(QString::fromLatin1(kToken)));
    QVERIFY(!log.contains(QString::fromLatin1(kWrongToken)));
    QVERIFY(!log.contains(QString::fromLatin1(kToken.left(12))));
}

void TestControlServer::errorsAreJson()
{
    TlsClient client(m_port, m_ca);
    QVERIFY2(client.connect(), qPrintable(client.errorString()));
    auto r = client.request("POST", "/api/v1/calls/nope%40pbx/stop", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 404);
    const QJsonObject error = r->json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
             QStringLiteral("no active call with Call-ID \"nope@pbx\""));
    r = client.request("GET", "/nowhere", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 404);
    r = client.request("PUT", "/api/v1/calls", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 405);
    QCOMPARE(r->headers.value("allow"), QByteArray("GET"));
    r = client.request("POST", "/api/v1/calls/c1%40pbx/metadata", kToken, "{\"agent_id\": 12");
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QVERIFY(r->json()
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("the body is not valid JSON")));
    r = client.request("POST", "/api/v1/calls/c1%40pbx/start", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    r = client.request("POST", "/api/v1/calls/c1%40pbx/start", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 409);
    QCOMPARE(r->json()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("conflict"));
    QVERIFY(client.isConnected()); // errors keep the connection
}

void TestControlServer::keepAliveAndPipelining()
{
    TlsClient client(m_port, m_ca);
    QVERIFY2(client.connect(), qPrintable(client.errorString()));
    const QByteArray auth = "Authorization: Bearer " + kToken + "\r\n";
    QVERIFY(client.sendRaw("GET /api/v1/status HTTP/1.1\r\nHost: l\r\n" + auth +
                           "\r\n"
                           "GET /api/v1/calls/none HTTP/1.1\r\nHost: l\r\n" +
                           auth +
                           "\r\n"
                           "GET /api/v1/calls/c2%40pbx HTTP/1.1\r\nHost: l\r\n" +
                           auth + "\r\n"));
    for (const int expected : {200, 404, 200}) {
        const auto r = client.readReply();
        QVERIFY(r);
        QCOMPARE(r->status, expected);
        QVERIFY(!r->closed);
    }
    QVERIFY(client.sendRaw("GET /api/v1/calls HTTP/1.1\r\nHost: l\r\nConnection: close\r\n" + auth +
                           "\r\n"));
    const auto last = client.readReply();
    QVERIFY(last);
    QCOMPARE(last->status, 200);
    QVERIFY(last->closed);
    QCOMPARE(last->json().value(QStringLiteral("calls")).toArray().size(), 3);
    QVERIFY(client.readUntilClosed().isEmpty());
    QVERIFY(!client.isConnected());
}

void TestControlServer::oversizeRequests()
{
    {
        TlsClient client(m_port, m_ca);
        QVERIFY2(client.connect(), qPrintable(client.errorString()));
        QVERIFY(client.sendRaw("GET /api/v1/status HTTP/1.1\r\nHost: l\r\nX-Big: " +
                               QByteArray(17 * 1024, 'a') + "\r\n\r\n"));
        const auto r = client.readReply();
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        QVERIFY(r->closed);
        QCOMPARE(r->json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("headers_too_large"));
        client.readUntilClosed();
        QVERIFY(!client.isConnected());
    }
    {
        TlsClient client(m_port, m_ca);
        QVERIFY2(client.connect(), qPrintable(client.errorString()));
        QVERIFY(client.sendRaw("POST /api/v1/calls/c2%40pbx/tags HTTP/1.1\r\nHost: l\r\n"
                               "Content-Length: 2000000\r\n\r\n"));
        const auto r = client.readReply();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
    }
    {
        // A large body that is allowed (JSON padded with spaces to 900 KiB), announced with
        // "Expect: 100-continue" as curl does: interim 100, then the answer.
        TlsClient client(m_port, m_ca);
        QVERIFY2(client.connect(), qPrintable(client.errorString()));
        QByteArray body = "{\"tags\": [\"large\"]" + QByteArray(900 * 1024, ' ') + "}";
        QVERIFY(client.sendRaw("POST /api/v1/calls/c2%40pbx/tags HTTP/1.1\r\nHost: l\r\n"
                               "Authorization: Bearer " +
                               kToken +
                               "\r\nContent-Type: application/json\r\n"
                               "Expect: 100-continue\r\nContent-Length: " +
                               QByteArray::number(body.size()) + "\r\n\r\n"));
        auto r = client.readReply();
        QVERIFY(r);
        QCOMPARE(r->status, 100);
        QVERIFY(client.sendRaw(body));
        r = client.readReply();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(m_calls.call(QStringLiteral("c2@pbx"))->tags.contains(QStringLiteral("large")));
    }
}

void TestControlServer::plainHttpGetsNoHttpAnswer()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                 kToken + "\r\n\r\n");
    QVERIFY(socket.waitForBytesWritten(5000));
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        socket.waitForReadyRead(200);
        received += socket.readAll();
    }
    received += socket.readAll();
    QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState); // closed by the server
    QVERIFY2(!received.contains("HTTP/"), received.toHex().constData());
    QVERIFY(!received.contains("test")); // no status JSON leaked in clear text
}

void TestControlServer::tls12Refused()
{
    TlsClient qtClient(m_port, m_ca);
    QVERIFY(!qtClient.connect(QSsl::TlsV1_2));

    const QString openssl = tool("openssl");
    QVERIFY2(!openssl.isEmpty(), "openssl CLI missing (TEST_PACKAGES)");
    const QStringList common = {QStringLiteral("s_client"),
                                QStringLiteral("-connect"),
                                QStringLiteral("127.0.0.1:%1").arg(m_port),
                                QStringLiteral("-servername"),
                                QStringLiteral("localhost"),
                                QStringLiteral("-CAfile"),
                                m_dir.filePath(QStringLiteral("cert.pem")),
                                QStringLiteral("-verify_return_error")};
    QByteArray output;
    const int tls12 = run(openssl, common + QStringList{QStringLiteral("-tls1_2")}, &output);
    QVERIFY2(tls12 != 0 && tls12 != -1, output.constData());
    QVERIFY2(output.contains("Cipher is (NONE)"), output.constData()); // no session came up
    // The same command with TLS 1.3 succeeds, so the refusal above is the protocol's.
    const int tls13 =
        run(openssl, common + QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-brief")},
            &output);
    QVERIFY2(tls13 == 0, output.constData());
    QVERIFY2(output.contains("TLSv1.3"), output.constData());
}

void TestControlServer::curlFromADialplan()
{
    const QString curl = tool("curl");
    QVERIFY2(!curl.isEmpty(), "curl missing (TEST_PACKAGES)");
    // As the docs recommend for a dialplan: the header comes from a file, so the token is
    // not on the command line (visible in ps).
    const QString headerFile = m_dir.filePath(QStringLiteral("auth-header"));
    QFile file(headerFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Authorization: Bearer " + kToken + "\n");
    file.close();
    const QString base = QStringLiteral("https://localhost:%1").arg(m_port);
    const QStringList common = {
        QStringLiteral("-sS"),       QStringLiteral("--tlsv1.3"),
        QStringLiteral("--cacert"),  m_dir.filePath(QStringLiteral("cert.pem")),
        QStringLiteral("--resolve"), QStringLiteral("localhost:%1:127.0.0.1").arg(m_port),
        QStringLiteral("-w"),        QStringLiteral("\n%{http_code}")};
    QByteArray output;
    int code = run(curl,
                   common + QStringList{QStringLiteral("-H"), QLatin1Char('@') + headerFile,
                                        QStringLiteral("--data-urlencode"),
                                        QStringLiteral("agent_id=agent 42"),
                                        QStringLiteral("--data-urlencode"),
                                        QStringLiteral("customer_number=+4930123"),
                                        base + QStringLiteral("/api/v1/calls/c2%40pbx/metadata")},
                   &output);
    QVERIFY2(code == 0, output.constData());
    QVERIFY2(output.endsWith("\n200"), output.constData());
    QCOMPARE(m_calls.call(QStringLiteral("c2@pbx"))->customerNumber, QStringLiteral("+4930123"));
    QCOMPARE(m_calls.call(QStringLiteral("c2@pbx"))->agentId, QStringLiteral("agent 42"));

    code = run(curl,
               common + QStringList{QStringLiteral("-H"), QLatin1Char('@') + headerFile,
                                    QStringLiteral("-X"), QStringLiteral("POST"),
                                    base + QStringLiteral("/api/v1/ports/10004-10006/start")},
               &output);
    QVERIFY2(code == 0 && output.endsWith("\n200"), output.constData());
    QVERIFY(output.contains("\"state\":\"recording\""));

    code = run(curl, common + QStringList{base + QStringLiteral("/api/v1/status")}, &output);
    QVERIFY2(code == 0 && output.endsWith("\n401"), output.constData());

    // curl limited to TLS 1.2 cannot connect at all.
    code = run(curl,
               QStringList{QStringLiteral("-sS"), QStringLiteral("--tlsv1.2"),
                           QStringLiteral("--tls-max"), QStringLiteral("1.2"),
                           QStringLiteral("--cacert"), m_dir.filePath(QStringLiteral("cert.pem")),
                           QStringLiteral("--resolve"),
                           QStringLiteral("localhost:%1:127.0.0.1").arg(m_port),
                           base + QStringLiteral("/api/v1/status")},
               &output);
    QVERIFY2(code == 35, output.constData()); // CURLE_SSL_CONNECT_ERROR
}

void TestControlServer::concurrentClients()
{
    constexpr int kClients = 20;
    constexpr int kRounds = 5;
    std::atomic<int> good{0};
    QMutex failureMutex;
    QStringList failures;
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&, i] {
            const auto failed = [&](const QString &what) {
                QMutexLocker lock(&failureMutex);
                failures.append(QStringLiteral("client %1: %2").arg(i).arg(what));
            };
            TlsClient client(m_port, m_ca);
            if (!client.connect())
                return failed(client.errorString());
            for (int round = 0; round < kRounds; ++round) {
                const QByteArray tag =
                    "t" + QByteArray::number(i) + "-" + QByteArray::number(round);
                auto r = client.request("POST", "/api/v1/calls/c-conc/tags", kToken,
                                        "{\"tags\": [\"" + tag + "\"]}");
                if (!r || r->status != 200 ||
                    !r->json()
                         .value(QStringLiteral("call"))
                         .toObject()
                         .value(QStringLiteral("tags"))
                         .toArray()
                         .contains(QString::fromLatin1(tag)))
                    return failed(QStringLiteral("tag round %1").arg(round));
                r = client.request("GET", "/api/v1/calls/unknown-" + QByteArray::number(i), kToken);
                if (!r || r->status != 404)
                    return failed(QStringLiteral("404 round %1").arg(round));
                r = client.request("GET", "/api/v1/status", i % 2 ? kToken : kWrongToken);
                if (!r || r->status != (i % 2 ? 200 : 401))
                    return failed(QStringLiteral("status round %1").arg(round));
            }
            ++good;
        });
    }
    for (auto &thread : threads)
        thread.join();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(good.load(), kClients);
    QCOMPARE(m_calls.call(QStringLiteral("c-conc"))->tags.size(), kClients * kRounds);
}

void TestControlServer::metricsParseBack()
{
    m_metrics
        .counter("callvault_recorder_test_events_total", "Events\\with \"quotes\"",
                 {{"note", "a\"b\\c\nd"}})
        .inc(5);
    m_metrics.callback(MetricsRegistry::Type::Gauge, "callvault_recorder_disk_free_bytes",
                       "Free bytes on the spool file system", {}, [] { return 123456789.0; });
    TlsClient client(m_port, m_ca);
    QVERIFY2(client.connect(), qPrintable(client.errorString()));
    QCOMPARE(client.request("GET", "/metrics", QByteArray())->status, 401);
    const auto r = client.request("GET", "/metrics", kToken);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->headers.value("content-type"),
             QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(r->body.endsWith('\n'));

    // Every line follows the exposition grammar, and every sample follows its family's TYPE.
    static const QRegularExpression help(
        QStringLiteral(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) ([^\n\\]|\\[\\n])*$)"));
    static const QRegularExpression type(
        QStringLiteral(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)$)"));
    static const QRegularExpression sample(QStringLiteral(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")"
        R"((,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*")*\})? (NaN|[+-]Inf|[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)$)"));
    QString family;
    int samples = 0;
    const QStringList lines =
        QString::fromUtf8(r->body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (const auto m = type.match(line); m.hasMatch()) {
            family = m.captured(1);
            continue;
        }
        if (help.match(line).hasMatch())
            continue;
        const auto m = sample.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QCOMPARE(m.captured(1), family);
        ++samples;
    }
    QVERIFY(samples >= 5);
    QVERIFY(r->body.contains("callvault_recorder_test_events_total{note=\"a\\\"b\\\\c\\nd\"} 5\n"));
    QVERIFY(r->body.contains("callvault_recorder_disk_free_bytes 123456789\n"));
    QVERIFY(r->body.contains("callvault_recorder_control_requests_total{code=\"200\"} "));
    QVERIFY(r->body.contains("callvault_recorder_control_requests_total{code=\"401\"} "));
    QVERIFY(r->body.contains("# TYPE callvault_recorder_control_connections gauge\n"));
}

void TestControlServer::slowClientsAndConnectionLimit()
{
    QString error;
    ControlServer::Options fast = options();
    fast.idleTimeoutMs = 400;
    auto timeoutServer = startServer(fast, &error);
    QVERIFY2(timeoutServer, qPrintable(error));
    quint16 port = 0;
    onServerThread([&] { port = timeoutServer->serverPort(); });

    // Slow-loris: a byte every 50 ms does not extend the deadline; 408 after ~400 ms.
    {
        TlsClient client(port, m_ca);
        QVERIFY2(client.connect(), qPrintable(client.errorString()));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(client.sendRaw("GET /api/v1/status HTTP/1.1\r\nHost: l"));
        QByteArray got;
        while (got.isEmpty() && timer.elapsed() < 5000) {
            client.sendRaw("o");
            got = client.readSome(50);
        }
        QVERIFY2(got.startsWith("HTTP/1.1 408 "), got.constData());
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
        client.readUntilClosed();
        QVERIFY(!client.isConnected());
    }
    // An idle keep-alive connection is closed quietly after the timeout.
    {
        TlsClient client(port, m_ca);
        QVERIFY2(client.connect(), qPrintable(client.errorString()));
        QCOMPARE(client.request("GET", "/api/v1/status", kToken)->status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(client.readUntilClosed(5000).isEmpty());
        QVERIFY(!client.isConnected());
        QVERIFY(timer.elapsed() < 2500);
    }
    onServerThread([&] { timeoutServer.reset(); });

    // maxConnections: the third connection is closed before any TLS.
    ControlServer::Options limited = options();
    limited.maxConnections = 2;
    auto limitServer = startServer(limited, &error);
    QVERIFY2(limitServer, qPrintable(error));
    onServerThread([&] { port = limitServer->serverPort(); });
    TlsClient first(port, m_ca);
    TlsClient second(port, m_ca);
    TlsClient third(port, m_ca);
    QVERIFY(first.connect());
    QVERIFY(second.connect());
    QVERIFY(!third.connect());
    QCOMPARE(first.request("GET", "/api/v1/status", kToken)->status, 200);
    QVERIFY(m_metrics.exposition().contains(
        "callvault_recorder_control_connections_refused_total 1\n"));
    onServerThread([&] { limitServer.reset(); });
}

void TestControlServer::badCredentialsNameTheFile()
{
    ControlServer server(m_calls, m_metrics);
    ControlServer::Options o = options();
    o.certificatePemPath = m_dir.filePath(QStringLiteral("missing.pem"));
    Result<void> r = server.listen(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(o.certificatePemPath), qPrintable(r.errorMessage()));

    o = options();
    o.privateKeyPemPath = m_dir.filePath(QStringLiteral("cert.pem")); // a certificate, not a key
    r = server.listen(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(o.privateKeyPemPath) &&
                 r.errorMessage().contains(QStringLiteral("private key")),
             qPrintable(r.errorMessage()));

    // An EC P-256 pair loads as an EC key; its key with the Ed25519 certificate is refused.
    QTemporaryDir ecDir;
    QString error;
    QVERIFY2(cvtest::makeCertificate(ecDir.path(), QStringLiteral("ec"), &error),
             qPrintable(error));
    const auto ec = TlsCredentials::load(ecDir.filePath(QStringLiteral("cert.pem")),
                                         ecDir.filePath(QStringLiteral("key.pem")));
    QVERIFY2(ec.ok(), qPrintable(ec.errorMessage()));
    QCOMPARE(ec->privateKey.algorithm(), QSsl::Ec);
    o = options();
    o.privateKeyPemPath = ecDir.filePath(QStringLiteral("key.pem"));
    r = server.listen(o);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(QStringLiteral("does not belong")),
             qPrintable(r.errorMessage()));

    o = options();
    o.tokens = BearerTokens();
    r = server.listen(o);
    QVERIFY(!r.ok());
    QVERIFY(r.errorMessage().contains(QStringLiteral("bearer token")));
    QVERIFY(!server.isListening());

    // And the P-256 server works end to end.
    o = options();
    o.certificatePemPath = ecDir.filePath(QStringLiteral("cert.pem"));
    o.privateKeyPemPath = ecDir.filePath(QStringLiteral("key.pem"));
    auto ecServer = startServer(o, &error);
    QVERIFY2(ecServer, qPrintable(error));
    quint16 port = 0;
    onServerThread([&] { port = ecServer->serverPort(); });
    TlsClient client(port, QSslCertificate::fromPath(o.certificatePemPath).first());
    QVERIFY2(client.connect(), qPrintable(client.errorString()));
    QCOMPARE(client.request("GET", "/api/v1/status", kToken)->status, 200);
    onServerThread([&] { ecServer.reset(); });
}
