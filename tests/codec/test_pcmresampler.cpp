// PcmResampler: output length, delay compensation and pitch for the export rates.

#include "codec/pcmresampler.h"
#include "signal.h"

#include <QTest>
#include <cmath>

using namespace cv;
using namespace cv::test;

namespace {

// Resamples in uneven pieces, then flushes.
QVector<qint16> resampleAll(PcmResampler &resampler, const QVector<qint16> &in, int piece)
{
    QVector<qint16> out;
    const int channels = resampler.channels();
    const qint64 frames = in.size() / channels;
    for (qint64 done = 0; done < frames;) {
        const qint64 n = std::min<qint64>(piece, frames - done);
        out += resampler.process(in.constData() + done * channels, n);
        done += n;
    }
    out += resampler.flush();
    return out;
}

// Frequency estimate from zero crossings of one channel (skipping the edges).
double zeroCrossingFrequency(const QVector<qint16> &pcm, int channels, int channel, int rate)
{
    const qint64 frames = pcm.size() / channels;
    const qint64 from = frames / 10;
    const qint64 to = frames - frames / 10;
    int crossings = 0;
    qint64 first = -1;
    qint64 last = -1;
    for (qint64 i = from + 1; i < to; ++i) {
        const int a = pcm[(i - 1) * channels + channel];
        const int b = pcm[i * channels + channel];
        if (a < 0 && b >= 0) {
            if (first < 0)
                first = i;
            else
                ++crossings;
            last = i;
        }
    }
    return crossings * double(rate) / double(last - first);
}

} // namespace

class TestPcmResampler final : public QObject
{
    Q_OBJECT

private slots:
    void lengthAndPitch_data();
    void lengthAndPitch();
    void delayIsCompensated();
    void chunkingDoesNotMatter();
    void flushTwiceIsEmpty();
    void rejectsBadArguments();
};

void TestPcmResampler::lengthAndPitch_data()
{
    QTest::addColumn<int>("inRate");
    QTest::addColumn<int>("outRate");
    QTest::addColumn<int>("channels");
    QTest::newRow("48k->16k stereo") << 48000 << 16000 << 2;
    QTest::newRow("48k->8k stereo") << 48000 << 8000 << 2;
    QTest::newRow("48k->8k mono") << 48000 << 8000 << 1;
    QTest::newRow("48k->12k mono") << 48000 << 12000 << 1;
    QTest::newRow("48k->24k stereo") << 48000 << 24000 << 2;
    QTest::newRow("16k->48k mono") << 16000 << 48000 << 1;
    QTest::newRow("48k->44.1k stereo") << 48000 << 44100 << 2;
}

void TestPcmResampler::lengthAndPitch()
{
    QFETCH(int, inRate);
    QFETCH(int, outRate);
    QFETCH(int, channels);
    const double freqs[2] = {440.0, 1000.0};
    const qint64 inFrames = 2 * inRate + 777;
    const QVector<qint16> in = sineTones(inRate, channels, inFrames, freqs);
    auto created = PcmResampler::create(channels, inRate, outRate);
    QVERIFY2(created, qPrintable(created.errorMessage()));
    auto resampler = created.takeValue();
    const QVector<qint16> out = resampleAll(*resampler, in, 1000);
    const qint64 expected = (inFrames * outRate + inRate / 2) / inRate;
    const qint64 outFrames = out.size() / channels;
    QVERIFY2(std::abs(outFrames - expected) <= 2,
             qPrintable(QStringLiteral("%1 frames, expected %2").arg(outFrames).arg(expected)));
    for (int c = 0; c < channels; ++c) {
        const double f = zeroCrossingFrequency(out, channels, c, outRate);
        QVERIFY2(std::abs(f - freqs[c]) < 2.0,
                 qPrintable(QStringLiteral("channel %1: %2 Hz").arg(c).arg(f)));
        const double own = goertzel(out.constData(), outFrames, channels, c, outRate, freqs[c]);
        const double other =
            goertzel(out.constData(), outFrames, channels, c, outRate, freqs[1 - c]);
        QVERIFY(own > 100.0 * other);
        const double level =
            rms(out.constData() + outFrames / 4 * channels, outFrames / 2, channels, c);
        QVERIFY2(std::abs(level - 12000 / std::sqrt(2.0)) < 12000 * 0.05,
                 qPrintable(QStringLiteral("RMS %1").arg(level)));
    }
}

void TestPcmResampler::delayIsCompensated()
{
    // An impulse at input frame 4800 (100 ms) comes out at output frame 1600 at 16 kHz.
    QVector<qint16> in(48000, 0);
    in[4800] = 30000;
    auto resampler = PcmResampler::create(1, 48000, 16000).takeValue();
    QVERIFY(resampler);
    const QVector<qint16> out = resampleAll(*resampler, in, 4096);
    QCOMPARE(out.size(), 16000);
    int peakAt = 0;
    for (int i = 1; i < out.size(); ++i) {
        if (std::abs(out[i]) > std::abs(out[peakAt]))
            peakAt = i;
    }
    QVERIFY2(std::abs(peakAt - 1600) <= 1, qPrintable(QString::number(peakAt)));
}

void TestPcmResampler::chunkingDoesNotMatter()
{
    const double freqs[2] = {300.0, 2000.0};
    const QVector<qint16> in = sineTones(48000, 2, 48000, freqs);
    auto a = PcmResampler::create(2, 48000, 8000).takeValue();
    auto b = PcmResampler::create(2, 48000, 8000).takeValue();
    QVERIFY(a && b);
    const QVector<qint16> whole = resampleAll(*a, in, 48000);
    const QVector<qint16> pieces = resampleAll(*b, in, 17);
    QCOMPARE(whole.size(), 8000 * 2);
    QCOMPARE(pieces, whole);
}

void TestPcmResampler::flushTwiceIsEmpty()
{
    auto resampler = PcmResampler::create(1, 48000, 16000).takeValue();
    QVERIFY(resampler);
    QVector<qint16> in(480, 100);
    QVector<qint16> out = resampler->process(in.constData(), in.size());
    out += resampler->flush();
    QCOMPARE(out.size(), 160);
    QVERIFY(resampler->flush().isEmpty());
    QVERIFY(resampler->process(in.constData(), in.size()).isEmpty()); // spent after flush
    QVERIFY(resampler->process(nullptr, 10).isEmpty());
}

void TestPcmResampler::rejectsBadArguments()
{
    auto bad = PcmResampler::create(3, 48000, 16000);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    QVERIFY(bad.errorMessage().contains(QStringLiteral("3 channels")));
    bad = PcmResampler::create(1, 0, 16000);
    QVERIFY(!bad);
    QVERIFY(bad.errorMessage().contains(QStringLiteral("0 Hz")));
    QVERIFY(!PcmResampler::create(1, 48000, -1));
}

QTEST_GUILESS_MAIN(TestPcmResampler)
#include "test_pcmresampler.moc"
