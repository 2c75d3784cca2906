// WavReader (untrusted RIFF/WAVE parsing) and WavWriter.

#include "codec/wavreader.h"
#include "codec/wavwriter.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <QTest>
#include <QtEndian>
#include <algorithm>
#include <cstring>

using namespace cv;

namespace {

void le16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void le32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

QByteArray chunk(const char *id, const QByteArray &body, qint64 claimedSize = -1)
{
    QByteArray out(id, 4);
    le32(out, quint32(claimedSize >= 0 ? claimedSize : body.size()));
    out += body;
    if (body.size() % 2)
        out += '\0';
    return out;
}

struct WavSpec
{
    quint16 formatTag = 1;
    int channels = 2;
    quint32 rate = 16000;
    int bits = 16;
    int blockAlign = -1; // -1: channels * bits / 8
    bool extensible = false;
    quint16 subFormat = 1;
    QByteArray before; // chunks between fmt and data
    qint64 frames = 100;
    qint64 claimedDataSize = -1;
};

QByteArray fmtBody(const WavSpec &s)
{
    const int align = s.blockAlign >= 0 ? s.blockAlign : s.channels * s.bits / 8;
    QByteArray fmt;
    le16(fmt, s.extensible ? 0xFFFE : s.formatTag);
    le16(fmt, quint16(s.channels));
    le32(fmt, s.rate);
    le32(fmt, s.rate * quint32(align));
    le16(fmt, quint16(align));
    le16(fmt, quint16(s.bits));
    if (s.extensible) {
        le16(fmt, 22);                          // cbSize
        le16(fmt, quint16(s.bits));             // valid bits
        le32(fmt, s.channels == 2 ? 0x3 : 0x4); // channel mask
        le16(fmt, s.subFormat);
        fmt += QByteArray::fromHex("000000001000800000aa00389b71");
    }
    return fmt;
}

// Sample i of channel c is i * 8 + c (easy to check after reading).
QByteArray pcmData(const WavSpec &s)
{
    QByteArray data;
    for (qint64 i = 0; i < s.frames; ++i) {
        for (int c = 0; c < s.channels; ++c)
            le16(data, quint16(qint16(i * 8 + c - 400)));
    }
    return data;
}

QByteArray makeWav(const WavSpec &s)
{
    QByteArray body("WAVE");
    body += chunk("fmt ", fmtBody(s));
    body += s.before;
    body += chunk("data", pcmData(s), s.claimedDataSize);
    QByteArray out("RIFF");
    le32(out, quint32(body.size()));
    return out + body;
}

Result<std::unique_ptr<WavReader>> openBytes(QBuffer &buffer, const QByteArray &bytes)
{
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return WavReader::open(buffer);
}

// A pipe-like device: sequential, size unknown, bytes consumed as they are read.
// (QBuffer with isSequential() overridden does not work: it reads from pos(), which a
// sequential QIODevice keeps at 0.)
class SequentialBuffer final : public QIODevice
{
public:
    void setData(const QByteArray &data) { m_data = data; }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_offset);
        if (n > 0)
            std::memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char *, qint64 size) override { return size; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace

class TestWavReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsValidFiles_data();
    void readsValidFiles();
    void readsExtensible();
    void skipsUnknownChunks();
    void readsFromSequentialDevice();
    void anyRateOnRequest();
    void rejects_data();
    void rejects();
    void rejectsTruncatedDataOnSequentialDevice();
    void toleratesPartialLastFrame();
    void writerRoundTrip_data();
    void writerRoundTrip();
    void writerToFile();
    void writerRejectsMisuse();
};

void TestWavReader::readsValidFiles_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    for (int rate : {8000, 16000, 48000})
        for (int channels : {1, 2})
            QTest::addRow("%d Hz %d ch", rate, channels) << rate << channels;
}

