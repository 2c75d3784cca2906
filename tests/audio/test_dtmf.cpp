// DtmfDetector and DtmfMasker: tones at 8 and 16 kHz found at the right places, masked
// output free of DTMF, spans right, and synthetic speech (English and Mandarin, espeak-ng)
// neither detected nor muted.

#include "audio/dtmfdetector.h"
#include "audio/dtmfmasker.h"
#include "audio/maskedspan.h"
#include "capture/speechsynthesizer.h"
#include "dtmfsignal.h"

#include <QJsonObject>
#include <QTest>

using namespace cv;
using namespace cv::audio;
using namespace cv::test;

namespace {

struct Tone
{
    qint64 start;
    qint64 length;
};

QVector<DtmfDetector::Transition> detectAll(const QVector<qint16> &pcm, int rate, int piece)
{
    DtmfDetector detector(rate);
    QVector<DtmfDetector::Transition> transitions;
    for (qsizetype i = 0; i < pcm.size(); i += piece)
        detector.process(pcm.constData() + i, int(std::min<qsizetype>(piece, pcm.size() - i)),
                         transitions);
    detector.finish(transitions);
    return transitions;
}

QVector<qint16> maskAll(DtmfMasker &masker, const QVector<qint16> &pcm, int piece)
{
    QVector<qint16> out;
    for (qsizetype i = 0; i < pcm.size(); i += piece)
        masker.process(pcm.constData() + i, int(std::min<qsizetype>(piece, pcm.size() - i)), out);
    masker.flush(out);
    return out;
}

// Tones of 40..120 ms at -25 dBm0 with pauses, on a little noise.
QVector<qint16> toneTrain(int rate, QVector<Tone> &tones)
{
    QVector<qint16> pcm(rate * 2, 0);
    addNoise(pcm, 30);
    const int ms = rate / 1000;
    const int lengths[] = {40, 60, 80, 120, 45};
    qint64 at = 150 * ms;
    for (int i = 0; i < 5; ++i) {
        const qint64 length = lengths[i] * ms;
        addDtmf(pcm, rate, at, length, i % 4, (i * 3) % 4);
        tones.append(Tone{at, length});
        at += length + 150 * ms;
    }
    return pcm;
}

} // namespace

class TestDtmf final : public QObject
{
    Q_OBJECT

private slots:
    void findsTonesWithPositions_data();
    void findsTonesWithPositions();
    void findsAllSixteenKeysWithTwist();
    void fortyMsToneAtEveryAlignment();
    void ignoresWeakAndSingleTones();
    void maskerMutesTonesAndKeepsTheRest_data();
    void maskerMutesTonesAndKeepsTheRest();
    void speechIsNotDetected_data();
    void speechIsNotDetected();
    void spansMergeAndSerialize();
};

void TestDtmf::findsTonesWithPositions_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("piece");
    QTest::newRow("8k, 20 ms pieces") << 8000 << 160;
    QTest::newRow("8k, odd pieces") << 8000 << 37;
    QTest::newRow("16k") << 16000 << 320;
}

void TestDtmf::findsTonesWithPositions()
{
    QFETCH(int, rate);
    QFETCH(int, piece);
    QVector<Tone> tones;
    const QVector<qint16> pcm = toneTrain(rate, tones);
    const QVector<DtmfDetector::Transition> transitions = detectAll(pcm, rate, piece);
    QCOMPARE(transitions.size(), 2 * tones.size());
    const qint64 block = DtmfDetector(rate).blockSize();
    for (qsizetype i = 0; i < tones.size(); ++i) {
        const DtmfDetector::Transition on = transitions[2 * i];
        const DtmfDetector::Transition off = transitions[2 * i + 1];
        QVERIFY(on.on);
        QVERIFY(!off.on);
        // Block granularity: a block mostly inside the tone is a hit, so the first confirmed
        // block starts, and the last hit block ends, within one block of the tone's edges.
        QVERIFY2(on.position > tones[i].start - block && on.position <= tones[i].start + block,
                 qPrintable(QStringLiteral("tone %1 on at %2, started %3")
                                .arg(i)
                                .arg(on.position)
                                .arg(tones[i].start)));
        const qint64 end = tones[i].start + tones[i].length;
        QVERIFY2(
            off.position < end + block && off.position >= end - block,
            qPrintable(
                QStringLiteral("tone %1 off at %2, ended %3").arg(i).arg(off.position).arg(end)));
    }
    QVERIFY(DtmfDetector::containsDtmf(pcm.constData(), int(pcm.size()), rate));
}

