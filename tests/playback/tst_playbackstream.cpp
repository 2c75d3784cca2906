// The player's signal path on PCM, without an audio device: per-speaker mute and volume,
// tempo with pitch kept, seeks, the A-B loop and skipping silences, on a real encrypted
// recording decoded as it streams.
#include "playback/decodedaudiosource.h"
#include "playback/playbackstream.h"
#include "playbacktestsupport.h"

#include <QTest>
#include <vector>

using namespace cv;
using playbacktest::Site;

class TestPlaybackStream final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PlaybackStream> openStream()
    {
        auto opened = m_site.access().open(m_site.recording.id);
        if (!opened)
            qFatal("open: %s", qPrintable(opened.errorMessage()));
        auto source = DecodedAudioSource::open(std::move(opened.value().reader));
        if (!source)
            qFatal("decode: %s", qPrintable(source.errorMessage()));
        auto stream = std::make_unique<PlaybackStream>(source.takeValue());
        auto peaks = PeakSummary::parse(m_site.recording.peaks);
        if (!peaks)
            qFatal("peaks: %s", qPrintable(peaks.errorMessage()));
        stream->setSilenceMap(SilenceMap::fromPeaks(peaks.value()));
        return stream;
    }

    // Renders `ms` of output in pulls of `pullMs`; returns the frames.
    static std::vector<qint16> render(PlaybackStream &stream, qint64 ms, qint64 pullMs = 20,
                                      QVector<qint64> *positions = nullptr)
    {
        const qint64 pull = DecodedAudioSource::kRate * pullMs / 1000;
        std::vector<qint16> out;
        std::vector<qint16> buffer(static_cast<std::size_t>(pull * 2));
        for (qint64 done = 0; done < DecodedAudioSource::kRate * ms / 1000;) {
            auto n = stream.render(buffer.data(), pull);
            if (!n)
                qFatal("render: %s", qPrintable(n.errorMessage()));
            if (n.value() == 0)
                break;
            out.insert(out.end(), buffer.begin(), buffer.begin() + n.value() * 2);
            done += n.value();
            if (positions)
                positions->append(stream.positionMs());
        }
        return out;
    }

    static qint64 frames(const std::vector<qint16> &pcm) { return qint64(pcm.size() / 2); }

