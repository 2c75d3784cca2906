// callvault-recorder: the headless network recorder of a small site (docs/user-guide-callvault-recorder.md).
// Parses the command line, loads recorder.conf, wires core's RecorderService to signals and
// runs it; all logic lives in callvault_core (core/recorder).
#include "bench/recorderbenchmark.h"
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
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <optional>
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

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

QString benchLine(const cv::RecorderBenchmark::Figures &f)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10")
        .arg(f.calls, 5)
        .arg(QStringLiteral("%1 %").arg(f.cpuPerCallPercent(), 0, 'f', 3), 9)
        .arg(f.callsPerCore(), 10, 'f', 0)
        .arg(f.ratio(), 6, 'f', 2)
        .arg(QStringLiteral("%1 KB").arg(f.rssPerCallKb, 0, 'f', 0), 9)
        .arg(f.kernelDrops, 6)
        .arg(QStringLiteral("%1/%2").arg(f.rtpLost).arg(f.rtpLate), 9)
        .arg(QStringLiteral("%1/%2 ms").arg(f.maxCaptureLagMs).arg(f.maxEncodingLagMs), 11)
        .arg(QStringLiteral("%1/%2").arg(f.callsRecorded).arg(f.calls), 9)
        .arg(f.held() ? QStringLiteral("held") : QStringLiteral("NOT HELD: ") + f.problems.join(QStringLiteral("; ")));
}

// --bench: issue 8's capacity benchmark (docs/user-guide-callvault-recorder.md, "Performance
// and the high-density profile"). Exit 0 when every target that applies passed, 2 when one
// failed, 77 when the live capture is not allowed (no root / CAP_NET_RAW).
int bench(const QCommandLineParser &p)
{
    QLoggingCategory::setFilterRules(QStringLiteral("callvault.*.debug=false\ncallvault.*.info=false"));
    cv::RecorderBenchmark::Options o;
    o.seconds = std::max(3, p.value(QStringLiteral("seconds")).toInt());
    o.complexity = std::clamp(p.value(QStringLiteral("complexity")).toInt(), 0, 10);
    o.interfaceName = p.value(QStringLiteral("interface"));
    const bool findMax = p.isSet(QStringLiteral("find-max"));
    const int calls = std::max(1, p.value(QStringLiteral("calls")).toInt());
    const int targetCalls = o.complexity <= 1 ? 500 : 250;
    cv::RecorderBenchmark benchmark(o);
    out() << "callvault-recorder --bench: " << (findMax ? QStringLiteral("finding the most calls held")
                                                        : QStringLiteral("%1 calls").arg(calls))
          << ", " << o.seconds << " s of audio each (G.711 legs in, 8 kHz stereo Opus out), complexity "
          << o.complexity << ", " << o.bitrate / 1000 << " kbit/s, on " << o.interfaceName << ", "
          << std::thread::hardware_concurrency() << " cores, load average " << loadAverage() << Qt::endl;
    const double bare = benchmark.bareStreamsPerCore(std::clamp(o.seconds / 4.0, 0.5, 3.0));
    out() << "bare libopus, same audio and settings, one thread: " << QString::number(bare, 'f', 0)
          << " stereo streams per core" << Qt::endl;
    out() << "calls  CPU/call calls/core  ratio  RSS/call  drops lost/late lag cap/enc  recorded  result" << Qt::endl;
    const QVector<int> steps = findMax ? QVector<int>{100, 200, 250, 300, 400, 500, 600} : QVector<int>{calls};
    std::optional<cv::RecorderBenchmark::Figures> best, last;
    for (int n : steps) {
        auto figures = benchmark.run(n);
        if (!figures) {
            err() << "callvault-recorder: " << figures.errorMessage() << Qt::endl;
            return figures.error().code == cv::ErrorCode::PermissionDenied ? 77 : 1;
        }
        out() << benchLine(figures.value()) << Qt::endl;
        last = figures.value();
        if (!figures->held())
            break;
        best = figures.value();
    }
    const auto verdict = [](bool ok) { return ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"); };
    const cv::RecorderBenchmark::Figures &f = best ? *best : *last;
    const int held = best ? best->calls : 0;
    out() << "largest N held: " << held << " calls (" << 2 * held << " legs)" << Qt::endl;
    const bool ratioOk = f.ratio() >= 0.8, rssOk = f.rssPerCallKb <= 200, heldOk = best.has_value();
    out() << "target ratio to bare libopus >= 0.8: " << verdict(ratioOk) << " (" << QString::number(f.ratio(), 'f', 2)
          << ")" << Qt::endl;
    out() << "target RSS per call <= 200 KB: " << verdict(rssOk) << " (" << QString::number(f.rssPerCallKb, 'f', 0)
          << " KB)" << Qt::endl;
    out() << "target 0 drops, 0 lost/late, encoding keeping up at " << (findMax ? held : calls)
          << " calls: " << verdict(findMax ? held > 0 : heldOk) << Qt::endl;
    bool countOk = true;
    if (findMax || calls >= targetCalls) {
        countOk = held >= targetCalls;
        out() << "target >= " << targetCalls << " concurrent calls at complexity " << o.complexity << ": "
              << verdict(countOk) << " (" << held << ")" << Qt::endl;
    }
    return ratioOk && rssOk && heldOk && countOk ? 0 : 2;
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
    p.addOption({QStringLiteral("bench"), QStringLiteral("Capacity benchmark: synthetic calls over loopback to the live "
                                                         "capture path (needs root/CAP_NET_RAW), then exit.")});
    p.addOption({QStringLiteral("calls"), QStringLiteral("--bench: concurrent calls (default 100)."), QStringLiteral("N"),
                 QStringLiteral("100")});
    p.addOption({QStringLiteral("find-max"), QStringLiteral("--bench: step the calls up (100 .. 600) until a run fails.")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("--bench: audio per call (default 20)."), QStringLiteral("S"),
                 QStringLiteral("20")});
    p.addOption({QStringLiteral("complexity"), QStringLiteral("--bench: Opus complexity (default 5)."), QStringLiteral("C"),
                 QStringLiteral("5")});
    p.addOption({QStringLiteral("interface"), QStringLiteral("--bench: loopback interface (default lo)."),
                 QStringLiteral("IF"), QStringLiteral("lo")});
    p.process(app);
    if (p.isSet(QStringLiteral("bench")))
        return bench(p);

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
