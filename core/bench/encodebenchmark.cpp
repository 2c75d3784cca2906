#include "encodebenchmark.h"

#include "store/recordingwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <opus.h>
#include <opus_multistream.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace cv {

namespace {

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Runs `work(stream)` for every stream on `threads` threads; each thread interleaves its
// streams in 100 ms blocks, as a recorder serving many calls does.
template<typename Stream>
Result<EncodeBenchmark::Figures> measure(int threads, int streams, qint64 frames, int sampleRate, int channels,
                                         const std::function<Result<std::unique_ptr<Stream>>(int)> &open,
                                         const std::function<Result<void>(Stream &, qint64, qint64)> &feed,
                                         const std::function<Result<void>(Stream &)> &close)
{
    std::vector<std::unique_ptr<Stream>> all;
    for (int s = 0; s < streams; ++s) {
        auto stream = open(s);
        if (!stream)
            return stream.error();
        all.push_back(stream.takeValue());
    }
    std::atomic<bool> failed{false};
    Error firstError;
    std::mutex errorMutex;
    const qint64 block = sampleRate / 10;
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (qint64 pos = 0; pos < frames && !failed; pos += block) {
                for (int s = t; s < streams; s += threads) {
                    auto r = feed(*all[static_cast<std::size_t>(s)], pos, std::min(block, frames - pos));
                    if (!r) {
                        std::lock_guard<std::mutex> lock(errorMutex);
                        firstError = r.error();
                        failed = true;
                    }
                }
            }
            for (int s = t; s < streams && !failed; s += threads) {
                if (auto r = close(*all[static_cast<std::size_t>(s)]); !r) {
                    std::lock_guard<std::mutex> lock(errorMutex);
                    firstError = r.error();
                    failed = true;
                }
            }
        });
    }
    for (auto &thread : pool)
        thread.join();
    if (failed)
        return firstError;
    EncodeBenchmark::Figures f;
    f.wallSeconds = wall.elapsed() / 1000.0;
    f.cpuSeconds = processCpuSeconds() - cpuBefore;
    f.audioSeconds = static_cast<double>(streams) * frames / sampleRate;
    Q_UNUSED(channels)
    return f;
}

struct BareStream
{
    std::unique_ptr<OpusMSEncoder, decltype(&opus_multistream_encoder_destroy)> encoder{nullptr,
                                                                                       &opus_multistream_encoder_destroy};
    std::vector<qint16> pending;
    std::vector<unsigned char> packet = std::vector<unsigned char>(4000);
};

} // namespace

QVector<qint16> syntheticSpeech(int sampleRate, int channels, int seconds, quint32 seed)
{
    QRandomGenerator rng(seed);
    const qint64 frames = static_cast<qint64>(sampleRate) * seconds;
    QVector<qint16> pcm(static_cast<qsizetype>(frames * channels));
    for (int c = 0; c < channels; ++c) {
        double pitch = 110 + 90 * c;
        qint64 syllableEnd = 0, syllableStart = 0;
        bool voiced = true;
        for (qint64 i = 0; i < frames; ++i) {
            if (i >= syllableEnd) {
                syllableStart = i;
                syllableEnd = i + sampleRate * (80 + rng.bounded(300)) / 1000;
                voiced = rng.bounded(5) != 0;
                pitch = (110 + 90 * c) * (0.85 + rng.bounded(30) / 100.0);
                if (rng.bounded(4) == 0) // a pause between words
                    voiced = false, syllableEnd += sampleRate / 4;
            }
            const double t = static_cast<double>(i) / sampleRate;
            const double phase = static_cast<double>(i - syllableStart) / static_cast<double>(syllableEnd - syllableStart);
            const double env = std::sin(M_PI * std::min(1.0, phase));
            double v = 0;
            if (voiced) {
                for (int h = 1; h <= 6; ++h)
                    v += std::sin(2 * M_PI * pitch * h * t) / h;
                v *= 5000 * env;
            } else {
                v = (rng.generateDouble() - 0.5) * 600 * env;
            }
            pcm[static_cast<qsizetype>(i * channels + c)] = static_cast<qint16>(std::clamp(v, -32000.0, 32000.0));
        }
    }
    return pcm;
}

EncodeBenchmark::EncodeBenchmark(QString workDirectory, QByteArray sitePublicKey, int threads)
    : m_workDirectory(std::move(workDirectory)), m_sitePublicKey(std::move(sitePublicKey)), m_threads(std::max(1, threads))
{
}

