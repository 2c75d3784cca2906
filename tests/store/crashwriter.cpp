// Test helper for test_crashrecovery: records a long synthetic call into a spool and prints
// "fed <ms>" after every 20 ms block it has handed to the writer, until it is killed.
// Usage: cvr_crashwriter SPOOL_DIR SITE_PUBLIC_KEY_HEX RATE CHANNELS
#include "store/recordingwriter.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <unistd.h>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: cvr_crashwriter SPOOL_DIR SITE_PUBLIC_KEY_HEX RATE CHANNELS\n");
        return 2;
    }
    cv::RecordingWriter::Options o;
    o.spoolDir = QString::fromLocal8Bit(argv[1]);
    o.sitePublicKey = QByteArray::fromHex(argv[2]);
    o.opus.sampleRate = std::atoi(argv[3]);
    o.opus.channels = std::atoi(argv[4]);
    o.metadata.agentId = QStringLiteral("1001");
    o.metadata.direction = QStringLiteral("in");
    o.metadata.source = QStringLiteral("crash-test");
    auto writer = cv::RecordingWriter::create(o);
    if (!writer) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.errorMessage()));
        return 1;
    }
    const int rate = o.opus.sampleRate, channels = o.opus.channels;
    const int block = rate / 50;
    std::vector<qint16> pcm(static_cast<std::size_t>(block * channels));
    qint64 frame = 0;
    for (int i = 0; i < 50 * 600; ++i) { // at most 10 minutes of audio
        for (int f = 0; f < block; ++f, ++frame) {
            for (int c = 0; c < channels; ++c)
                pcm[static_cast<std::size_t>(f * channels + c)] =
                    static_cast<qint16>(6000 * std::sin(2 * M_PI * (c ? 1000.0 : 440.0) * frame / rate));
        }
        if (auto w = writer.value()->write(pcm.data(), block); !w) {
            std::fprintf(stderr, "%s\n", qPrintable(w.errorMessage()));
            return 1;
        }
        char line[64];
        const int n = std::snprintf(line, sizeof line, "fed %lld\n", static_cast<long long>(writer.value()->fedMs()));
        if (::write(STDOUT_FILENO, line, static_cast<size_t>(n)) != n)
            return 1;
    }
    return writer.value()->finish().ok() ? 0 : 1;
}