void TestWavReader::readsValidFiles()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    WavSpec spec;
    spec.rate = quint32(rate);
    spec.channels = channels;
    spec.frames = 1001;
    QBuffer buffer;
    auto opened = openBytes(buffer, makeWav(spec));
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    auto reader = opened.takeValue();
    QCOMPARE(reader->sampleRate(), rate);
    QCOMPARE(reader->channels(), channels);
    QCOMPARE(reader->frameCount(), qint64(1001));
    QVector<qint16> pcm(1001 * channels);
    qint64 total = 0;
    while (total < 1001) {
        auto got = reader->read(pcm.data() + total * channels, 300);
        QVERIFY2(got, qPrintable(got.errorMessage()));
        QVERIFY(got.value() > 0);
        total += got.value();
    }
    QCOMPARE(total, qint64(1001));
    auto end = reader->read(pcm.data(), 300);
    QVERIFY(end);
    QCOMPARE(end.value(), qint64(0));
    for (int i = 0; i < 1001; ++i)
        for (int c = 0; c < channels; ++c)
            QCOMPARE(int(pcm[i * channels + c]), i * 8 + c - 400);
}

void TestWavReader::readsExtensible()
{
    WavSpec spec;
    spec.extensible = true;
    spec.rate = 48000;
    QBuffer buffer;
    auto opened = openBytes(buffer, makeWav(spec));
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->sampleRate(), 48000);
    QCOMPARE(opened.value()->frameCount(), qint64(100));
    QVector<qint16> pcm(200);
    QCOMPARE(opened.value()->read(pcm.data(), 100).value(), qint64(100));
    QCOMPARE(int(pcm[3]), 8 + 1 - 400);
}

void TestWavReader::skipsUnknownChunks()
{
    WavSpec spec;
    spec.channels = 1;
    // LIST with an odd size (pad byte), a fact chunk, a bext chunk, and an empty JUNK chunk.
    spec.before = chunk("LIST", QByteArray("INFOISFT\x05\x00\x00\x00Lavf\x00", 17)) +
                  chunk("fact", QByteArray(4, '\x01')) + chunk("bext", QByteArray(602, 'b')) +
                  chunk("JUNK", QByteArray());
    // 60 more unknown chunks: 64 chunks in all before data, the limit.
    for (int i = 0; i < 59; ++i)
        spec.before += chunk("junk", QByteArray(3, 'j'));
    QBuffer buffer;
    auto opened = openBytes(buffer, makeWav(spec));
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->frameCount(), qint64(100));
    qint16 first = 0;
    QCOMPARE(opened.value()->read(&first, 1).value(), qint64(1));
    QCOMPARE(int(first), -400);
}

void TestWavReader::readsFromSequentialDevice()
{
    WavSpec spec;
    spec.before = chunk("LIST", QByteArray(100, 'x'));
    SequentialBuffer pipe;
    pipe.setData(makeWav(spec));
    QVERIFY(pipe.open(QIODevice::ReadOnly));
    auto opened = WavReader::open(pipe);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QVector<qint16> pcm(200);
    QCOMPARE(opened.value()->read(pcm.data(), 1000).value(), qint64(100));
    QCOMPARE(int(pcm[199]), 99 * 8 + 1 - 400);
}

void TestWavReader::anyRateOnRequest()
{
    // Speech prompts (espeak-ng writes 22050 Hz) are read at any rate and resampled by the caller.
    WavSpec spec;
    spec.rate = 22050;
    spec.channels = 1;
    QBuffer strict;
    auto refused = openBytes(strict, makeWav(spec));
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains(QStringLiteral("22050 Hz")));
    QBuffer lenient;
    lenient.setData(makeWav(spec));
    QVERIFY(lenient.open(QIODevice::ReadOnly));
    auto opened = WavReader::open(lenient, WavReader::RateCheck::AnyRate);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->sampleRate(), 22050);
    QCOMPARE(opened.value()->durationMs(), qint64(100 * 1000 / 22050));

    spec.rate = 500;
    QBuffer tooLow;
    tooLow.setData(makeWav(spec));
    QVERIFY(tooLow.open(QIODevice::ReadOnly));
    auto low = WavReader::open(tooLow, WavReader::RateCheck::AnyRate);
    QVERIFY(!low);
    QVERIFY(low.errorMessage().contains(QStringLiteral("unsupported sample rate 500 Hz")));
}

