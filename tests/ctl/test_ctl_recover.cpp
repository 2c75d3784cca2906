// End-to-end crash recovery with the real callvaultctl: `demo` and `import` are killed with
// SIGKILL while they write, then `recover` must catalog whatever the spool holds (as
// 'recovered'), leave no spool file behind, and `verify` must pass for every row.
#include "ctltesthelpers.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>

using namespace ctltest;

namespace {

// What `recover` printed: its RECOVERED lines and the summary's numbers.
struct RecoverReport
{
    bool parsed = false;
    int recovered = 0;
    int skipped = 0;
    QMap<QString, qint64> recoveredMs; // id -> audio kept
    QStringList unfinished;            // ids whose file had no final chunk
};

qint64 parseDurationMs(const QString &text) // "HH:MM:SS.d"
{
    static const QRegularExpression re(QStringLiteral("^(\\d+):(\\d\\d):(\\d\\d)\\.(\\d)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    return ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 +
            m.captured(3).toLongLong()) *
               1000 +
           m.captured(4).toLongLong() * 100;
}

RecoverReport parseRecover(const RunResult &r)
{
    RecoverReport report;
    static const QRegularExpression summary(
        QStringLiteral("^(\\d+) recordings recovered \\(.*\\), (\\d+) skipped$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression item(
        QStringLiteral("^RECOVERED\\s+([0-9a-f-]{36}): (\\S+) of audio(.*)$"),
        QRegularExpression::MultilineOption);
    const auto m = summary.match(r.out);
    if (!m.hasMatch())
        return report;
    report.parsed = true;
    report.recovered = m.captured(1).toInt();
    report.skipped = m.captured(2).toInt();
    for (auto it = item.globalMatch(r.out); it.hasNext();) {
        const auto line = it.next();
        report.recoveredMs.insert(line.captured(1), parseDurationMs(line.captured(2)));
        if (line.captured(3).contains(QStringLiteral("(unfinished)")))
            report.unfinished << line.captured(1);
    }
    return report;
}

int highestProgress(const QString &stderrText) // "demo calls: N/3" -> N
{
    static const QRegularExpression re(QStringLiteral("demo calls: (\\d+)/\\d+"));
    int n = 0;
    for (auto it = re.globalMatch(stderrText); it.hasNext();)
        n = std::max(n, it.next().captured(1).toInt());
    return n;
}

} // namespace

class TestCtlRecover final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recoverWithNothingToDo();
    void killedImportIsRecovered();
    void crashBeforeAnyAudioIsCleanedUp_data();
    void crashBeforeAnyAudioIsCleanedUp();
    void killedDemoIsRecovered_data();
    void killedDemoIsRecovered();
    void allRecordingsVerify();

private:
    void killImportOnceWritten(const CtlSite &site, const QString &wav, qint64 minBytes,
                               QString *id);
    int statusCount(const QString &status);
    void expectRecoverAccountsFor(int before, int normalBefore, int completed, bool killed,
                                  const QString &context);

    std::unique_ptr<CtlSite> m_site;
    int m_recoveredTotal = 0;
    int m_killsDuringWrite = 0;
};

void TestCtlRecover::initTestCase()
{
    QVERIFY2(QFile::exists(ctlPath()),
             qPrintable(QStringLiteral("callvaultctl not built at \"%1\"").arg(ctlPath())));
    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    CTL_EXPECT_EXIT(m_site->init(), 0);
    RunResult exporter;
    QVERIFY2(m_site->addExporter(&exporter), qPrintable(exporter.describe()));
}

int TestCtlRecover::statusCount(const QString &status)
{
    RunResult list;
    if (m_site->recordingCount(&list) < 0)
        return -1;
    int n = 0;
    for (const QString &line : list.out.split(u'\n')) {
        if (line.endsWith(QStringLiteral("  ") + status))
            ++n;
    }
    return n;
}

void TestCtlRecover::recoverWithNothingToDo()
{
    const RunResult r = m_site->ctl({QStringLiteral("recover")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out,
                        QStringLiteral("0 recordings recovered (00:00:00.0 of audio), 0 skipped"));
    QCOMPARE(m_site->recordingCount(), 0);
}

// Runs `recover` and checks that the catalog gained exactly the completed and the recovered
// recordings, that nothing was skipped and that the spool is empty afterwards. A kill that
// lands between a recording's catalog commit and the progress line leaves one more complete
// ('normal') recording than the progress said, and only then.
void TestCtlRecover::expectRecoverAccountsFor(int before, int normalBefore, int completed,
                                              bool killed, const QString &context)
{
    const RunResult r = m_site->ctl({QStringLiteral("recover")});
    CTL_EXPECT_EXIT(r, 0);
    const RecoverReport report = parseRecover(r);
    QVERIFY2(report.parsed, qPrintable(r.describe()));
    QVERIFY2(report.skipped == 0, qPrintable(context + r.describe()));
    QCOMPARE(report.recoveredMs.size(), report.recovered);
    m_recoveredTotal += report.recovered;

    RunResult list;
    const int after = m_site->recordingCount(&list);
    const int newComplete = statusCount(QStringLiteral("normal")) - normalBefore;
    const QString counts =
        QStringLiteral(
            "%1: %2 before, progress said %3 completed, %4 new complete, %5 recovered, %6 now\n")
            .arg(context)
            .arg(before)
            .arg(completed)
            .arg(newComplete)
            .arg(report.recovered)
            .arg(after) +
        r.describe() + list.describe();
    QVERIFY2(newComplete == completed || (killed && newComplete == completed + 1),
             qPrintable(counts));
    QVERIFY2(after == before + newComplete + report.recovered, qPrintable(counts));
    for (auto it = report.recoveredMs.cbegin(); it != report.recoveredMs.cend(); ++it) {
        const QString line = listLine(list, it.key());
        QVERIFY2(line.endsWith(QStringLiteral("  recovered")), qPrintable(line + u'\n' + list.out));
    }
    QCOMPARE(statusCount(QStringLiteral("recovered")), m_recoveredTotal);
    const QStringList left =
        QDir(m_site->spoolDir())
            .entryList({QStringLiteral("*.cvr"), QStringLiteral("*.cvr.key")}, QDir::Files);
    QVERIFY2(left.isEmpty(),
             qPrintable(context + QStringLiteral(": left in the spool: ") + left.join(u' ')));

    // Running it again finds nothing more to do.
    const RunResult again = m_site->ctl({QStringLiteral("recover")});
    CTL_EXPECT_EXIT(again, 0);
    CTL_EXPECT_CONTAINS(again.out,
                        QStringLiteral("0 recordings recovered (00:00:00.0 of audio), 0 skipped"));
    QCOMPARE(m_site->recordingCount(), after);
}

// Starts `import` of `wav` and kills it (SIGKILL) once its spool container holds `minBytes`;
// `id` is the recording it was writing. The spool then holds <id>.cvr and <id>.cvr.key.
void TestCtlRecover::killImportOnceWritten(const CtlSite &site, const QString &wav, qint64 minBytes,
                                           QString *id)
{
    QProcess import;
    QVERIFY2(start(import, ctlPath(),
                   {QStringLiteral("import"), QStringLiteral("--site"), site.dir(),
                    QStringLiteral("--agent"), QStringLiteral("3001"),
                    QStringLiteral("--started-at"), QStringLiteral("2024-05-01T08:00:00Z"), wav},
                   site.env()),
             qPrintable(import.errorString()));
    QString container;
    QDeadlineTimer deadline(60000);
    while (container.isEmpty() && import.state() == QProcess::Running && !deadline.hasExpired()) {
        for (const QString &name :
             QDir(site.spoolDir()).entryList({QStringLiteral("*.cvr")}, QDir::Files)) {
            if (QFileInfo(site.spoolDir() + u'/' + name).size() >= minBytes)
                container = name;
        }
        import.waitForFinished(5);
    }
    QVERIFY2(
        !container.isEmpty(),
        qPrintable(
            QStringLiteral("import ended (or hung) before it wrote %1 bytes:\n").arg(minBytes) +
            QString::fromUtf8(import.readAll())));
    import.kill(); // SIGKILL
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitStatus(), QProcess::CrashExit);
    *id = container.chopped(4);
}

void TestCtlRecover::killedImportIsRecovered()
{
    // Five minutes of audio take seconds to import; kill once several chunks are durable.
    const QString wav = m_site->scratch(QStringLiteral("long.wav"));
    QVERIFY(writeFile(wav, sineWav(8000, 1, 300000)));
    const int before = m_site->recordingCount();
    QVERIFY(before >= 0);

    QString id;
    killImportOnceWritten(*m_site, wav, 8000, &id); // a few 800 ms chunks
    if (QTest::currentTestFailed())
        return;
    const QString container = id + QStringLiteral(".cvr");
    QVERIFY2(QFile::exists(m_site->spoolDir() + u'/' + container + QStringLiteral(".key")),
             "the key sidecar is missing");

    const RunResult r = m_site->ctl({QStringLiteral("recover")});
    CTL_EXPECT_EXIT(r, 0);
    const RecoverReport report = parseRecover(r);
    QVERIFY2(report.parsed && report.recovered == 1 && report.skipped == 0,
             qPrintable(r.describe()));
    QVERIFY2(report.unfinished.contains(id), qPrintable(r.describe()));
    const qint64 keptMs = report.recoveredMs.value(id);
    QVERIFY2(keptMs >= 2400 && keptMs < 300000, qPrintable(r.describe()));
    ++m_recoveredTotal;

    RunResult list;
    QCOMPARE(m_site->recordingCount(&list), before + 1);
    const QString line = listLine(list, id);
    CTL_EXPECT_CONTAINS(line, QStringLiteral("2024-05-01 08:00:00"));
    CTL_EXPECT_CONTAINS(line, QStringLiteral("3001"));
    QVERIFY2(line.endsWith(QStringLiteral("  recovered")), qPrintable(line));
    QVERIFY2(m_site->spoolFiles().isEmpty(), qPrintable(m_site->spoolFiles().join(u' ')));

    // The recovered (unfinished) recording verifies and plays back up to its last chunk.
    RunResult v = m_site->ctl({QStringLiteral("verify"), id});
    CTL_EXPECT_EXIT(v, 0);
    CTL_EXPECT_CONTAINS(v.out, QStringLiteral("OK      %1").arg(id));
    const QString out = m_site->scratch(QStringLiteral("recovered.wav"));
    v = m_site->ctl({QStringLiteral("export"), QStringLiteral("--reason"), QStringLiteral("test"), id, out}, m_site->exporterEnv());
    CTL_EXPECT_EXIT(v, 0);
    const PcmWav pcm = readPcmWav(out);
    QVERIFY2(pcm.ok, qPrintable(pcm.problem));
    const qint64 exportedMs = pcm.frames() * 1000 / pcm.rate;
    QVERIFY2(
        std::abs(exportedMs - keptMs) <= 100,
        qPrintable(
            QStringLiteral("exported %1 ms, recover reported %2 ms").arg(exportedMs).arg(keptMs)));
    const double tone = toneAmplitude(pcm, 0, sineFrequency(0));
    QVERIFY2(tone >= 0.75 * kSineAmplitude,
             qPrintable(QStringLiteral("440 Hz amplitude %1").arg(tone)));
}

void TestCtlRecover::crashBeforeAnyAudioIsCleanedUp_data()
{
    // What a crash leaves when it strikes before the first audio chunk is durable. The
    // states are made from a real killed import: its sidecar is genuine, and the container
    // is cut back to what the earlier crash would have left.
    QTest::addColumn<int>("containerBytes");   // -1: no container at all
    QTest::addColumn<bool>("sidecarTempOnly"); // killed inside the sidecar's atomic write
    QTest::newRow("sidecar only (killed before the container was created)") << -1 << false;
    QTest::newRow("empty container (killed before its header was written)") << 0 << false;
    QTest::newRow("torn header (50 of 96 bytes)") << 50 << false;
    QTest::newRow("sidecar temp file only (killed while writing the sidecar)") << -1 << true;
}

// Nothing was recorded, so nothing is lost: `recover` must clean these up (or catalog an
// empty 'recovered' row) and succeed, not fail on every later run and leave files behind.
// Each case gets a site of its own, so a failure here cannot spill into the other cases.
void TestCtlRecover::crashBeforeAnyAudioIsCleanedUp()
{
    QFETCH(int, containerBytes);
    QFETCH(bool, sidecarTempOnly);
    const QString wav = m_site->scratch(QStringLiteral("early.wav"));
    if (!QFile::exists(wav))
        QVERIFY(writeFile(wav, sineWav(8000, 1, 60000)));
    CtlSite site;
    QVERIFY(site.isValid());
    CTL_EXPECT_EXIT(site.init(), 0);
    QString id;
    killImportOnceWritten(site, wav, 1, &id);
    if (QTest::currentTestFailed())
        return;
    const QString container = site.spoolDir() + u'/' + id + QStringLiteral(".cvr");
    const QString sidecar = container + QStringLiteral(".key");
    QVERIFY2(QFile::exists(sidecar), qPrintable(site.spoolFiles().join(u' ')));
    if (containerBytes < 0) {
        QVERIFY(QFile::remove(container));
    } else {
        QFile file(container);
        QVERIFY(file.resize(containerBytes));
    }
    if (sidecarTempOnly)
        QVERIFY(QFile::rename(sidecar, sidecar + QStringLiteral(".tmp")));
    const int before = site.recordingCount();
    const QStringList spoolBefore = site.spoolFiles();

    const RunResult r = site.ctl({QStringLiteral("recover")});
    const RecoverReport report = parseRecover(r);
    const QString context = QStringLiteral("spool before recover: %1\nspool after: %2\n")
                                .arg(spoolBefore.join(u' '), site.spoolFiles().join(u' ')) +
                            r.describe();
    QVERIFY2(r.exitCode == 0 && report.parsed && report.skipped == 0, qPrintable(context));
    QVERIFY2(site.spoolFiles().isEmpty(), qPrintable(context));
    const int after = site.recordingCount();
    QVERIFY2(after == before + report.recovered && report.recovered <= 1, qPrintable(context));
    if (report.recovered == 1) {
        const RunResult v = site.ctl({QStringLiteral("verify"), id});
        CTL_EXPECT_EXIT(v, 0);
    }
}

void TestCtlRecover::killedDemoIsRecovered_data()
{
    // When to kill, after "demo calls: 1/3" appeared, in percent of the time the first call
    // took (rendering the voices, then writing), so the kills land at different stages of the
    // second call on a fast or a loaded machine alike.
    QTest::addColumn<int>("percent");
    for (int percent : {0, 35, 45, 60, 75})
        QTest::addRow("kill-at-%d%%-of-a-call", percent) << percent;
}

void TestCtlRecover::killedDemoIsRecovered()
{
    QFETCH(int, percent);
    const int before = m_site->recordingCount();
    const int normalBefore = statusCount(QStringLiteral("normal"));
    QVERIFY(before >= 0 && normalBefore >= 0);

    QProcess demo;
    QVERIFY2(start(demo, ctlPath(),
                   {QStringLiteral("demo"), QStringLiteral("--site"), m_site->dir(),
                    QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--seed"),
                    QString::number(1000 + percent)},
                   m_site->env()),
             qPrintable(demo.errorString()));
    QElapsedTimer firstCall;
    firstCall.start();
    QString errText;
    QDeadlineTimer deadline(90000);
    while (!errText.contains(QStringLiteral("demo calls: 1/3")) && !deadline.hasExpired() &&
           demo.state() == QProcess::Running) {
        demo.waitForReadyRead(50);
        errText += QString::fromUtf8(demo.readAllStandardError());
    }
    errText += QString::fromUtf8(demo.readAllStandardError());
    QVERIFY2(errText.contains(QStringLiteral("demo calls: 1/3")),
             qPrintable(QStringLiteral("demo never reported its first call:\n") + errText +
                        QString::fromUtf8(demo.readAllStandardOutput())));

    const int delayMs = int(firstCall.elapsed() * percent / 100);
    const bool finishedAlone = delayMs > 0 && demo.waitForFinished(delayMs);
    const bool killed = !finishedAlone && demo.state() == QProcess::Running;
    if (killed) {
        demo.kill(); // SIGKILL
        QVERIFY(demo.waitForFinished(30000));
    }
    errText += QString::fromUtf8(demo.readAllStandardError());
    const int completed = highestProgress(errText);
    QVERIFY(completed >= 1 && completed <= 3);
    if (completed < 3 &&
        !QDir(m_site->spoolDir()).entryList({QStringLiteral("*.cvr")}, QDir::Files).isEmpty())
        ++m_killsDuringWrite;
    qInfo("%s %d ms after call 1 of 3 (%d done); spool: %s", killed ? "killed" : "ended by itself",
          delayMs, completed, qPrintable(m_site->spoolFiles().join(u' ')));

    expectRecoverAccountsFor(before, normalBefore, completed, killed,
                             QStringLiteral("delay %1 ms").arg(delayMs));
}

void TestCtlRecover::allRecordingsVerify()
{
    qInfo(
        "%d demo kills landed while a container was being written; %d recordings recovered in all",
        m_killsDuringWrite, m_recoveredTotal);
    QVERIFY(m_recoveredTotal >= 1); // the killed import at least
    const int total = m_site->recordingCount();
    const RunResult r = m_site->ctl({QStringLiteral("verify")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out,
                        QStringLiteral("%1 recordings verified: %1 ok, 0 failed").arg(total));
}

QTEST_GUILESS_MAIN(TestCtlRecover)
#include "test_ctl_recover.moc"
