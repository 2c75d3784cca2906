// OggOpusWriter + OggOpusReader: round trips at the native rates, validated with the real
// opusinfo and ffprobe, seeking, truncated (recovered) streams, page boundaries.

#include "codec/oggopusreader.h"
#include "codec/oggopuswriter.h"
#include "memorysource.h"
#include "oggpages.h"
#include "signal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cv;
using namespace cv::test;

namespace {

const double kFreqs[2] = {440.0, 1000.0}; // left (agent), right (customer)

struct Encoded
{
    QByteArray bytes;
    QVector<qint64> flushOffsets; // byte offsets where flushPage() closed a page
    qint64 frames = 0;
    int preSkip = 0;
};

// Encodes `pcm` in irregular pieces, calling flushPage() after every second of audio as the
// container does; finishes the stream unless `finish` is false (a crashed recording).
Encoded encode(const OpusSettings &settings, const QVector<qint16> &pcm,
               const QStringList &comments = {}, bool finish = true)
{
    Encoded out;
    auto created = OggOpusWriter::create(settings, comments, 0x5EED1234u);
    if (!created) {
        qWarning() << created.errorMessage();
        return out;
    }
    auto writer = created.takeValue();
    const qint64 frames = pcm.size() / settings.channels;
    const qint64 piece = 1234; // deliberately not a multiple of the Opus frame
    qint64 sinceFlush = 0;
    for (qint64 done = 0; done < frames;) {
        const qint64 n = std::min(piece, frames - done);
        if (!writer->write(pcm.constData() + done * settings.channels, n)) {
            qWarning() << "write failed";
            return out;
        }
        done += n;
        sinceFlush += n;
        if (sinceFlush >= settings.sampleRate) {
            writer->flushPage();
            out.bytes += writer->takeOutput();
            out.flushOffsets.append(out.bytes.size());
            sinceFlush = 0;
        }
    }
    if (finish && !writer->finish()) {
        qWarning() << "finish failed";
        return out;
    }
    out.bytes += writer->takeOutput();
    out.frames = writer->framesWritten();
    out.preSkip = writer->preSkip();
    return out;
}

QVector<qint16> decodeAll(OggOpusReader &reader)
{
    QVector<qint16> out;
    QVector<qint16> buffer(4000 * reader.channels());
    for (;;) {
        auto got = reader.read(buffer.data(), 4000);
        if (!got) {
            qWarning() << got.errorMessage();
            break;
        }
        if (got.value() == 0)
            break;
        out.append(buffer.mid(0, qsizetype(got.value() * reader.channels())));
    }
    return out;
}

QString findTool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

} // namespace

class TestOggOpusWriter final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void otherFrameSizes_data();
    void otherFrameSizes();
    void seek();
    void truncatedStreamDecodesPrefix();
    void flushPageEndsOnPageBoundary();
    void pagesAreEmittedPromptly();
    void emptyStream();
    void rejectsBadSettings_data();
    void rejectsBadSettings();
    void rejectsBadComments();
    void writeAfterFinishFails();
    void readerRejectsGarbage();
    void readerReportsSourceErrors();
};

void TestOggOpusWriter::roundTrip_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("bitrate");
    QTest::addColumn<double>("minSeparationDb");
    // A coupled stereo stream (mapping family 0) at 32 kbit/s let the parties bleed into
    // each other (libopus 1.3.1: 31 dB apart at 8 kHz, 15 dB at 16 kHz, 8 dB at 48 kHz).
    // The writer codes each channel as its own stream (mapping family 1, uncoupled), which
    // keeps them apart at call bit rates; the test holds it to 40 dB.
    for (int rate : {8000, 16000, 48000}) {
        QTest::addRow("%d Hz mono", rate) << rate << 1 << 32000 << 30.0;
        QTest::addRow("%d Hz stereo", rate) << rate << 2 << 32000 << 40.0;
    }
    QTest::addRow("16000 Hz stereo 64 kbit/s") << 16000 << 2 << 64000 << 30.0;
    QTest::addRow("48000 Hz stereo 64 kbit/s") << 48000 << 2 << 64000 << 30.0;
}

