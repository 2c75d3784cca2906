// core/rtp LegReceiver: one direction of a call on the call's timeline. In order,
// reordered, duplicated, lost and late packets; sequence and timestamp wrap; a delayed start
// and sender clock drift; SSRC changes (transfer, music on hold); a hold; Opus PLC; bounded
// memory under a hostile sender.

#include "legsim.h"
#include "rtp/legreceiver.h"
#include "rtp/rtppacket.h"
#include "rtpsim.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <opus.h>

using namespace cv;
using namespace cv::rtp;
using namespace cv::test;

class TestLegReceiver final : public QObject
{
    Q_OBJECT

private slots:
    void inOrderStreamLandsOnTheTimeline();
    void reorderedAndDuplicatedPacketsChangeNothing();
    void randomLossIsCountedAndTimeKeepsRunning();
    void latePacketsAreDropped();
    void delayedStartAndClockDrift_data();
    void delayedStartAndClockDrift();
    void sequenceAndTimestampWrap();
    void ssrcChangeKeepsContinuity();
    void holdGivesSilenceAndRealignment_data();
    void holdGivesSilenceAndRealignment();
    void opusLegConcealsLoss();
    void eventWithoutEndPackets();
    void lateEndCopiesAreTheSameEvent();
    void memoryStaysBounded();
};

void TestLegReceiver::inOrderStreamLandsOnTheTimeline()
{
    LegReceiver leg(options());
    const StreamSpec spec;
    const qint64 end = kOrigin + 2'500'000;
    const QVector<qint16> pcm = driveLeg(leg, levelStream(spec), kOrigin, end);
    QCOMPARE(pcm.size(), qsizetype(20000)); // 2.5 s of call = 2.5 s of audio
    const qint64 start = leg.positionAt(spec.firstUs);
    QCOMPARE(start, qint64(4));
    QVERIFY(silentBetween(pcm, 0, start));
    for (int k = 0; k < spec.count; ++k)
        QVERIFY2(packetAt(pcm, start, k), qPrintable(QString::number(k)));
    QVERIFY(silentBetween(pcm, start + spec.count * kPtime, pcm.size()));
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.packets, qint64(100));
    QCOMPARE(stats.bytes, qint64(100 * kPtime));
    QCOMPARE(stats.lost + stats.late + stats.duplicates + stats.outOfOrder + stats.dropped,
             qint64(0));
    QCOMPARE(stats.payloadTypes, QList<int>{0});
    QVERIFY(stats.jitterMs < 0.01);
    QVERIFY(leg.hasMedia());
    QCOMPARE(stats.toJson().value(QStringLiteral("packets")).toInteger(), 100);
}

void TestLegReceiver::reorderedAndDuplicatedPacketsChangeNothing()
{
    const StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    // Network jitter up to 30 ms (below the 80 ms buffer): packets overtaken by the next.
    for (int k = 4; k < arrivals.size(); k += 4)
        arrivals[k].us += 25000;
    for (int k = 2; k < arrivals.size(); k += 5)
        arrivals[k].us += 30000;
    for (int k = 0; k < spec.count; k += 7)
        arrivals.append(Arrival{arrivals[k].us + 5000, arrivals[k].bytes});

    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    QCOMPARE(pcm.size(), qsizetype(20000));
    for (int k = 0; k < spec.count; ++k)
        QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.duplicates, qint64(15));
    QVERIFY(stats.outOfOrder >= 24);
    QCOMPARE(stats.lost + stats.late, qint64(0));
    QVERIFY(stats.jitterMs > 1.0);
}

void TestLegReceiver::randomLossIsCountedAndTimeKeepsRunning()
{
    const StreamSpec spec{0x55, 1, 0, kOrigin + 500, 500};
    QVector<Arrival> all = levelStream(spec);
    QVector<Arrival> kept;
    QVector<bool> present;
    QRandomGenerator random(42);
    for (int k = 0; k < all.size(); ++k) {
        const bool keep = k == 0 || k == all.size() - 1 || random.bounded(10) != 0;
        present.append(keep);
        if (keep)
            kept.append(all[k]);
    }
    LegReceiver leg(options());
    const qint64 end = kOrigin + 10'500'000;
    const QVector<qint16> pcm = driveLeg(leg, kept, kOrigin, end);
    QCOMPARE(pcm.size(), qsizetype(leg.positionAt(end)));
    for (int k = 0; k < spec.count; ++k) {
        if (present[k])
            QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
        else
            QVERIFY(silentBetween(pcm, 4 + k * kPtime, 4 + (k + 1) * kPtime)); // G.711: no PLC
    }
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.lost, qint64(all.size() - kept.size()));
    QVERIFY(stats.lost > 30);
    QVERIFY(stats.concealedMs >= stats.lost * 20 - 20);
}

