// End-to-end: the real callvaultctl imports WAV files at every supported rate and channel
// count, lists them with their metadata, exports them to .opus and .wav, and the exported
// files are checked with the real opusinfo and ffprobe, then `verify` checks the site.
#include "ctltesthelpers.h"

#include <QFile>
#include <QMap>
#include <QTest>
#include <cmath>

using namespace ctltest;

namespace {

constexpr int kSourceMs = 3000;
constexpr double kDurationToleranceS = 0.040;

struct Imported
{
    QString id;
    int rate = 0;
    int channels = 0;
    QString agent;
    QString phone;
    QString direction;
    QString startedAt; // as list prints it
};

QString key(int rate, int channels)
{
    return QStringLiteral("%1Hz-%2ch").arg(rate).arg(channels);
}

} // namespace

class TestCtlRecordings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void import_data();
    void import();
    void listShowsMetadata();
    void exportOpus_data();
    void exportOpus();
    void exportWav_data();
    void exportWav();
    void verifyAll();
    void verifyOne();
    void exportRefusesBadExtension();
    void exportRefusesUnknownOrMalformedId();

private:
    void addFormatRows();
    const Imported *current() const;

    std::unique_ptr<CtlSite> m_site;
    QMap<QString, Imported> m_imported; // by key(rate, channels)
};

void TestCtlRecordings::initTestCase()
{
    QVERIFY2(!ctlPath().isEmpty(), "CALLVAULT_BUILD_DIR is not set: run the test through ctest");
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at %1").arg(ctlPath())));
    // The real tools are required: a missing one is a failure, never a skip.
    QVERIFY2(
        !findTool(QStringLiteral("opusinfo")).isEmpty(),
        "opusinfo is not installed (apt-get install opus-tools); this test needs the real tool");
    QVERIFY2(!findTool(QStringLiteral("ffprobe")).isEmpty(),
             "ffprobe is not installed (apt-get install ffmpeg); this test needs the real tool");

    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    const RunResult r = m_site->init();
    CTL_EXPECT_EXIT(r, 0);
    RunResult exporter;
    QVERIFY2(m_site->addExporter(&exporter), qPrintable(exporter.describe()));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Created site in"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("key file"));
    QVERIFY2(!m_site->initFingerprint().isEmpty(), qPrintable(r.describe()));
    QVERIFY(QFile::exists(m_site->keyFile()));
    QCOMPARE(m_site->recordingCount(), 0);
}

void TestCtlRecordings::addFormatRows()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    for (int rate : {8000, 16000, 48000}) {
        for (int channels : {1, 2})
            QTest::newRow(qPrintable(key(rate, channels))) << rate << channels;
    }
}

const Imported *TestCtlRecordings::current() const
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    const auto it = m_imported.constFind(key(rate, channels));
    return it == m_imported.constEnd() ? nullptr : &it.value();
}

void TestCtlRecordings::import_data()
{
    addFormatRows();
}

void TestCtlRecordings::import()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    Imported rec;
    rec.rate = rate;
    rec.channels = channels;
    const int n = m_imported.size();
    rec.agent = QStringLiteral("A%1").arg(1001 + n);
    rec.phone = QStringLiteral("1380013%1").arg(8000 + n);
    rec.direction = n % 2 ? QStringLiteral("out") : QStringLiteral("in");
    rec.startedAt = QStringLiteral("2024-03-%1 09:15:%2").arg(10 + n).arg(10 + n);
    const QString iso = QStringLiteral("2024-03-%1T09:15:%2Z").arg(10 + n).arg(10 + n);

    RunResult r;
    rec.id = m_site->importSine(rate, channels, kSourceMs,
                                {QStringLiteral("--agent"), rec.agent, QStringLiteral("--phone"),
                                 rec.phone, QStringLiteral("--started-at"), iso,
                                 QStringLiteral("--direction"), rec.direction},
                                &r);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(!rec.id.isEmpty(), qPrintable(r.describe()));
    // "Imported <id> (00:00:03.0, <rate> Hz, <n> ch)"
    CTL_EXPECT_CONTAINS(r.out,
                        QStringLiteral("(00:00:03.0, %1 Hz, %2 ch)").arg(rate).arg(channels));
    QVERIFY2(m_site->spoolFiles().isEmpty(), qPrintable(m_site->spoolFiles().join(u' ')));
    m_imported.insert(key(rate, channels), rec);
    QCOMPARE(m_site->recordingCount(), m_imported.size());
}