void TestOggOpusWriter::roundTrip()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(int, bitrate);
    QFETCH(double, minSeparationDb);
    OpusSettings settings;
    settings.sampleRate = rate;
    settings.channels = channels;
    settings.bitrate = bitrate;
    const qint64 inputFrames = 3 * rate;
    const QVector<qint16> pcm = sineTones(rate, channels, inputFrames, kFreqs);
    const QStringList comments = {
        QStringLiteral("TITLE=Call 42"), QStringLiteral("AGENT=Zo\u00EB \u00D8stergaard"),
        QStringLiteral("CALLVAULT_UUID=6f1c0e5e-2f7d-4d8e-9a43-0c7b7c1d2e3f")};
    const Encoded enc = encode(settings, pcm, comments);
    QVERIFY(!enc.bytes.isEmpty());
    QCOMPARE(enc.frames, inputFrames);
    qInfo("%d Hz %d ch at %d bit/s: %lld bytes for 3 s = %.1f kbit/s including Ogg overhead", rate,
          channels, settings.bitrate, qint64(enc.bytes.size()),
          enc.bytes.size() * 8.0 / 3.0 / 1000.0);

    // Container structure: OpusHead page, OpusTags page, audio pages, EOS with end trimming.
    QVector<OggPage> pages;
    QVERIFY(walkOggPages(enc.bytes, &pages));
    QVERIFY(pages.size() >= 3);
    QCOMPARE(pages.first().headerType, 2); // BOS
    QVERIFY(pages.first().body.startsWith("OpusHead"));
    const QByteArray head = pages.first().body;
    if (channels == 1) {
        QCOMPARE(head.size(), 19); // mapping family 0
        QCOMPARE(int(head.at(18)), 0);
    } else {
        // Mapping family 1, one uncoupled stream per channel: agent and customer apart.
        QCOMPARE(head.size(), 21 + channels);
        QCOMPARE(int(head.at(18)), 1);
        QCOMPARE(int(head.at(19)), channels); // streams
        QCOMPARE(int(head.at(20)), 0);        // coupled streams
        QCOMPARE(int(head.at(21)), 0);
        QCOMPARE(int(head.at(22)), 1);
    }
    QCOMPARE(int(head.at(8)), 1);
    QCOMPARE(int(head.at(9)), channels);
    QCOMPARE(int(qFromLittleEndian<quint16>(head.constData() + 10)), enc.preSkip);
    QCOMPARE(int(qFromLittleEndian<quint32>(head.constData() + 12)), rate);
    QVERIFY(pages.at(1).body.startsWith("OpusTags"));
    QCOMPARE(pages.at(1).granule, 0);
    QCOMPARE(pages.last().headerType & 4, 4); // EOS
    QCOMPARE(pages.last().granule, enc.preSkip + inputFrames * (48000 / rate));
    for (int i = 1; i < pages.size(); ++i) {
        QCOMPARE(pages.at(i).sequence, pages.at(i - 1).sequence + 1);
        QCOMPARE(pages.at(i).serial, 0x5EED1234u);
        if (i > 2)
            QVERIFY(pages.at(i).granule >= pages.at(i - 1).granule);
    }

    // Decode.
    MemorySource source(enc.bytes);
    auto opened = OggOpusReader::open(source);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    auto reader = opened.takeValue();
    QCOMPARE(reader->channels(), channels);
    QCOMPARE(reader->originalSampleRate(), rate);
    QCOMPARE(reader->comments(), comments);
    QCOMPARE(reader->totalFrames(), qint64(3 * 48000)); // end trimming is exact
    QCOMPARE(reader->durationMs(), qint64(3000));
    const QVector<qint16> decoded = decodeAll(*reader);
    const qint64 decodedFrames = decoded.size() / channels;
    QVERIFY2(std::abs(decodedFrames - 3 * 48000) <= 20 * 48,
             qPrintable(QStringLiteral("decoded %1 frames").arg(decodedFrames)));
    QCOMPARE(reader->positionMs(), qint64(3000));

    // Each channel keeps its own tone (agent left, customer right).
    const qint16 *mid = decoded.constData() + 24000 * channels; // skip the first 0.5 s
    const qint64 window = 96000;                                // 2 s
    for (int c = 0; c < channels; ++c) {
        const double own = goertzel(mid, window, channels, c, 48000, kFreqs[c]);
        const double other = goertzel(mid, window, channels, c, 48000, kFreqs[1 - c]);
        const double separationDb = 10.0 * std::log10(own / std::max(other, 1e-9));
        qInfo("channel %d: %.0f Hz is %.1f dB above %.0f Hz", c, kFreqs[c], separationDb,
              kFreqs[1 - c]);
        QVERIFY2(separationDb >= minSeparationDb,
                 qPrintable(QStringLiteral("channel %1: %2 Hz only %3 dB above %4 Hz")
                                .arg(c)
                                .arg(kFreqs[c])
                                .arg(separationDb)
                                .arg(kFreqs[1 - c])));
        const double level = rms(mid, window, channels, c);
        QVERIFY2(level > 12000 / std::sqrt(2.0) * 0.7 && level < 12000 / std::sqrt(2.0) * 1.3,
                 qPrintable(QStringLiteral("channel %1 RMS %2").arg(c).arg(level)));
    }

    // The real tools must accept the file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("roundtrip.opus"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(enc.bytes), qint64(enc.bytes.size()));
    }

    const QString opusinfo = findTool("opusinfo");
    if (opusinfo.isEmpty())
        QFAIL("opusinfo not found in PATH: install opus-tools (CI must provide it; this test "
              "does not skip)");
    QProcess info;
    info.setProcessChannelMode(QProcess::MergedChannels);
    info.start(opusinfo, {path});
    QVERIFY(info.waitForFinished(30000));
    const QString infoOut = QString::fromUtf8(info.readAll()).replace(path, QStringLiteral("FILE"));
    QVERIFY2(info.exitStatus() == QProcess::NormalExit && info.exitCode() == 0,
             qPrintable(infoOut));
    QVERIFY2(!infoOut.contains(QStringLiteral("WARNING"), Qt::CaseInsensitive),
             qPrintable(infoOut));
    QVERIFY2(!infoOut.contains(QStringLiteral("error"), Qt::CaseInsensitive), qPrintable(infoOut));
    const auto rateMatch =
        QRegularExpression(QStringLiteral("Original sample rate: (\\d+) Hz")).match(infoOut);
    QVERIFY2(rateMatch.hasMatch(), qPrintable(infoOut));
    QCOMPARE(rateMatch.captured(1).toInt(), rate);
    const auto chMatch = QRegularExpression(QStringLiteral("Channels: (\\d+)")).match(infoOut);
    QVERIFY2(chMatch.hasMatch(), qPrintable(infoOut));
    QCOMPARE(chMatch.captured(1).toInt(), channels);
    const auto preSkipMatch = QRegularExpression(QStringLiteral("Pre-skip: (\\d+)")).match(infoOut);
    QVERIFY2(preSkipMatch.hasMatch(), qPrintable(infoOut));
    QCOMPARE(preSkipMatch.captured(1).toInt(), enc.preSkip);
    QVERIFY2(infoOut.contains(QStringLiteral("Playback length: 0m:03.000s")), qPrintable(infoOut));

    const QString ffprobe = findTool("ffprobe");
    if (ffprobe.isEmpty())
        QFAIL("ffprobe not found in PATH: install ffmpeg (CI must provide it; this test does not "
              "skip)");
    QProcess probe;
    probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"),
                          QStringLiteral("-show_streams"), QStringLiteral("-show_format"),
                          QStringLiteral("-of"), QStringLiteral("json"), path});
    QVERIFY(probe.waitForFinished(30000));
    const QByteArray probeErr = probe.readAllStandardError();
    QVERIFY2(probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
             probeErr.constData());
    QVERIFY2(probeErr.trimmed().isEmpty(), probeErr.constData());
    QJsonParseError jsonError;
    const QJsonDocument json = QJsonDocument::fromJson(probe.readAllStandardOutput(), &jsonError);
    QVERIFY2(jsonError.error == QJsonParseError::NoError, qPrintable(jsonError.errorString()));
    const QJsonArray streams = json.object().value(QStringLiteral("streams")).toArray();
    QCOMPARE(streams.size(), 1);
    const QJsonObject stream = streams.first().toObject();
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("opus"));
    QCOMPARE(stream.value(QStringLiteral("channels")).toInt(), channels);
    const double duration = json.object()
                                .value(QStringLiteral("format"))
                                .toObject()
                                .value(QStringLiteral("duration"))
                                .toString()
                                .toDouble();
    QVERIFY2(std::abs(duration - 3.0) <= 0.040,
             qPrintable(QStringLiteral("ffprobe duration %1 s").arg(duration)));
}