void TestLegReceiver::latePacketsAreDropped()
{
    const StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    arrivals[50].us += 200000; // 200 ms late: its time was played out at 80 ms
    arrivals[60].us += 60000;  // 60 ms late: still in time
    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    QVERIFY(silentBetween(pcm, 4 + 50 * kPtime, 4 + 51 * kPtime));
    QVERIFY(packetAt(pcm, 4, 49));
    QVERIFY(packetAt(pcm, 4, 51));
    QVERIFY(packetAt(pcm, 4, 60));
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.late, qint64(1));
    QCOMPARE(stats.lost, qint64(0));
    QCOMPARE(stats.reanchors, 0);
}

void TestLegReceiver::delayedStartAndClockDrift_data()
{
    QTest::addColumn<int>("intervalUs");
    QTest::addColumn<int>("firstDelayUs");
    QTest::newRow("first packets held up 40 ms") << 20000 << 40000;
    QTest::newRow("sender clock 0.5 % slow") << 20100 << 0;
    QTest::newRow("sender clock 0.5 % fast") << 19900 << 0;
}

void TestLegReceiver::delayedStartAndClockDrift()
{
    QFETCH(int, intervalUs);
    QFETCH(int, firstDelayUs);
    // 20 s of 20 ms packets sent every `intervalUs` of our clock; the first 5 delayed.
    StreamSpec spec;
    spec.count = 1000;
    QVector<Arrival> arrivals = levelStream(spec);
    for (int k = 0; k < spec.count; ++k)
        arrivals[k].us = spec.firstUs + qint64(k) * intervalUs + (k < 5 ? firstDelayUs : 0);
    LegReceiver leg(options());
    const qint64 end = spec.firstUs + qint64(spec.count) * intervalUs + 100000;
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, end);
    QCOMPARE(pcm.size(), qsizetype(leg.positionAt(end)));
    const LegStatistics stats = leg.statistics();
    // Nothing is lost to lateness or re-anchoring: small slips follow the drift.
    QCOMPARE(stats.late, qint64(0));
    QCOMPARE(stats.dropped, qint64(0));
    QCOMPARE(stats.reanchors, 0);
    QVERIFY(stats.slips >= 1);
    if (firstDelayUs > 0) {
        // Once the on-time packets come, the stream sits where they say.
        for (int k = 8; k < spec.count; ++k)
            QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
        QCOMPARE(stats.slips, 1);
    } else {
        // Every packet's audio is in the output (at its drifting place), save at most one
        // slip's worth per slip.
        int found = 0;
        qint64 from = 0;
        for (int k = 0; k < spec.count; ++k) {
            const qint16 level = ulawRoundTrip(levelOf(k));
            for (qint64 i = std::max<qint64>(0, from - 400); i + 80 < pcm.size() && i < from + 2000;
                 ++i) {
                if (pcm[i] == level && pcm[i + 80] == level) {
                    ++found;
                    from = i + 80;
                    break;
                }
            }
        }
        QVERIFY2(found >= spec.count - 2 * stats.slips,
                 qPrintable(QStringLiteral("%1 found, %2 slips").arg(found).arg(stats.slips)));
    }
}

void TestLegReceiver::sequenceAndTimestampWrap()
{
    StreamSpec spec;
    spec.seq0 = 65500;
    spec.ts0 = 0xffffffffu - 10 * kPtime + 1;
    QVector<Arrival> arrivals = levelStream(spec);
    arrivals[35].us += 25000; // overtaken by the next, right at the wrap
    arrivals.removeAt(40);
    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    for (int k = 0; k < spec.count; ++k) {
        if (k != 40)
            QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
    }
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.lost, qint64(1));
    QCOMPARE(stats.reanchors, 0);
    QCOMPARE(stats.late, qint64(0));
}