void TestDtmf::findsAllSixteenKeysWithTwist()
{
    for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 4; ++col) {
            for (double twist : {-5.0, 0.0, 6.0}) {
                QVector<qint16> pcm(8000 / 2, 0);
                addNoise(pcm, 20, quint32(row * 4 + col + 1));
                addDtmf(pcm, 8000, 1000, 400, row, col, -25.0, twist);
                QVERIFY2(
                    DtmfDetector::containsDtmf(pcm.constData(), int(pcm.size()), 8000),
                    qPrintable(
                        QStringLiteral("row %1 col %2 twist %3").arg(row).arg(col).arg(twist)));
            }
        }
    }
}

void TestDtmf::fortyMsToneAtEveryAlignment()
{
    // Q.24's shortest tone, at -25 dBm0, starting at every sample offset of a block: always
    // found, always masked away completely.
    const int block = DtmfDetector(8000).blockSize();
    for (int offset = 0; offset < block; offset += 3) {
        QVector<qint16> pcm(4000, 0);
        addNoise(pcm, 30, quint32(offset + 1));
        addDtmf(pcm, 8000, 1000 + offset, 320, offset % 4, (offset / 4) % 4);
        QVERIFY2(DtmfDetector::containsDtmf(pcm.constData(), int(pcm.size()), 8000),
                 qPrintable(QString::number(offset)));
        DtmfMasker masker(8000);
        const QVector<qint16> out = maskAll(masker, pcm, 160);
        QVERIFY2(!DtmfDetector::containsDtmf(out.constData(), int(out.size()), 8000),
                 qPrintable(QString::number(offset)));
        for (int i = 1000 + offset; i < 1320 + offset; ++i)
            QCOMPARE(out[i], qint16(0));
        QCOMPARE(masker.spans().size(), 1);
    }
}

void TestDtmf::ignoresWeakAndSingleTones()
{
    QVector<qint16> weak(8000, 0);
    addDtmf(weak, 8000, 800, 800, 1, 1, -45.0);
    QVERIFY(!DtmfDetector::containsDtmf(weak.constData(), int(weak.size()), 8000));

    // One frequency alone (a dial tone component) is no key.
    QVector<qint16> single(8000, 0);
    const double amp = dbm0Amplitude(-10.0);
    for (int i = 0; i < single.size(); ++i)
        single[i] = qint16(amp * std::sin(2 * M_PI * 697.0 * i / 8000.0));
    QVERIFY(!DtmfDetector::containsDtmf(single.constData(), int(single.size()), 8000));

    // Too short: 20 ms is below what a detector must accept and is not reported.
    QVector<qint16> blip(8000, 0);
    addDtmf(blip, 8000, 800, 160, 0, 0);
    QVERIFY(!DtmfDetector::containsDtmf(blip.constData(), int(blip.size()), 8000));
}

void TestDtmf::maskerMutesTonesAndKeepsTheRest_data()
{
    QTest::addColumn<int>("rate");
    QTest::newRow("8k") << 8000;
    QTest::newRow("16k") << 16000;
}

void TestDtmf::maskerMutesTonesAndKeepsTheRest()
{
    QFETCH(int, rate);
    QVector<Tone> tones;
    const QVector<qint16> pcm = toneTrain(rate, tones);
    DtmfMasker masker(rate);
    const QVector<qint16> out = maskAll(masker, pcm, 160);
    QCOMPARE(out.size(), pcm.size());
    QVERIFY(!DtmfDetector::containsDtmf(out.constData(), int(out.size()), rate));

    const qint64 delay = masker.delaySamples();
    QCOMPARE(delay, qint64(rate * DtmfMasker::kDelayMs / 1000));
    const QVector<MaskedSpan> spans = masker.spans();
    QCOMPARE(spans.size(), tones.size());
    for (qsizetype i = 0; i < tones.size(); ++i) {
        const qint64 startMs = tones[i].start * 1000 / rate;
        const qint64 endMs = (tones[i].start + tones[i].length) * 1000 / rate;
        QCOMPARE(spans[i].cause, QStringLiteral("dtmf-inband"));
        // Covers the whole tone, with at most guard (20 ms) + two blocks (26 ms) extra.
        QVERIFY2(spans[i].startMs <= startMs && spans[i].startMs >= startMs - 47,
                 qPrintable(QStringLiteral("span %1 starts %2, tone %3")
                                .arg(i)
                                .arg(spans[i].startMs)
                                .arg(startMs)));
        QVERIFY2(
            spans[i].endMs >= endMs && spans[i].endMs <= endMs + 47,
            qPrintable(
                QStringLiteral("span %1 ends %2, tone %3").arg(i).arg(spans[i].endMs).arg(endMs)));
    }

    // Outside the spans the output is the input (sample i out is sample i in; it only
    // leaves `delay` samples later).
    for (qsizetype i = 0; i < out.size(); ++i) {
        const qint64 ms = qint64(i) * 1000 / rate;
        bool masked = false;
        bool edge = false;
        for (const MaskedSpan &s : spans) {
            masked = masked || (ms > s.startMs && ms < s.endMs - 1);
            edge = edge || ms == s.startMs || (ms >= s.endMs - 1 && ms <= s.endMs);
        }
        if (edge)
            continue; // ms rounding of the span's edges
        if (masked)
            QCOMPARE(out[i], qint16(0));
        else
            QCOMPARE(out[i], pcm[i]);
    }
    QVERIFY(masker.maskedSamples() > 0);
}