void TestOggOpusWriter::otherFrameSizes_data()
{
    QTest::addColumn<int>("frameMs");
    QTest::addColumn<int>("rate");
    QTest::newRow("10 ms 16 kHz") << 10 << 16000;
    QTest::newRow("40 ms 12 kHz") << 40 << 12000;
    QTest::newRow("60 ms 24 kHz") << 60 << 24000;
}

void TestOggOpusWriter::otherFrameSizes()
{
    QFETCH(int, frameMs);
    QFETCH(int, rate);
    OpusSettings settings;
    settings.sampleRate = rate;
    settings.frameMs = frameMs;
    const qint64 inputFrames = rate + rate / 3; // 1.333 s, not a whole number of frames
    const Encoded enc = encode(settings, sineTones(rate, 2, inputFrames, kFreqs));
    MemorySource source(enc.bytes);
    auto opened = OggOpusReader::open(source);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    auto reader = opened.takeValue();
    QCOMPARE(reader->originalSampleRate(), rate);
    QCOMPARE(reader->totalFrames(), inputFrames * (48000 / rate));
    QCOMPARE(qint64(decodeAll(*reader).size() / 2), inputFrames * (48000 / rate));
}

void TestOggOpusWriter::seek()
{
    OpusSettings settings; // 16 kHz stereo
    const Encoded enc = encode(settings, sineTones(16000, 2, 3 * 16000, kFreqs));
    MemorySource source(enc.bytes);
    auto reader = OggOpusReader::open(source).takeValue();
    QVERIFY(reader);
    const QVector<qint16> full = decodeAll(*reader);

    QVERIFY(reader->seekMs(1500));
    QCOMPARE(reader->positionMs(), qint64(1500));
    QVector<qint16> buffer(4800 * 2);
    auto got = reader->read(buffer.data(), 4800);
    QVERIFY(got);
    QCOMPARE(got.value(), qint64(4800));
    QCOMPARE(reader->positionMs(), qint64(1600));
    // After a seek opusfile pre-rolls the decoder (80 ms), so the audio matches the straight
    // decode closely. SILK at 16 kbit/s per voice has not fully converged by then: on these
    // -12 dBFS tones the peak difference is under 3000 LSB (a wrong position gives ~16000).
    double maxDiff = 0;
    for (int i = 0; i < buffer.size(); ++i)
        maxDiff = std::max(maxDiff, std::abs(double(buffer[i]) - full[72000 * 2 + i]));
    QVERIFY2(maxDiff < 4000, qPrintable(QStringLiteral("max difference %1").arg(maxDiff)));

    QVERIFY(reader->seekMs(0));
    QCOMPARE(reader->positionMs(), qint64(0));
    QVERIFY(reader->seekMs(-50)); // clamped to the start
    QCOMPARE(reader->positionMs(), qint64(0));
    QVERIFY(reader->seekMs(999999)); // clamped to the end
    QCOMPARE(reader->positionMs(), qint64(3000));
    got = reader->read(buffer.data(), 4800);
    QVERIFY(got);
    QCOMPARE(got.value(), qint64(0));
}