void TestWavReader::rejects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const int format = int(ErrorCode::Format);
    const int unsupported = int(ErrorCode::Unsupported);
    const QByteArray valid = makeWav(WavSpec{});

    QTest::newRow("empty file") << QByteArray() << format << QStringLiteral("the file is empty");
    QTest::newRow("garbage") << QByteArray("ID3\x04\x00 this is an mp3, honest", 28) << format
                             << QStringLiteral("not a WAV file (no RIFF/WAVE header)");
    QTest::newRow("RIFF but AVI") << QByteArray("RIFF\x10\x00\x00\x00"
                                                "AVI LIST",
                                                16)
                                  << format
                                  << QStringLiteral("not a WAV file (no RIFF/WAVE header)");
    QTest::newRow("RIFX") << QByteArray("RIFX\x00\x00\x00\x10WAVE", 12) << unsupported
                          << QStringLiteral("big-endian");
    QTest::newRow("RF64") << QByteArray("RF64\xff\xff\xff\xffWAVE", 12) << unsupported
                          << QStringLiteral("RF64");
    QTest::newRow("only RIF") << QByteArray("RIF") << format << QStringLiteral("truncated header");
    QTest::newRow("truncated RIFF header")
        << valid.left(10) << format << QStringLiteral("truncated header");
    QTest::newRow("truncated chunk header")
        << valid.left(16) << format << QStringLiteral("truncated header");
    QTest::newRow("truncated fmt")
        << valid.left(30) << format << QStringLiteral("truncated header");
    QTest::newRow("no fmt") << QByteArray("RIFF\x04\x00\x00\x00WAVE", 12) << format
                            << QStringLiteral("truncated header (no fmt chunk)");
    QTest::newRow("no data chunk")
        << valid.left(44 - 8) << format << QStringLiteral("no audio data");
    {
        WavSpec s;
        s.frames = 0;
        QTest::newRow("empty data") << makeWav(s) << format << QStringLiteral("no audio data");
    }
    QTest::newRow("truncated data") << valid.left(valid.size() - 10) << format
                                    << QStringLiteral("data chunk claims 400 bytes but the file "
                                                      "holds only 390");
    {
        WavSpec s;
        s.claimedDataSize = 0xFFFFFFFFLL; // streaming writers
        QTest::newRow("data size -1")
            << makeWav(s) << format << QStringLiteral("data chunk claims 4294967295 bytes");
    }
    {
        QByteArray b("RIFF\x00\x00\x00\x00WAVE", 12);
        b += chunk("fmt ", QByteArray(2000, '\0'));
        QTest::newRow("huge fmt chunk") << b << format << QStringLiteral("header too large");
    }
    {
        const QByteArray b = QByteArray("RIFF\x00\x00\x00\x00WAVE", 12) +
                             chunk("fmt ", QByteArray(20, '\0'), 0x7fffffff);
        QTest::newRow("fmt claims 2 GB") << b << format << QStringLiteral("header too large");
    }
    {
        WavSpec s;
        for (int i = 0; i < 64; ++i)
            s.before += chunk("junk", QByteArray());
        QTest::newRow("too many chunks")
            << makeWav(s) << format << QStringLiteral("header too large (more than 64 chunks");
    }
    {
        QByteArray b("RIFF\x00\x00\x00\x00WAVE", 12);
        b += chunk("LIST", QByteArray(10, 'x'), 1000000);
        QTest::newRow("chunk past the end")
            << b << format << QStringLiteral("truncated header (chunk \"LIST\"");
    }
    {
        QByteArray b("RIFF\x00\x00\x00\x00WAVE", 12);
        b += chunk("data", QByteArray(8, '\0'));
        QTest::newRow("data before fmt") << b << format << QStringLiteral("before the fmt chunk");
    }
    {
        QByteArray b("RIFF\x00\x00\x00\x00WAVE", 12);
        b += chunk("fmt ", QByteArray(8, '\0'));
        QTest::newRow("short fmt") << b << format << QStringLiteral("fmt chunk is too short");
    }
    {
        WavSpec s;
        s.before = chunk("fmt ", fmtBody(s));
        QTest::newRow("two fmt chunks") << makeWav(s) << format << QStringLiteral("two fmt chunks");
    }
    {
        WavSpec s;
        s.bits = 8;
        QTest::newRow("8-bit") << makeWav(s) << unsupported
                               << QStringLiteral(
                                      "unsupported sample format: 8-bit PCM (only 16-bit "
                                      "PCM is supported)");
    }
    {
        WavSpec s;
        s.bits = 24;
        QTest::newRow("24-bit") << makeWav(s) << unsupported
                                << QStringLiteral("unsupported sample format: 24-bit PCM (only "
                                                  "16-bit PCM is supported)");
    }
    {
        WavSpec s;
        s.formatTag = 3;
        s.bits = 32;
        QTest::newRow("float") << makeWav(s) << unsupported
                               << QStringLiteral(
                                      "unsupported sample format: 32-bit floating point");
    }
    {
        WavSpec s;
        s.extensible = true;
        s.subFormat = 3;
        s.bits = 32;
        QTest::newRow("extensible float")
            << makeWav(s) << unsupported << QStringLiteral("32-bit floating point");
    }
    {
        WavSpec s;
        s.extensible = true;
        s.bits = 24;
        QTest::newRow("extensible 24-bit")
            << makeWav(s) << unsupported << QStringLiteral("24-bit PCM");
    }
    {
        WavSpec s;
        s.formatTag = 7;
        s.bits = 8;
        QTest::newRow("mu-law") << makeWav(s) << unsupported << QStringLiteral("\u00B5-law");
    }
    {
        WavSpec s;
        s.rate = 44100;
        QTest::newRow("44.1 kHz") << makeWav(s) << unsupported
                                  << QStringLiteral("unsupported sample rate 44100 Hz (8000, 16000 "
                                                    "or 48000 Hz)");
    }
    {
        WavSpec s;
        s.channels = 6;
        QTest::newRow("6 channels")
            << makeWav(s) << unsupported << QStringLiteral("unsupported channel count 6");
    }
    {
        WavSpec s;
        s.channels = 0;
        s.blockAlign = 0;
        QTest::newRow("0 channels") << makeWav(s) << format << QStringLiteral("0 channels");
    }
    {
        WavSpec s;
        s.blockAlign = 3;
        QTest::newRow("odd block align")
            << makeWav(s) << format << QStringLiteral("block align 3 does not match");
    }
    {
        WavSpec s;
        s.extensible = true;
        QByteArray b("RIFF\x00\x00\x00\x00WAVE", 12);
        b += chunk("fmt ", fmtBody(s).left(30));
        QTest::newRow("short extensible") << b << format << QStringLiteral("too short");
    }
}