void TestCtlRecordings::listShowsMetadata()
{
    QCOMPARE(m_imported.size(), 6);
    const RunResult r = m_site->ctl({QStringLiteral("list")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("6 of 6 recordings"));
    for (const Imported &rec : std::as_const(m_imported)) {
        const QString line = listLine(r, rec.id);
        QVERIFY2(!line.isEmpty(),
                 qPrintable(QStringLiteral("%1 missing from:\n%2").arg(rec.id, r.out)));
        const QStringList cols = line.split(u' ', Qt::SkipEmptyParts);
        // id, date, time, duration, direction, agent, phone, status
        QCOMPARE(cols.size(), 8);
        QCOMPARE(cols.at(1) + u' ' + cols.at(2), rec.startedAt);
        QCOMPARE(cols.at(3), QStringLiteral("00:00:03.0"));
        QCOMPARE(cols.at(4), rec.direction);
        QCOMPARE(cols.at(5), rec.agent);
        QCOMPARE(cols.at(6), rec.phone);
        QCOMPARE(cols.at(7), QStringLiteral("normal"));
    }
    // Newest first: the last import has the latest start time.
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QString newest;
    for (const Imported &rec : std::as_const(m_imported)) {
        if (newest.isEmpty() || rec.startedAt > m_imported.value(newest).startedAt)
            newest = key(rec.rate, rec.channels);
    }
    QVERIFY2(lines.at(1).startsWith(m_imported.value(newest).id), qPrintable(r.out));

    // --limit shows fewer rows but the same total.
    const RunResult limited =
        m_site->ctl({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2")});
    CTL_EXPECT_EXIT(limited, 0);
    CTL_EXPECT_CONTAINS(limited.out, QStringLiteral("2 of 6 recordings"));
}

void TestCtlRecordings::exportOpus_data()
{
    addFormatRows();
}

void TestCtlRecordings::exportOpus()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    const Imported *rec = current();
    QVERIFY2(rec, "the import of this format failed");
    const QString out = m_site->scratch(key(rate, channels) + QStringLiteral(".opus"));
    const RunResult r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"),
                                     QStringLiteral("test"), rec->id, out}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Exported %1 to %2").arg(rec->id, out));
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Site keys: key file"));
    QVERIFY(QFile::exists(out));

    const RunResult info = run(findTool(QStringLiteral("opusinfo")), {out}, cleanEnvironment());
    CTL_EXPECT_EXIT(info, 0);
    const QString infoText = info.out + info.err;
    CTL_EXPECT_CONTAINS(infoText, QStringLiteral("Original sample rate: %1 Hz").arg(rate));
    CTL_EXPECT_CONTAINS(infoText, QStringLiteral("Channels: %1").arg(channels));
    QVERIFY2(!infoText.contains(QStringLiteral("WARNING"), Qt::CaseInsensitive),
             qPrintable(infoText));

    const Probe probe = ffprobe(out);
    QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
    const QJsonObject stream = probe.firstStream();
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("opus"));
    QCOMPARE(stream.value(QStringLiteral("channels")).toInt(), channels);
    const double duration = probe.durationSeconds();
    QVERIFY2(
        std::abs(duration - kSourceMs / 1000.0) <= kDurationToleranceS,
        qPrintable(
            QStringLiteral("duration %1 s, source %2 s").arg(duration).arg(kSourceMs / 1000.0)));
}

void TestCtlRecordings::exportWav_data()
{
    addFormatRows();
}