void TestDtmf::speechIsNotDetected_data()
{
    QTest::addColumn<QString>("voice");
    QTest::addColumn<QString>("text");
    QTest::newRow("en")
        << QStringLiteral("en-us")
        << QStringLiteral("Thank you for calling. Could you please read me the number on the front "
                          "of your card, the expiry date and the three digits on the back? "
                          "Nine, one, four, seven, eight, eight, two, zero. Hmm, okay, wonderful, "
                          "beautiful morning, isn't it? Aaah, eeeh, oooh.");
    QTest::newRow("en-f")
        << QStringLiteral("en-us+f3")
        << QStringLiteral("Hello, this is Sophie from customer support. I'm sorry to hear about "
                          "the problem with your billing statement. Let me check that for you.");
    QTest::newRow("zh") << QStringLiteral("cmn")
                        << QStringLiteral(
                               "您好，欢迎致电客户服务中心。请问您的银行卡号是多少？"
                               "六二二八四八零零一二三四五六七八九。好的，谢谢您的耐心等待。");
    QTest::newRow("zh-f")
        << QStringLiteral("cmn+f3")
        << QStringLiteral(
               "请您稍等，我帮您查询一下账单。今天天气很好，我们的服务时间是早上九点到晚上六点。");
}

void TestDtmf::speechIsNotDetected()
{
    QFETCH(QString, voice);
    QFETCH(QString, text);
    QVERIFY2(SpeechSynthesizer::isAvailable(),
             "espeak-ng is needed (scripts/callvault deps installs it)");
    for (int rate : {8000, 16000}) {
        SpeechSynthesizer speech(rate);
        for (int wpm : {140, 220}) {
            Result<QVector<qint16>> pcm = speech.speak(voice, wpm, text);
            QVERIFY2(pcm.ok(), qPrintable(pcm.errorMessage()));
            QVERIFY(pcm.value().size() > rate); // real speech came out
            // Louder than a normal line too: talk-off must not depend on the level.
            QVector<qint16> loud = pcm.value();
            for (qint16 &s : loud)
                s = qint16(std::clamp(int(s) * 2, -32768, 32767));
            for (const QVector<qint16> *signal : {&pcm.value(), &loud}) {
                QVERIFY2(
                    !DtmfDetector::containsDtmf(signal->constData(), int(signal->size()), rate),
                    qPrintable(QStringLiteral("%1 Hz, %2 wpm").arg(rate).arg(wpm)));
                DtmfMasker masker(rate);
                const QVector<qint16> out = maskAll(masker, *signal, 160);
                QCOMPARE(masker.maskedSamples(), qint64(0));
                QVERIFY(masker.spans().isEmpty());
                QCOMPARE(out, *signal);
            }
        }
    }
}

void TestDtmf::spansMergeAndSerialize()
{
    const QVector<MaskedSpan> merged = MaskedSpan::merged({
        {500, 700, QStringLiteral("dtmf-inband")},
        {100, 200, QStringLiteral("dtmf-inband")},
        {150, 300, QStringLiteral("dtmf-inband")},
        {160, 260, QStringLiteral("dtmf-rfc4733")},
    });
    QCOMPARE(merged.size(), 3);
    QCOMPARE(merged[0], (MaskedSpan{100, 300, QStringLiteral("dtmf-inband")}));
    QCOMPARE(merged[1], (MaskedSpan{160, 260, QStringLiteral("dtmf-rfc4733")}));
    QCOMPARE(merged[2], (MaskedSpan{500, 700, QStringLiteral("dtmf-inband")}));
    const QJsonArray json = MaskedSpan::toJson(merged);
    QCOMPARE(json.size(), 3);
    QCOMPARE(json[0].toObject().value(QStringLiteral("endMs")).toInteger(), 300);
    QCOMPARE(json[1].toObject().value(QStringLiteral("cause")).toString(),
             QStringLiteral("dtmf-rfc4733"));
}

QTEST_GUILESS_MAIN(TestDtmf)
#include "test_dtmf.moc"