void TestLegReceiver::ssrcChangeKeepsContinuity()
{
    // A transfer: packets 0..49 from one SSRC, 50..99 from another with unrelated numbers.
    StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    for (int k = 50; k < spec.count; ++k) {
        arrivals[k].bytes =
            rtpPacket(0, quint16(20000 + k), quint32(900000000u + quint32(k) * kPtime), 0x9999,
                      levelPayload(k));
    }
    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    for (int k = 0; k < spec.count; ++k)
        QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
    LegStatistics stats = leg.statistics();
    QCOMPARE(stats.ssrcChanges, 1);
    QCOMPARE(stats.lost, qint64(0));

    // Music on hold from the PBX (another SSRC) and back to the phone's own stream: the
    // old SSRC returning after a while is followed, not dropped as a straggler.
    QVector<Arrival> moh = levelStream(spec);
    for (int k = 30; k < 60; ++k)
        moh[k].bytes =
            rtpPacket(0, quint16(500 + k), quint32(77777 + k * kPtime), 0xabc, levelPayload(k));
    LegReceiver back(options());
    const QVector<qint16> out = driveLeg(back, moh, kOrigin, kOrigin + 2'500'000);
    for (int k = 0; k < spec.count; ++k)
        QVERIFY2(packetAt(out, 4, k), qPrintable(QString::number(k)));
    stats = back.statistics();
    QCOMPARE(stats.ssrcChanges, 2);
    QCOMPARE(stats.late, qint64(0));
}

void TestLegReceiver::holdGivesSilenceAndRealignment_data()
{
    QTest::addColumn<bool>("timestampsRun");
    QTest::newRow("timestamps run on during hold") << true;
    QTest::newRow("timestamps frozen during hold") << false;
}

void TestLegReceiver::holdGivesSilenceAndRealignment()
{
    QFETCH(bool, timestampsRun);
    // 1 s of audio, a 5 s hold without packets, 1 s of audio.
    StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    arrivals.resize(50);
    for (int k = 50; k < 100; ++k) {
        const quint32 ts = spec.ts0 + quint32(k) * kPtime + (timestampsRun ? 5 * 8000 : 0);
        arrivals.append(
            Arrival{spec.firstUs + 5'000'000 + qint64(k) * 20000,
                    rtpPacket(0, quint16(spec.seq0 + k), ts, spec.ssrc, levelPayload(k))});
    }
    LegReceiver leg(options());
    const qint64 end = kOrigin + 7'500'000;
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, end);
    QCOMPARE(pcm.size(), qsizetype(60000));
    for (int k = 0; k < 50; ++k)
        QVERIFY(packetAt(pcm, 4, k));
    QVERIFY(silentBetween(pcm, 4 + 50 * kPtime, 4 + 50 * kPtime + 5 * 8000));
    for (int k = 50; k < 100; ++k)
        QVERIFY2(packetAt(pcm, 4 + 5 * 8000, k), qPrintable(QString::number(k)));
    QCOMPARE(leg.statistics().reanchors, timestampsRun ? 0 : 1);
}

void TestLegReceiver::opusLegConcealsLoss()
{
    int err = 0;
    OpusEncoder *enc = opus_encoder_create(48000, 1, OPUS_APPLICATION_VOIP, &err);
    QVERIFY(enc);
    const double f[] = {440.0};
    const QVector<qint16> tone = sineTones(48000, 1, 48000 * 2, f, 8000);
    QVector<Arrival> arrivals;
    uchar packet[1500];
    for (int k = 0; k < 100; ++k) {
        const int n = opus_encode(enc, tone.constData() + k * 960, 960, packet, sizeof packet);
        QVERIFY(n > 0);
        if (k % 10 == 5)
            continue; // 10 % loss
        arrivals.append(Arrival{kOrigin + qint64(k) * 20000,
                                rtpPacket(111, quint16(k), quint32(k * 960), 1,
                                          QByteArray(reinterpret_cast<const char *>(packet), n))});
    }
    opus_encoder_destroy(enc);
    LegReceiver::Options o = options();
    o.payloadFormats.insert(111, PayloadFormat{"opus", 48000, 2});
    LegReceiver leg(o);
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'000'000);
    QCOMPARE(pcm.size(), qsizetype(16000));
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.lost, qint64(10));
    QCOMPARE(stats.concealedMs, qint64(200));
    // PLC filled the holes: no 20 ms stretch of silence inside the tone.
    for (int k = 5; k < 95; k += 10)
        QVERIFY2(rms(pcm.constData() + k * 160, 160, 1, 0) > 500, qPrintable(QString::number(k)));
}