QVector<EncodeBenchmark::Config> EncodeBenchmark::standardConfigs()
{
    return {
        {QStringLiteral("8 kHz, mono per leg (2 ch), 24 kbit/s"), 8000, 2, 24000, 5},
        {QStringLiteral("16 kHz stereo, 32 kbit/s"), 16000, 2, 32000, 5},
    };
}

Result<EncodeBenchmark::Figures> EncodeBenchmark::runPipeline(const Config &config, int streams,
                                                              const QVector<qint16> &pcm)
{
    const QString spool = QDir(m_workDirectory).filePath(QStringLiteral("spool-%1").arg(config.sampleRate));
    QDir(spool).removeRecursively();
    const qint64 frames = pcm.size() / config.channels;
    auto open = [&](int) -> Result<std::unique_ptr<RecordingWriter>> {
        RecordingWriter::Options o;
        o.spoolDir = spool;
        o.sitePublicKey = m_sitePublicKey;
        o.opus.sampleRate = config.sampleRate;
        o.opus.channels = config.channels;
        o.opus.bitrate = config.bitrate;
        o.opus.complexity = config.complexity;
        o.metadata.source = QStringLiteral("bench");
        return RecordingWriter::create(o);
    };
    auto feed = [&](RecordingWriter &w, qint64 pos, qint64 n) {
        return w.write(pcm.constData() + pos * config.channels, n);
    };
    auto close = [](RecordingWriter &w) -> Result<void> {
        auto f = w.finish();
        if (!f)
            return f.error();
        return {};
    };
    auto figures = measure<RecordingWriter>(m_threads, streams, frames, config.sampleRate, config.channels, open, feed, close);
    QDir(spool).removeRecursively();
    return figures;
}

Result<EncodeBenchmark::Figures> EncodeBenchmark::runBare(const Config &config, int streams, const QVector<qint16> &pcm)
{
    const qint64 frames = pcm.size() / config.channels;
    const int frameSize = config.sampleRate / 50;
    auto open = [&](int) -> Result<std::unique_ptr<BareStream>> {
        auto s = std::make_unique<BareStream>();
        int error = 0;
        // The same codec layout as the pipeline: one uncoupled stream per channel.
        const unsigned char mapping[2] = {0, 1};
        s->encoder.reset(opus_multistream_encoder_create(config.sampleRate, config.channels, config.channels, 0,
                                                         mapping, OPUS_APPLICATION_VOIP, &error));
        if (error != OPUS_OK)
            return makeError(ErrorCode::Codec, QStringLiteral("The Opus encoder could not be created (error %1).").arg(error));
        opus_multistream_encoder_ctl(s->encoder.get(), OPUS_SET_BITRATE(config.bitrate));
        opus_multistream_encoder_ctl(s->encoder.get(), OPUS_SET_COMPLEXITY(config.complexity));
        return s;
    };
    auto feed = [&](BareStream &s, qint64 pos, qint64 n) -> Result<void> {
        const qint16 *in = pcm.constData() + pos * config.channels;
        s.pending.insert(s.pending.end(), in, in + n * config.channels);
        std::size_t used = 0;
        const std::size_t step = static_cast<std::size_t>(frameSize * config.channels);
        for (; used + step <= s.pending.size(); used += step) {
            if (opus_multistream_encode(s.encoder.get(), s.pending.data() + used, frameSize, s.packet.data(),
                            static_cast<opus_int32>(s.packet.size())) < 0)
                return makeError(ErrorCode::Codec, QStringLiteral("The Opus encoder failed."));
        }
        s.pending.erase(s.pending.begin(), s.pending.begin() + static_cast<std::ptrdiff_t>(used));
        return {};
    };
    auto close = [](BareStream &) -> Result<void> { return {}; };
    return measure<BareStream>(m_threads, streams, frames, config.sampleRate, config.channels, open, feed, close);
}

Result<EncodeBenchmark::Report> EncodeBenchmark::run(const Config &config, int streams, int seconds)
{
    const QVector<qint16> pcm = syntheticSpeech(config.sampleRate, config.channels, seconds, 42);
    Report report;
    report.config = config;
    report.streams = streams;
    report.seconds = seconds;
    auto bare = runBare(config, streams, pcm);
    if (!bare)
        return bare.error();
    auto pipeline = runPipeline(config, streams, pcm);
    if (!pipeline)
        return pipeline.error();
    report.bare = bare.value();
    report.pipeline = pipeline.value();
    return report;
}

} // namespace cv