void TestWavReader::rejects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(QString, message);
    QBuffer buffer;
    auto opened = openBytes(buffer, bytes);
    QVERIFY2(!opened, "a bad file was accepted");
    QVERIFY2(opened.errorMessage().contains(message), qPrintable(opened.errorMessage()));
    QVERIFY(opened.errorMessage().startsWith(QStringLiteral("Cannot read the WAV file: ")));
    QCOMPARE(int(opened.error().code), code);
}

void TestWavReader::rejectsTruncatedDataOnSequentialDevice()
{
    const QByteArray valid = makeWav(WavSpec{});
    SequentialBuffer pipe;
    pipe.setData(valid.left(valid.size() - 10));
    QVERIFY(pipe.open(QIODevice::ReadOnly));
    auto opened = WavReader::open(pipe); // size unknown up front on a pipe
    QVERIFY(opened);
    QVector<qint16> pcm(200);
    auto got = opened.value()->read(pcm.data(), 100);
    QVERIFY(!got);
    QCOMPARE(got.error().code, ErrorCode::Format);
    QVERIFY2(got.errorMessage().contains(QStringLiteral("data chunk claims 400 bytes but the file "
                                                        "holds only 390")),
             qPrintable(got.errorMessage()));
}

void TestWavReader::toleratesPartialLastFrame()
{
    WavSpec s;
    QByteArray bytes = makeWav(s);
    // Claim 3 extra bytes (a partial frame + pad) and append them.
    bytes += QByteArray(4, '\0');
    qToLittleEndian<quint32>(403, bytes.data() + 40);
    QBuffer buffer;
    auto opened = openBytes(buffer, bytes);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->frameCount(), qint64(100));
}