void TestLegReceiver::memoryStaysBounded()
{
    // A hostile or broken sender: huge payloads, timestamps all over the place, far-future
    // packets. The receiver keeps its buffer bounded and the timeline running.
    LegReceiver leg(options());
    QRandomGenerator random(7);
    QVector<qint16> pcm;
    const QByteArray big(1400, char(0x55));
    for (int i = 0; i < 20000; ++i) {
        const qint64 now = kOrigin + qint64(i) * 1000;
        const quint32 ts = random.generate();
        const QByteArray bytes = rtpPacket(i % 3 ? 0 : 8, quint16(random.generate()), ts,
                                           i % 50 ? 1 : random.generate(), big);
        const auto p =
            RtpPacket::parse(reinterpret_cast<const uchar *>(bytes.constData()), int(bytes.size()));
        leg.push(now, *p);
        QVERIFY(leg.bufferedBytes() <= LegReceiver::kMaxBufferedBytes);
        if (i % 10 == 0)
            leg.pullUntil(now, pcm);
    }
    leg.finishAt(kOrigin + 20'000'000, pcm);
    QCOMPARE(pcm.size(), qsizetype(160000));
    const LegStatistics stats = leg.statistics();
    QCOMPARE(stats.packets, qint64(20000));
    QVERIFY(stats.reanchors > 0);
}

void TestLegReceiver::eventWithoutEndPackets()
{
    // A key press whose end packets are all lost: updates for 150 ms, then nothing. The leg
    // mutes 250 ms past the last known duration, closes the event after 1 s unheard, and
    // the audio after it is untouched.
    const StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    const quint32 eventTs = spec.ts0 + 50 * kPtime;
    const qint64 eventUs = spec.firstUs + 50 * 20000;
    for (int step = 1; step <= 3; ++step) {
        arrivals.append(Arrival{eventUs + step * 50000,
                                rtpPacket(101, 0, eventTs, spec.ssrc,
                                          telephoneEvent(1, false, step * 400), step == 1)});
    }
    sortArrivals(arrivals);
    quint16 seq = spec.seq0;
    for (Arrival &a : arrivals) {
        a.bytes[2] = char(seq >> 8);
        a.bytes[3] = char(seq & 0xff);
        ++seq;
    }
    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    const qint64 eventPos = 4 + 50 * kPtime;
    const qint64 mutedEnd = eventPos + 1200 + 2000; // duration + 250 ms
    QVERIFY(packetAt(pcm, 4, 49));
    QVERIFY(silentBetween(pcm, eventPos, mutedEnd));
    QVERIFY(pcm[mutedEnd] != 0);
    for (int k = 71; k < spec.count; ++k)
        QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
    const QVector<audio::MaskedSpan> spans = leg.takeMaskedSpans();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans[0],
             (audio::MaskedSpan{eventPos / 8, (mutedEnd + 7) / 8, QStringLiteral("dtmf-rfc4733")}));
    QVERIFY(leg.takeMaskedSpans().isEmpty());
    QCOMPARE(leg.statistics().dtmfEvents, 1);
}

void TestLegReceiver::lateEndCopiesAreTheSameEvent()
{
    // A 200 ms key press whose three end packets come 100 ms apart: the last ones arrive
    // after the event was closed and written, and must not start a new one.
    const StreamSpec spec;
    QVector<Arrival> arrivals = levelStream(spec);
    const quint32 eventTs = spec.ts0 + 50 * kPtime;
    const qint64 eventUs = spec.firstUs + 50 * 20000;
    arrivals.append(Arrival{
        eventUs, rtpPacket(101, 0, eventTs, spec.ssrc, telephoneEvent(9, false, 400), true)});
    for (int i = 0; i < 3; ++i) {
        arrivals.append(
            Arrival{eventUs + 200000 + i * 100000,
                    rtpPacket(101, 0, eventTs, spec.ssrc, telephoneEvent(9, true, 1600))});
    }
    sortArrivals(arrivals);
    quint16 seq = spec.seq0;
    for (Arrival &a : arrivals) {
        a.bytes[2] = char(seq >> 8);
        a.bytes[3] = char(seq & 0xff);
        ++seq;
    }
    LegReceiver leg(options());
    const QVector<qint16> pcm = driveLeg(leg, arrivals, kOrigin, kOrigin + 2'500'000);
    const qint64 eventPos = 4 + 50 * kPtime;
    QVERIFY(silentBetween(pcm, eventPos, eventPos + 1600 + 160));
    for (int k = 61; k < spec.count; ++k)
        QVERIFY2(packetAt(pcm, 4, k), qPrintable(QString::number(k)));
    QCOMPARE(leg.takeMaskedSpans().size(), 1);
    QCOMPARE(leg.statistics().dtmfEvents, 1);
}

QTEST_GUILESS_MAIN(TestLegReceiver)
#include "test_legreceiver.moc"