void TestOggOpusWriter::truncatedStreamDecodesPrefix()
{
    OpusSettings settings;
    const QVector<qint16> pcm = sineTones(16000, 2, 3 * 16000 + 500, kFreqs);
    const Encoded complete = encode(settings, pcm);
    MemorySource completeSource(complete.bytes);
    auto completeReader = OggOpusReader::open(completeSource).takeValue();
    QVERIFY(completeReader);
    const QVector<qint16> full = decodeAll(*completeReader);

    // A crashed recording: never finished, so no EOS, no end trimming.
    const Encoded crashed = encode(settings, pcm, {}, false);
    QCOMPARE(crashed.flushOffsets.size(), 3);
    QVERIFY(walkOggPages(crashed.bytes, nullptr)); // flushPage() left whole pages only

    struct Cut
    {
        qint64 bytes;
        qint64 expectedMs;
    };
    const QVector<Cut> cuts = {
        {crashed.flushOffsets.at(0), 1000},      // sealed chunk boundary after 1 s
        {crashed.flushOffsets.at(1), 2000},      // after 2 s
        {crashed.flushOffsets.at(1) + 37, 2000}, // plus a torn page
        {crashed.bytes.size(), 3000},            // everything written before the crash
    };
    for (const Cut &cut : cuts) {
        MemorySource source(crashed.bytes.left(int(cut.bytes)));
        auto opened = OggOpusReader::open(source);
        QVERIFY2(opened, qPrintable(opened.errorMessage()));
        auto reader = opened.takeValue();
        const QVector<qint16> prefix = decodeAll(*reader);
        const qint64 frames = prefix.size() / 2;
        QVERIFY2(
            std::abs(frames * 1000 / 48000 - cut.expectedMs) <= 40,
            qPrintable(QStringLiteral("cut at %1 bytes: %2 frames").arg(cut.bytes).arg(frames)));
        QCOMPARE(reader->totalFrames(), frames);
        QVERIFY(frames * 2 <= full.size());
        // Same packets, same decoder: the prefix is bit-identical to the complete decode.
        QVERIFY(std::equal(prefix.cbegin(), prefix.cend(), full.cbegin()));
    }

    // Only the headers survived: the file opens but holds no audio, or is refused; never a crash.
    MemorySource headersOnly(crashed.bytes.left(int(crashed.flushOffsets.at(0) / 20)));
    auto opened = OggOpusReader::open(headersOnly);
    if (opened) {
        QVector<qint16> buffer(960 * 2);
        auto got = opened.value()->read(buffer.data(), 960);
        QVERIFY(got);
        QCOMPARE(got.value(), qint64(0));
    } else {
        QVERIFY(!opened.errorMessage().isEmpty());
    }
}