void TestWavReader::writerRoundTrip_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::newRow("8 kHz mono") << 8000 << 1;
    QTest::newRow("16 kHz stereo") << 16000 << 2;
    QTest::newRow("48 kHz stereo") << 48000 << 2;
}

void TestWavReader::writerRoundTrip()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    QVector<qint16> pcm(rate / 10 * channels);
    for (int i = 0; i < pcm.size(); ++i)
        pcm[i] = qint16((i * 2654435761u) >> 16);
    QBuffer out;
    QVERIFY(out.open(QIODevice::ReadWrite));
    WavWriter writer(out);
    QVERIFY(writer.begin(rate, channels));
    const qint64 frames = pcm.size() / channels;
    QVERIFY(writer.write(pcm.constData(), frames / 3));
    QVERIFY(writer.write(pcm.constData() + frames / 3 * channels, frames - frames / 3));
    QVERIFY(writer.finish());
    QCOMPARE(writer.framesWritten(), frames);
    const QByteArray bytes = out.data();
    QCOMPARE(bytes.size(), 44 + pcm.size() * 2);
    QCOMPARE(qFromLittleEndian<quint32>(bytes.constData() + 4), quint32(bytes.size() - 8));
    QCOMPARE(qFromLittleEndian<quint32>(bytes.constData() + 40), quint32(pcm.size() * 2));

    QBuffer in;
    auto opened = openBytes(in, bytes);
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE(opened.value()->sampleRate(), rate);
    QCOMPARE(opened.value()->channels(), channels);
    QCOMPARE(opened.value()->frameCount(), frames);
    QVector<qint16> back(pcm.size());
    QCOMPARE(opened.value()->read(back.data(), frames).value(), frames);
    QCOMPARE(back, pcm);
}

void TestWavReader::writerToFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    WavWriter writer(file);
    QVERIFY(writer.begin(12000, 1)); // export at a recording's original rate
    const qint16 samples[3] = {1, -2, 3};
    QVERIFY(writer.write(samples, 3));
    QVERIFY(writer.finish());
    QCOMPARE(file.size(), qint64(44 + 6));
    QVERIFY(file.seek(0));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("RIFF"));
    QCOMPARE(qFromLittleEndian<quint32>(bytes.constData() + 24), quint32(12000));
    QCOMPARE(bytes.mid(44), QByteArray::fromHex("0100feff0300"));
}

void TestWavReader::writerRejectsMisuse()
{
    QBuffer out;
    QVERIFY(out.open(QIODevice::ReadWrite));
    WavWriter writer(out);
    const qint16 s = 0;
    QVERIFY(!writer.write(&s, 1)); // before begin
    QVERIFY(!writer.finish());
    QVERIFY(!writer.begin(16000, 3));
    QVERIFY(!writer.begin(0, 1));
    QVERIFY(writer.begin(16000, 1));
    QVERIFY(!writer.begin(16000, 1));
    QVERIFY(!writer.write(nullptr, 1));
    QVERIFY(writer.finish());
    QVERIFY(!writer.write(&s, 1)); // after finish

    SequentialBuffer pipe;
    QVERIFY(pipe.open(QIODevice::WriteOnly));
    WavWriter toPipe(pipe);
    auto begun = toPipe.begin(16000, 1);
    QVERIFY(!begun);
    QVERIFY(begun.errorMessage().contains(QStringLiteral("pipe")));

    QBuffer closed;
    WavWriter toClosed(closed);
    QVERIFY(!toClosed.begin(16000, 1));
}

QTEST_GUILESS_MAIN(TestWavReader)
#include "test_wavreader.moc"