void TestCtlRecordings::exportWav()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    const Imported *rec = current();
    QVERIFY2(rec, "the import of this format failed");
    const QString out = m_site->scratch(key(rate, channels) + QStringLiteral("-export.wav"));
    const RunResult r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), rec->id, out}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY(QFile::exists(out));

    const Probe probe = ffprobe(out);
    QVERIFY2(probe.error.isEmpty(), qPrintable(probe.error));
    const QJsonObject stream = probe.firstStream();
    QCOMPARE(stream.value(QStringLiteral("codec_name")).toString(), QStringLiteral("pcm_s16le"));
    QCOMPARE(stream.value(QStringLiteral("sample_rate")).toString().toInt(), rate);
    QCOMPARE(stream.value(QStringLiteral("channels")).toInt(), channels);
    const double duration = probe.durationSeconds();
    QVERIFY2(
        std::abs(duration - kSourceMs / 1000.0) <= kDurationToleranceS,
        qPrintable(
            QStringLiteral("duration %1 s, source %2 s").arg(duration).arg(kSourceMs / 1000.0)));

    // The audio survived: each channel still carries its own sine, not swapped and not mixed
    // with the other one. Agent and customer are encoded as two uncoupled streams, so they
    // stay over 60 dB apart (asserted: 40 dB); joint-stereo coupling would leak at 8-31 dB, a mix
    // at 0 dB.
    const PcmWav wav = readPcmWav(out);
    QVERIFY2(wav.ok, qPrintable(wav.problem));
    QCOMPARE(wav.frames(), qint64(rate) * kSourceMs / 1000);
    for (int c = 0; c < channels; ++c) {
        const double own = toneAmplitude(wav, c, sineFrequency(c));
        const double other = toneAmplitude(wav, c, sineFrequency(1 - c));
        const QString amplitudes =
            QStringLiteral("channel %1: %2 Hz at %3, %4 Hz at %5 (source %6)")
                .arg(c)
                .arg(sineFrequency(c))
                .arg(own)
                .arg(sineFrequency(1 - c))
                .arg(other)
                .arg(kSineAmplitude);
        QVERIFY2(own >= 0.85 * kSineAmplitude && own <= 1.1 * kSineAmplitude,
                 qPrintable(amplitudes));
        QVERIFY2(other <= own / 100, qPrintable(amplitudes)); // at least 40 dB apart
    }
}

void TestCtlRecordings::verifyAll()
{
    const RunResult r = m_site->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("6 recordings verified: 6 ok, 0 failed"));
    for (const Imported &rec : std::as_const(m_imported))
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(rec.id));
}

void TestCtlRecordings::verifyOne()
{
    const Imported rec = m_imported.value(key(16000, 2));
    QVERIFY(!rec.id.isEmpty());
    const RunResult r = m_site->ctl({QStringLiteral("verify"), rec.id});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("OK      %1").arg(rec.id));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 recordings verified: 1 ok, 0 failed"));
    QCOMPARE(r.out.count(QStringLiteral("OK ")), 1);
}

void TestCtlRecordings::exportRefusesBadExtension()
{
    const Imported rec = m_imported.value(key(8000, 1));
    QVERIFY(!rec.id.isEmpty());
    for (const QString &name : {QStringLiteral("bad.mp3"), QStringLiteral("noextension")}) {
        const QString out = m_site->scratch(name);
        const RunResult r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), rec.id, out}, m_site->exporterEnv());
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("must end in .opus or .wav"));
        QVERIFY2(!QFile::exists(out), qPrintable(out));
        QVERIFY2(!QFile::exists(out + QStringLiteral(".opus")) &&
                     !QFile::exists(out + QStringLiteral(".wav")),
                 "no file");
    }
}

void TestCtlRecordings::exportRefusesUnknownOrMalformedId()
{
    const QString out = m_site->scratch(QStringLiteral("unknown.opus"));
    RunResult r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), QStringLiteral("00000000-0000-4000-8000-000000000001"), out}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY(!QFile::exists(out));
    QCOMPARE(r.errLines().filter(QStringLiteral("error:")).size(), 1);

    r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), QStringLiteral("not-an-id"), out}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("is not a recording id"));
    QVERIFY(!QFile::exists(out));

    r = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), QStringLiteral("00000000-0000-4000-8000-000000000001")}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCtlRecordings)
#include "test_ctl_recordings.moc"
