// callvault-recorder: the headless network recorder of a small site (docs/user-guide-callvault-recorder.md).
// Parses the command line, loads recorder.conf, wires core's RecorderService to signals and
// runs it; all logic lives in callvault_core (core/recorder).
#include "control/controlserver.h"
#include "control/metricsregistry.h"
#include "recorder/recorderconfig.h"
#include "recorder/recordercontrol.h"
#include "recorder/recordermetrics.h"
#include "recorder/recorderservice.h"
#include "recorder/siprecserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <thread>
#include <csignal>
#include <cstdio>

namespace {

std::atomic<bool> g_stop{false};
std::atomic<bool> g_reload{false};
std::atomic<bool> g_captureDone{false};

void onStopSignal(int)
{
    g_stop = true;
}

void onReloadSignal(int)
{
    g_reload = true;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << "callvault-recorder: " << message << Qt::endl;
    return 1;
}

void printReport(const cv::recorder::RecorderService::RunReport &r)
{
    out() << "frames: " << r.frames << ", malformed: " << r.malformedFrames << ", SIP messages: " << r.counters.sipMessages
          << " (malformed " << r.counters.sipMalformed << "), RTP packets of calls: " << r.counters.rtpPackets
          << ", other: " << r.counters.unmatched << Qt::endl;
    out() << "calls cataloged: " << r.callsCommitted << Qt::endl;
    for (const QString &p : r.problems)
        out() << "problem: " << p << Qt::endl;
}

// --hash-token: the SHA-256 of a token read from standard input, for recorder.conf [tokens].
int hashToken()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read standard input"));
    QByteArray token = in.readLine(4096);
    while (token.endsWith('\n') || token.endsWith('\r'))
        token.chop(1);
    if (token.size() < 16)
        return fail(QStringLiteral("a token must have at least 16 characters (e.g. `openssl rand -hex 32`)"));
    out() << QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex() << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callvault-recorder"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("CallVault network recorder: records SIP/RTP calls of a site (docs/user-guide-callvault-recorder.md)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("config"),
                 QStringLiteral("Configuration file (default: $CALLVAULT_RECORDER_CONFIG, else /etc/callvault/recorder.conf)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("pcap"), QStringLiteral("Replay a capture file instead of capturing live, then exit."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("check-config"), QStringLiteral("Check the configuration file and exit.")});
    p.addOption({QStringLiteral("sample-config"), QStringLiteral("Print a configuration file with every key and its default.")});
    p.addOption({QStringLiteral("hash-token"), QStringLiteral("Read a control API token on standard input, print its SHA-256 for [tokens].")});
    p.process(app);

    if (p.isSet(QStringLiteral("sample-config"))) {
        out() << cv::recorder::RecorderConfig::sampleText();
        return 0;
    }
    if (p.isSet(QStringLiteral("hash-token")))
        return hashToken();

    QString configPath = p.value(QStringLiteral("config"));
    if (configPath.isEmpty())
        configPath = qEnvironmentVariable("CALLVAULT_RECORDER_CONFIG", QStringLiteral("/etc/callvault/recorder.conf"));
    auto config = cv::recorder::RecorderConfig::load(configPath);
    if (!config)
        return fail(config.errorMessage());
    if (p.isSet(QStringLiteral("check-config"))) {
        out() << configPath << ": OK" << Qt::endl;
        return 0;
    }

    // Before the (possibly long) start-up recovery: a reload or stop then must not kill us.
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGHUP, onReloadSignal);
    auto service = cv::recorder::RecorderService::open(config.value());
    if (!service)
        return fail(service.errorMessage());
    if (service.value()->startupRecovered() > 0)
        out() << "recovered at start: " << service.value()->startupRecovered() << " recordings" << Qt::endl;

    if (p.isSet(QStringLiteral("pcap"))) {
        auto report = service.value()->replay(p.value(QStringLiteral("pcap")));
        if (!report)
            return fail(report.errorMessage());
        printReport(report.value());
        return report->problems.isEmpty() ? 0 : 2;
    }

    // The control API (if configured) answers on this thread's event loop; the capture loop
    // runs on a thread of its own and the API posts work to it.
    cv::control::MetricsRegistry metrics;
    cv::recorder::registerRecorderMetrics(metrics, *service.value());
    cv::recorder::RecorderControl control(*service.value());
    cv::control::ControlServer server(control, metrics);
    if (config->controlPort != 0) {
        cv::control::ControlServer::Options o;
        o.address = config->controlAddress;
        o.port = config->controlPort;
        o.certificatePemPath = config->certificatePath;
        o.privateKeyPemPath = config->privateKeyPath;
        o.metricsWithoutToken = config->metricsWithoutToken;
        for (const auto &[name, digest] : config->tokenDigests) {
            if (auto added = o.tokens.add(name, digest); !added)
                return fail(added.errorMessage());
        }
        if (auto listening = server.listen(o); !listening)
            return fail(listening.errorMessage());
        out() << "control API on https://" << o.address.toString() << ':' << o.port << Qt::endl;
    }

    // The SIPREC recording server (if configured) also answers on this thread; its calls are
    // posted to the capture thread, its RTP queued for it.
    cv::recorder::SiprecServer siprec(service.value()->mediaQueue(),
                                      cv::recorder::SiprecServer::postingTo(*service.value()));
    if (config->siprecEnabled()) {
        if (auto listening = siprec.listen(cv::recorder::SiprecServer::optionsFrom(config.value())); !listening)
            return fail(listening.errorMessage());
        siprec.registerMetrics(metrics);
        out() << "SIPREC server on " << config->siprecAddress.toString() << " udp " << siprec.udpPort() << " tcp "
              << siprec.tcpPort() << " tls " << siprec.tlsPort() << Qt::endl;
    }

    cv::Result<cv::recorder::RecorderService::RunReport> report =
        cv::Error{cv::ErrorCode::Cancelled, QStringLiteral("not run")};
    std::thread capture([&] {
        report = service.value()->runLive(g_stop);
        g_captureDone = true;
    });
    // Signals only set flags; this timer turns them into a reload request or the end.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        if (g_reload.exchange(false)) {
            service.value()->requestReload(configPath);
            if (auto reloaded = cv::recorder::RecorderConfig::load(configPath); reloaded && config->siprecEnabled())
                siprec.setAgentPattern(reloaded->agentPattern);
        }
        if (g_captureDone.load())
            app.quit();
    });
    watch.start(100);
    app.exec();
    capture.join();
    server.close();
    siprec.close(); // the capture loop already ended its calls; no BYE goes out
    if (!report)
        return fail(report.errorMessage());
    printReport(report.value());
    return report->problems.isEmpty() ? 0 : 2;
}