void TestOggOpusWriter::flushPageEndsOnPageBoundary()
{
    OpusSettings settings;
    auto writer = OggOpusWriter::create(settings, {}, 7).takeValue();
    QVERIFY(writer);
    const QVector<qint16> pcm = sineTones(16000, 2, 4 * 4100, kFreqs);
    QByteArray all;
    qint64 granule = 0;
    for (int step = 0; step < 4; ++step) {
        // 0.25 s + a partial Opus frame each time.
        QVERIFY(writer->write(pcm.constData() + step * 4100 * 2, 4100));
        writer->flushPage();
        const QByteArray chunk = writer->takeOutput();
        QVERIFY(!chunk.isEmpty());
        QVector<OggPage> pages;
        QVERIFY2(walkOggPages(chunk, &pages), "flushPage() output does not end on a page boundary");
        QVERIFY(chunk.startsWith("OggS"));
        // The last page's granule covers every whole Opus frame fed so far.
        granule = pages.last().granule;
        QCOMPARE(granule, (writer->framesWritten() / 320) * 320 * 3);
        QVERIFY(writer->takeOutput().isEmpty());
        writer->flushPage(); // nothing pending: no empty page
        QVERIFY(writer->takeOutput().isEmpty());
        all += chunk;
    }
    QVERIFY(writer->finish());
    all += writer->takeOutput();
    QVector<OggPage> pages;
    QVERIFY(walkOggPages(all, &pages));
    QCOMPARE(pages.last().headerType & 4, 4);
    QCOMPARE(writer->framesWritten(), qint64(16400));
    QCOMPARE(writer->durationMs(), qint64(1025));
}

