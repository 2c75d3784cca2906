// PeakSummaryBuilder / PeakSummary: bucket values, serialization, untrusted parsing.

#include "codec/peaksummary.h"

#include <QTest>

using namespace cv;

class TestPeakSummary final : public QObject
{
    Q_OBJECT

private slots:
    void knownSignal();
    void bucketsAcrossAddCalls();
    void scaling_data();
    void scaling();
    void otherBucketLength();
    void emptyInput();
    void serializeRoundTrip();
    void serializeLayout();
    void parseRejects_data();
    void parseRejects();
    void parseRejectsEveryTruncation();
};

void TestPeakSummary::knownSignal()
{
    // 16 kHz stereo, 50 ms buckets = 800 frames. Left: bucket k has a peak of k*4096 at one
    // sample; right: constant -32768 in bucket 1 only. 3.5 buckets in total.
    const int frames = 800 * 3 + 400;
    QVector<qint16> pcm(frames * 2, 0);
    for (int k = 0; k < 4; ++k)
        pcm[(k * 800 + 123) * 2] = qint16(std::min(k * 4096, 32767));
    for (int i = 800; i < 1600; ++i)
        pcm[i * 2 + 1] = -32768;
    PeakSummaryBuilder builder(16000, 2);
    builder.add(pcm.constData(), frames);
    const PeakSummary summary = builder.finish();
    QCOMPARE(summary.channels, 2);
    QCOMPARE(summary.bucketMs, 50);
    QCOMPARE(summary.bucketCount(), 4); // the partial last bucket counts
    QCOMPARE(summary.lanes.size(), 2);
    // ceil(peak * 255 / 32768)
    QCOMPARE(quint8(summary.lanes[0][0]), quint8(0));
    QCOMPARE(quint8(summary.lanes[0][1]), quint8(32)); // 4096*255/32768 = 31.875
    QCOMPARE(quint8(summary.lanes[0][2]), quint8(64)); // 63.75
    QCOMPARE(quint8(summary.lanes[0][3]), quint8(96)); // 95.625
    QCOMPARE(summary.lanes[1], QByteArray::fromHex("00ff0000"));
}

void TestPeakSummary::bucketsAcrossAddCalls()
{
    // Feeding one frame at a time gives the same result as one call.
    QVector<qint16> pcm(8000 * 2);
    for (int i = 0; i < pcm.size(); ++i)
        pcm[i] = qint16((i * 7919) % 65536 - 32768);
    PeakSummaryBuilder whole(8000, 1, 20);
    whole.add(pcm.constData(), pcm.size());
    PeakSummaryBuilder pieces(8000, 1, 20);
    for (int i = 0; i < pcm.size();) {
        const int n = std::min<int>(1 + i % 97, pcm.size() - i);
        pieces.add(pcm.constData() + i, n);
        i += n;
    }
    const PeakSummary a = whole.finish();
    const PeakSummary b = pieces.finish();
    QCOMPARE(a.bucketCount(), 100);
    QCOMPARE(a.lanes, b.lanes);
}

void TestPeakSummary::scaling_data()
{
    QTest::addColumn<int>("sample");
    QTest::addColumn<int>("expected");
    QTest::newRow("silence") << 0 << 0;
    QTest::newRow("smallest") << 1 << 1;
    QTest::newRow("smallest negative") << -1 << 1;
    QTest::newRow("128") << 128 << 1;
    QTest::newRow("129") << 129 << 2;
    QTest::newRow("half") << 16384 << 128; // 127.5 rounds up
    QTest::newRow("max positive") << 32767 << 255;
    QTest::newRow("max negative") << -32768 << 255;
}

void TestPeakSummary::scaling()
{
    QFETCH(int, sample);
    QFETCH(int, expected);
    const qint16 s = qint16(sample);
    PeakSummaryBuilder builder(8000, 1);
    builder.add(&s, 1);
    const PeakSummary summary = builder.finish();
    QCOMPARE(summary.bucketCount(), 1);
    QCOMPARE(int(quint8(summary.lanes[0][0])), expected);
}

void TestPeakSummary::otherBucketLength()
{
    PeakSummaryBuilder builder(48000, 1, 100);
    QVector<qint16> pcm(48000, 1000);
    builder.add(pcm.constData(), pcm.size());
    const PeakSummary summary = builder.finish();
    QCOMPARE(summary.bucketMs, 100);
    QCOMPARE(summary.bucketCount(), 10);
    QCOMPARE(summary.lanes[0], QByteArray(10, char(8))); // ceil(1000*255/32768) = 8
    // finish() starts over.
    QCOMPARE(builder.finish().bucketCount(), 0);
}