private slots:
    void initTestCase() { QVERIFY(m_site.setUp()); }

    void silenceMapFindsTheGap()
    {
        auto peaks = PeakSummary::parse(m_site.recording.peaks);
        QVERIFY(peaks.ok());
        const SilenceMap map = SilenceMap::fromPeaks(peaks.value());
        QCOMPARE(map.spans().size(), 1);
        const SilenceMap::Span span = map.spans().first();
        QVERIFY2(std::abs(span.startMs - (Site::kGapFromMs + SilenceMap::kKeepMs)) <= 60,
                 qPrintable(QString::number(span.startMs)));
        QVERIFY2(std::abs(span.endMs - (Site::kGapToMs - SilenceMap::kKeepMs)) <= 60,
                 qPrintable(QString::number(span.endMs)));
        QCOMPARE(map.skipTarget(5000), qint64(5000));
        QCOMPARE(map.skipTarget(11000), span.endMs);
        QCOMPARE(map.skipTarget(span.endMs), span.endMs);
    }

    void muteSilencesOneSpeaker()
    {
        auto stream = openStream();
        QVERIFY(stream->seek(1000).ok());
        stream->gain().setMuted(Speaker::Agent, true);
        render(*stream, 200); // what was in the stretcher before the mute
        std::vector<qint16> pcm = render(*stream, 1000);
        QVERIFY(frames(pcm) > 40000);
        QCOMPARE(playbacktest::peakOf(pcm.data(), frames(pcm), 0), 0);
        const int customer = playbacktest::peakOf(pcm.data(), frames(pcm), 1);
        QVERIFY2(customer > 5000, qPrintable(QString::number(customer)));

        stream->gain().setMuted(Speaker::Agent, false);
        stream->gain().setVolume(Speaker::Customer, 0.5);
        render(*stream, 200);
        pcm = render(*stream, 1000);
        QVERIFY(playbacktest::peakOf(pcm.data(), frames(pcm), 0) > 5000);
        const int halved = playbacktest::peakOf(pcm.data(), frames(pcm), 1);
        QVERIFY2(std::abs(halved - customer / 2) < customer / 10,
                 qPrintable(QString::number(halved)));
    }

    void speedKeepsThePitch_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("0.5x") << 0.5;
        QTest::newRow("1x") << 1.0;
        QTest::newRow("2x") << 2.0;
    }

    void speedKeepsThePitch()
    {
        QFETCH(double, speed);
        auto stream = openStream();
        stream->setSpeed(speed);
        QCOMPARE(stream->speed(), speed);
        QVERIFY(stream->seek(1000).ok());
        // 4 s of the recording (1..5 s, all tone) take 4 s / speed of output.
        const qint64 outMs = static_cast<qint64>(4000 / speed);
        QVector<qint64> positions;
        std::vector<qint16> pcm = render(*stream, outMs, 20, &positions);
        const qint64 advanced = positions.last() - 1000;
        QVERIFY2(std::abs(advanced - 4000) < 250,
                 qPrintable(QStringLiteral("advanced %1 ms").arg(advanced)));
        // A stretch in the middle: the voices keep their pitch.
        const qint64 n = frames(pcm);
        const qint16 *middle = pcm.data() + (n / 4) * 2;
        const double agent = playbacktest::frequencyHz(middle, n / 2, 0, DecodedAudioSource::kRate);
        const double customer =
            playbacktest::frequencyHz(middle, n / 2, 1, DecodedAudioSource::kRate);
        QVERIFY2(std::abs(agent - 440) < 440 * 0.05, qPrintable(QString::number(agent)));
        QVERIFY2(std::abs(customer - 1000) < 1000 * 0.05, qPrintable(QString::number(customer)));
    }

    void seekLandsOnTheTarget()
    {
        auto stream = openStream();
        render(*stream, 500);
        QVERIFY(stream->seek(11000).ok()); // inside the silent gap
        QCOMPARE(stream->positionMs(), qint64(11000));
        std::vector<qint16> pcm = render(*stream, 300);
        QVERIFY(playbacktest::peakOf(pcm.data(), frames(pcm), 0) < 300);
        QVERIFY(stream->seek(5000).ok()); // back into the tones
        pcm = render(*stream, 500);
        QVERIFY(playbacktest::peakOf(pcm.data() + 4800, frames(pcm) - 2400, 0) > 5000);
        QVERIFY2(std::abs(stream->positionMs() - 5500) <= 100,
                 qPrintable(QString::number(stream->positionMs())));
    }

    void loopReturnsToA()
    {
        auto stream = openStream();
        QVERIFY(!stream->setLoop(3000, 2000).ok());
        QVERIFY(stream->setLoop(2000, 3000).ok());
        QVERIFY(stream->seek(2000).ok());
        QVector<qint64> positions;
        render(*stream, 3500, 20, &positions);
        int wraps = 0;
        for (int i = 1; i < positions.size(); ++i) {
            QVERIFY2(positions[i] >= 1900 && positions[i] <= 3100,
                     qPrintable(QString::number(positions[i])));
            if (positions[i] < positions[i - 1] - 500)
                ++wraps;
        }
        QVERIFY2(wraps >= 3, qPrintable(QString::number(wraps)));
        stream->clearLoop();
        render(*stream, 2000);
        QVERIFY(stream->positionMs() > 3500);
    }

    void skipsTheSilentGap()
    {
        auto stream = openStream();
        stream->setSkipSilence(true);
        QVERIFY(stream->seek(9000).ok());
        QVector<qint64> positions;
        render(*stream, 2000, 20, &positions);
        for (qint64 p : positions)
            QVERIFY2(p < Site::kGapFromMs + 400 || p > Site::kGapToMs - 400,
                     qPrintable(QString::number(p)));
        // 1.25 s to the skipped part, then 0.75 s after it: about 13.5 s.
        QVERIFY2(positions.last() > 13200, qPrintable(QString::number(positions.last())));

        // Without skipping, the same two seconds stay in the gap.
        auto plain = openStream();
        QVERIFY(plain->seek(9000).ok());
        render(*plain, 2000);
        QVERIFY2(plain->positionMs() < 11200, qPrintable(QString::number(plain->positionMs())));
    }

    void endsAtTheEnd()
    {
        auto stream = openStream();
        QVERIFY(stream->seek(Site::kDurationMs - 500).ok());
        const std::vector<qint16> pcm = render(*stream, 5000);
        QVERIFY(stream->atEnd());
        QVERIFY2(std::abs(frames(pcm) - 24000) < 4800, qPrintable(QString::number(frames(pcm))));
        QCOMPARE(stream->positionMs(), stream->durationMs());
    }

private:
    Site m_site;
};

QTEST_GUILESS_MAIN(TestPlaybackStream)
#include "tst_playbackstream.moc"
