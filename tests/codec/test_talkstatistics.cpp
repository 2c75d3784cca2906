// Talk statistics from a waveform overview, on hand-made lanes whose answers are counted by
// hand: 10 buckets of 100 ms.
#include "codec/talkstatistics.h"

#include <QTest>

using namespace cv;

namespace {

// 'A' = loud (200), 'q' = just below speech (kSpeechPeak - 1), '.' = silent (0).
QByteArray lane(const char *pattern)
{
    QByteArray out;
    for (const char *p = pattern; *p; ++p)
        out.append(static_cast<char>(*p == 'A' ? 200 : *p == 'q' ? TalkStatistics::kSpeechPeak - 1 : 0));
    return out;
}

PeakSummary summary(QVector<QByteArray> lanes)
{
    PeakSummary peaks;
    peaks.channels = static_cast<int>(lanes.size());
    peaks.bucketMs = 100;
    peaks.lanes = std::move(lanes);
    return peaks;
}

} // namespace

class TestTalkStatistics final : public QObject
{
    Q_OBJECT

private slots:
    void stereoCall()
    {
        //                       0123456789
        const auto stats = TalkStatistics::fromPeaks(summary({lane("AAAA......"),   // agent: 0-3
                                                              lane("...AAq..AA")})); // customer: 3, 4, 8, 9
        QVERIFY(stats.stereo);
        QCOMPARE(stats.totalMs, qint64(1000));
        QCOMPARE(stats.agentMs, qint64(400));
        QCOMPARE(stats.customerMs, qint64(400)); // 'q' (bucket 5) is below the speech level
        QCOMPARE(stats.overlapMs, qint64(100));  // bucket 3
        QCOMPARE(stats.silenceMs, qint64(300));  // buckets 5, 6, 7
        QCOMPARE(stats.longestSilenceMs, qint64(300));
        QCOMPARE(stats.percentOf(stats.agentMs), 40);
    }

    void monoCall()
    {
        const auto stats = TalkStatistics::fromPeaks(summary({lane("..AAA.....")}));
        QVERIFY(!stats.stereo);
        QCOMPARE(stats.agentMs, qint64(300));
        QCOMPARE(stats.customerMs, qint64(0));
        QCOMPARE(stats.silenceMs, qint64(700));
        QCOMPARE(stats.longestSilenceMs, qint64(500));
    }

    void emptyCall()
    {
        const auto stats = TalkStatistics::fromPeaks(PeakSummary());
        QCOMPARE(stats.totalMs, qint64(0));
        QCOMPARE(stats.percentOf(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestTalkStatistics)
#include "test_talkstatistics.moc"