void TestPeakSummary::emptyInput()
{
    PeakSummaryBuilder builder(16000, 2);
    builder.add(nullptr, 100);
    const PeakSummary summary = builder.finish();
    QCOMPARE(summary.channels, 2);
    QCOMPARE(summary.bucketCount(), 0);
    const QByteArray bytes = summary.serialize();
    QCOMPARE(bytes, QByteArray::fromHex("0102003200000000"));
    auto parsed = PeakSummary::parse(bytes);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->bucketCount(), 0);
    QCOMPARE(parsed->lanes.size(), 2);
}

void TestPeakSummary::serializeRoundTrip()
{
    QVector<qint16> pcm(16000 * 2 * 3);
    for (int i = 0; i < pcm.size(); ++i)
        pcm[i] = qint16(((i / 2) % 16000) * (i % 2 ? -2 : 2));
    PeakSummaryBuilder builder(16000, 2);
    builder.add(pcm.constData(), pcm.size() / 2);
    const PeakSummary summary = builder.finish();
    QCOMPARE(summary.bucketCount(), 60);
    const QByteArray bytes = summary.serialize();
    QCOMPARE(bytes.size(), 8 + 60 * 2);
    auto parsed = PeakSummary::parse(bytes);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->channels, summary.channels);
    QCOMPARE(parsed->bucketMs, summary.bucketMs);
    QCOMPARE(parsed->lanes, summary.lanes);
    QCOMPARE(parsed->serialize(), bytes);
}

void TestPeakSummary::serializeLayout()
{
    PeakSummary summary;
    summary.channels = 2;
    summary.bucketMs = 0x0102;
    summary.lanes = {QByteArray::fromHex("aabbcc"), QByteArray::fromHex("112233")};
    QCOMPARE(summary.serialize(), QByteArray::fromHex("010201020000000"
                                                      "3aabbcc112233"));
    // Inconsistent lanes are written consistently (missing bytes as silence), never garbage.
    summary.lanes = {QByteArray::fromHex("aabbcc"), QByteArray::fromHex("11")};
    QCOMPARE(summary.serialize(), QByteArray::fromHex("0102010200000003aabbcc110000"));
    QVERIFY(PeakSummary::parse(summary.serialize()));
}

void TestPeakSummary::parseRejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("only 0 bytes");
    QTest::newRow("short header") << QByteArray::fromHex("01010032") << QStringLiteral("header");
    QTest::newRow("garbage") << QByteArray("this is not a waveform at all")
                             << QStringLiteral("version");
    QTest::newRow("version 2") << QByteArray::fromHex("020100320000000100")
                               << QStringLiteral("version 2");
    QTest::newRow("0 channels") << QByteArray::fromHex("0100003200000000")
                                << QStringLiteral("0 channels");
    QTest::newRow("3 channels") << QByteArray::fromHex("0103003200000001aabbcc")
                                << QStringLiteral("3 channels");
    QTest::newRow("0 ms buckets") << QByteArray::fromHex("0101000000000001aa")
                                  << QStringLiteral("0 ms");
    QTest::newRow("count too large") << QByteArray::fromHex("0102003200000003aabbcc1122")
                                     << QStringLiteral("need 14 bytes, found 13");
    QTest::newRow("trailing bytes")
        << QByteArray::fromHex("0101003200000001aabb") << QStringLiteral("need 9 bytes, found 10");
    QTest::newRow("huge count") << QByteArray::fromHex("0102003200ffffffaa")
                                << QStringLiteral("16777215 buckets");
    QTest::newRow("max count") << QByteArray::fromHex("01020032ffffffffaa")
                               << QStringLiteral("4294967295 buckets");
}

void TestPeakSummary::parseRejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto parsed = PeakSummary::parse(bytes);
    QVERIFY(!parsed);
    QVERIFY(parsed.error().code == ErrorCode::Format ||
            parsed.error().code == ErrorCode::Unsupported);
    QVERIFY2(parsed.errorMessage().contains(message), qPrintable(parsed.errorMessage()));
}

void TestPeakSummary::parseRejectsEveryTruncation()
{
    QVector<qint16> pcm(8000, 5000);
    PeakSummaryBuilder builder(8000, 2);
    builder.add(pcm.constData(), 4000);
    const QByteArray bytes = builder.finish().serialize();
    QVERIFY(PeakSummary::parse(bytes));
    for (int n = 0; n < bytes.size(); ++n)
        QVERIFY2(!PeakSummary::parse(bytes.left(n)), qPrintable(QString::number(n)));
}

QTEST_GUILESS_MAIN(TestPeakSummary)
#include "test_peaksummary.moc"