void TestOggOpusWriter::pagesAreEmittedPromptly()
{
    // At a low bitrate a 4 KB page would hold several seconds; the writer must not wait that long.
    OpusSettings settings;
    settings.sampleRate = 8000;
    settings.channels = 1;
    settings.bitrate = 6000;
    auto writer = OggOpusWriter::create(settings, {}, 1).takeValue();
    QVERIFY(writer);
    const double freq[1] = {440.0};
    const QVector<qint16> pcm = sineTones(8000, 1, 8000 * 6, freq);
    QByteArray all;
    for (int i = 0; i < 60; ++i) { // 100 ms at a time
        QVERIFY(writer->write(pcm.constData() + i * 800, 800));
        all += writer->takeOutput();
        QVector<OggPage> pages;
        QVERIFY(walkOggPages(all, &pages));
        const qint64 fed48 = writer->framesWritten() * 6;
        QVERIFY2(fed48 - pages.last().granule <= 48000 + 960,
                 qPrintable(QStringLiteral("%1 samples fed, last page at %2")
                                .arg(fed48)
                                .arg(pages.last().granule)));
    }
}

void TestOggOpusWriter::emptyStream()
{
    auto writer = OggOpusWriter::create(OpusSettings{}, {}, 3).takeValue();
    QVERIFY(writer);
    QVERIFY(writer->finish());
    const QByteArray bytes = writer->takeOutput();
    QVector<OggPage> pages;
    QVERIFY(walkOggPages(bytes, &pages));
    QCOMPARE(pages.last().headerType & 4, 4);
    MemorySource source(bytes);
    auto opened = OggOpusReader::open(source);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->totalFrames(), qint64(0));
    QVector<qint16> buffer(960 * 2);
    auto got = opened.value()->read(buffer.data(), 960);
    QVERIFY(got);
    QCOMPARE(got.value(), qint64(0));
}

void TestOggOpusWriter::rejectsBadSettings_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("bitrate");
    QTest::addColumn<int>("complexity");
    QTest::addColumn<int>("frameMs");
    QTest::addColumn<QString>("message");
    QTest::newRow("44.1 kHz") << 44100 << 2 << 32000 << 5 << 20 << QStringLiteral("44100 Hz");
    QTest::newRow("3 channels") << 16000 << 3 << 32000 << 5 << 20
                                << QStringLiteral("channel count 3");
    QTest::newRow("bitrate") << 16000 << 2 << 100 << 5 << 20 << QStringLiteral("bitrate 100");
    QTest::newRow("complexity") << 16000 << 2 << 32000 << 11 << 20
                                << QStringLiteral("complexity 11");
    QTest::newRow("frame") << 16000 << 2 << 32000 << 5 << 25 << QStringLiteral("25 ms");
}

