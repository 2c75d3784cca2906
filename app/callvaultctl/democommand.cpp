#include "commands.h"
#include "ctllogin.h"
#include "ctlsupport.h"

#include "bench/encodebenchmark.h"
#include "capture/democallgenerator.h"
#include "capture/speechsynthesizer.h"
#include "catalog/database.h"
#include "crypto/x25519keypair.h"

#include <QTemporaryDir>
#include <QThread>

namespace ctl {

int runDemo(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p); // a log-in is needed on server-enforced sites
    p.addOption({QStringLiteral("count"), QStringLiteral("Number of calls (default 20)."), QStringLiteral("N"), QStringLiteral("20")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed, for repeatable demo data."), QStringLiteral("S"), QStringLiteral("2026")});
    int code = 0;
    if (!parse(p, args, QStringLiteral("Add realistic demo calls (two voices in Chinese or English, pauses, hold music)."), &code))
        return code;
    bool numeric = false;
    const int count = p.value(QStringLiteral("count")).toInt(&numeric);
    if (!numeric || count < 1 || count > 10000)
        return usageError(QStringLiteral("--count must be between 1 and 10000"), args.first());
    const quint32 seed = p.value(QStringLiteral("seed")).toUInt(&numeric);
    if (!numeric)
        return usageError(QStringLiteral("--seed must be a number"), args.first());
    if (!cv::SpeechSynthesizer::isAvailable())
        return fail(QStringLiteral("espeak-ng is needed for demo voices: apt-get install espeak-ng"));
    auto opened = openSite(p);
    if (!opened)
        return fail(opened.error());
    const cv::Site &site = *opened->site;
    cv::DemoCallGenerator generator(site.layout(), *opened->db, site.config().siteId,
                                    site.config().publicKeys.encryption);
    cv::AuditEvent audit = auditBase();
    auto made = generator.generate(count, seed, audit, [](int done, int total) {
        err(QStringLiteral("demo calls: %1/%2").arg(done).arg(total));
    });
    if (!made)
        return fail(made.error());
    out(QStringLiteral("Added %1 demo calls").arg(made.value()));
    return kExitOk;
}

int runBench(const QStringList &args)
{
    if (args.size() >= 2 && args.at(1) == QLatin1String("search"))
        return runBenchSearch(QStringList{QStringLiteral("bench search")} + args.mid(2));
    QCommandLineParser p;
    p.addOption({QStringLiteral("streams"), QStringLiteral("Concurrent calls (default 20)."), QStringLiteral("N"), QStringLiteral("20")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Audio seconds per call (default 30)."), QStringLiteral("S"), QStringLiteral("30")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: CPU cores)."), QStringLiteral("T")});
    p.addPositionalArgument(QStringLiteral("encode"), QStringLiteral("The benchmark to run."));
    int code = 0;
    if (!parse(p, args, QStringLiteral("Benchmark the recording pipeline against bare libopus."), &code))
        return code;
    if (p.positionalArguments() != QStringList{QStringLiteral("encode")})
        return usageError(QStringLiteral("the benchmarks are: bench encode, bench search"), args.first());
    bool ok1 = false, ok2 = false;
    const int streams = p.value(QStringLiteral("streams")).toInt(&ok1);
    const int seconds = p.value(QStringLiteral("seconds")).toInt(&ok2);
    if (!ok1 || !ok2 || streams < 1 || streams > 5000 || seconds < 1 || seconds > 3600)
        return usageError(QStringLiteral("--streams must be 1..5000 and --seconds 1..3600"), args.first());
    const int threads = p.isSet(QStringLiteral("threads")) ? p.value(QStringLiteral("threads")).toInt()
                                                          : QThread::idealThreadCount();
    QTemporaryDir work;
    auto siteKey = cv::crypto::X25519KeyPair::generate();
    if (!work.isValid() || !siteKey)
        return fail(QStringLiteral("could not prepare the benchmark"));
    cv::EncodeBenchmark bench(work.path(), siteKey->publicKey(), threads);
    out(QStringLiteral("bench encode: %1 streams x %2 s, %3 threads, durable writes in %4")
            .arg(streams).arg(seconds).arg(threads).arg(work.path()));
    bool allMet = true;
    for (const auto &config : cv::EncodeBenchmark::standardConfigs()) {
        auto report = bench.run(config, streams, seconds);
        if (!report)
            return fail(report.error());
        const auto line = [](const QString &what, const cv::EncodeBenchmark::Figures &f) {
            return QStringLiteral("  %1  %2 real-time streams per core  (cpu %3 s, wall %4 s for %5 s of audio)")
                .arg(what, -16)
                .arg(f.streamsPerCore(), 8, 'f', 1)
                .arg(f.cpuSeconds, 0, 'f', 2)
                .arg(f.wallSeconds, 0, 'f', 2)
                .arg(f.audioSeconds, 0, 'f', 0);
        };
        out(config.label);
        out(line(QStringLiteral("bare libopus"), report->bare));
        out(line(QStringLiteral("full pipeline"), report->pipeline));
        out(QStringLiteral("  ratio pipeline/bare: %1 (target >= 0.90)").arg(report->ratio(), 0, 'f', 3));
        allMet = allMet && report->ratio() >= 0.9;
    }
    out(allMet ? QStringLiteral("target met") : QStringLiteral("target NOT met"));
    return kExitOk;
}

} // namespace ctl