void TestOggOpusWriter::rejectsBadSettings()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(int, bitrate);
    QFETCH(int, complexity);
    QFETCH(int, frameMs);
    QFETCH(QString, message);
    OpusSettings settings{rate, channels, bitrate, complexity, frameMs};
    QVERIFY(!settings.validate());
    auto created = OggOpusWriter::create(settings, {}, 1);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(created.errorMessage().contains(message), qPrintable(created.errorMessage()));
    QVERIFY(OpusSettings{}.validate());
}

void TestOggOpusWriter::rejectsBadComments()
{
    for (const QString &bad : {QStringLiteral("NOEQUALS"), QStringLiteral("=value"),
                               QStringLiteral("K\u00C9Y=value"), QStringLiteral("A\nB=c")}) {
        auto created = OggOpusWriter::create(OpusSettings{}, {QStringLiteral("OK=1"), bad}, 1);
        QVERIFY2(!created, qPrintable(bad));
        QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
        QVERIFY(created.errorMessage().contains(QStringLiteral("KEY=value")));
    }
    QVERIFY(OggOpusWriter::create(OpusSettings{}, {QStringLiteral("EMPTY=")}, 1));
}

void TestOggOpusWriter::writeAfterFinishFails()
{
    auto writer = OggOpusWriter::create(OpusSettings{}, {}, 1).takeValue();
    QVERIFY(writer);
    const qint16 silence[640] = {};
    QVERIFY(writer->write(silence, 320));
    QVERIFY(!writer->write(nullptr, 10));
    QVERIFY(!writer->write(silence, -1));
    QVERIFY(writer->write(silence, 0));
    QVERIFY(writer->finish());
    QVERIFY(writer->isFinished());
    auto late = writer->write(silence, 320);
    QVERIFY(!late);
    QVERIFY(late.errorMessage().contains(QStringLiteral("already finished")));
    QVERIFY(!writer->finish());
}

void TestOggOpusWriter::readerRejectsGarbage()
{
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919) & 0xFF);
    for (const QByteArray &bytes : {QByteArray(), garbage, QByteArray("OggS"),
                                    QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16)}) {
        MemorySource source(bytes);
        auto opened = OggOpusReader::open(source);
        QVERIFY(!opened);
        QVERIFY2(
            opened.errorMessage().startsWith(QStringLiteral("Cannot open the recording's audio")),
            qPrintable(opened.errorMessage()));
    }
    // An Ogg stream of another codec (the header page of a fake Vorbis stream) is refused.
    auto writer = OggOpusWriter::create(OpusSettings{}, {}, 9).takeValue();
    QVERIFY(writer->finish());
    QByteArray notOpus = writer->takeOutput();
    notOpus.replace("OpusHead", "VorbisHd"); // the page CRC no longer matches either
    MemorySource source(notOpus);
    QVERIFY(!OggOpusReader::open(source));
}

void TestOggOpusWriter::readerReportsSourceErrors()
{
    // 10 s, so that opusfile cannot have buffered the whole file before the source fails.
    const Encoded enc = encode(OpusSettings{}, sineTones(16000, 2, 10 * 16000, kFreqs));
    MemorySource failing(enc.bytes);
    failing.setFailReads(true);
    auto opened = OggOpusReader::open(failing);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Io);
    QVERIFY2(opened.errorMessage().contains(QStringLiteral("simulated read failure")),
             qPrintable(opened.errorMessage()));

    // A source that fails after opening: read() reports the error instead of ending quietly.
    MemorySource flaky(enc.bytes);
    auto reader = OggOpusReader::open(flaky).takeValue();
    QVERIFY(reader);
    QVector<qint16> buffer(960 * 2);
    QVERIFY(reader->read(buffer.data(), 960));
    flaky.setFailReads(true);
    Result<qint64> got = qint64(1);
    while (got && got.value() > 0)
        got = reader->read(buffer.data(), 960);
    QVERIFY(!got);
    QVERIFY(reader->read(nullptr, 10).error().code == ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestOggOpusWriter)
#include "test_oggopuswriter.moc"
