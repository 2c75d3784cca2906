// callvault-bench-workstation: times what a supervisor waits for, over repeated runs.
//   1. Start to usable window: the real `callvault --report-ready` process, from start() until
//      its log-in dialog has painted; baseline: this program's --bare-window (a QApplication
//      that paints one dialog), so the ratio is the workstation's cost over Qt's own start.
//   2. Click to first audio buffer (hot tier): in this process, logged in, the main window
//      plays result row after row; timed from PlayerHost::play() (what a double-click does) to
//      the engine's first buffer for the sink (after the audit row, the key unwrap, decrypt
//      and decode); baseline: a bare QAudioSink pulling from a generator.
// Usage: callvault-bench-workstation --site DIR --app PATH/callvault [--runs N]
//   $CALLVAULT_BENCH_USER = "name:password" (a supervisor), $CALLVAULT_PASSPHRASE (key-file site),
//   an audio output (PulseAudio; scripts/callvault bench starts a null sink).
#include "mainwindow.h"
#include "player/playerhost.h"
#include "player/playerpanel.h"
#include "playback/playbackengine.h"
#include "search/searchfilterpanel.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QApplication>
#include <QAudioSink>
#include <QCommandLineParser>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QMediaDevices>
#include <QProcess>
#include <QPushButton>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

struct Figures
{
    QVector<double> ms;
    double median() const
    {
        if (ms.isEmpty())
            return -1;
        QVector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(sorted.size() / 2);
    }
    QString text() const
    {
        if (ms.isEmpty())
            return QStringLiteral("no runs");
        return QStringLiteral("median %1 ms (min %2, max %3, %4 runs)")
            .arg(median(), 0, 'f', 1)
            .arg(*std::min_element(ms.begin(), ms.end()), 0, 'f', 1)
            .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 1)
            .arg(ms.size());
    }
};

template <typename Predicate>
bool waitFor(Predicate done, int timeoutMs = 30'000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// The baseline window: a dialog with one label; "ready" once painted.
int bareWindow(QApplication &app)
{
    QDialog dialog;
    auto *label = new QLabel(QStringLiteral("baseline"), &dialog);
    label->resize(200, 40);
    struct Reporter : QObject
    {
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Paint) {
                out << "ready" << Qt::endl;
                QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
                watched->removeEventFilter(this);
            }
            return false;
        }
    } reporter;
    dialog.installEventFilter(&reporter);
    dialog.show();
    return app.exec();
}

// Starts `program` and waits for its "ready" line; -1 on failure.
double timeToReady(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    bool ready = false;
    while (!ready && process.waitForReadyRead(30'000))
        ready = process.readAll().contains("ready");
    const double ms = timer.nsecsElapsed() / 1e6;
    process.waitForFinished(10'000);
    return ready ? ms : -1;
}

Figures startup(const QString &program, const QStringList &arguments, int runs)
{
    Figures figures;
    for (int i = 0; i < runs; ++i) {
        const double ms = timeToReady(program, arguments);
        if (ms < 0) {
            err << "no ready line from " << program << Qt::endl;
            break;
        }
        figures.ms << ms;
    }
    return figures;
}

// A generator that notes when the sink first asks for data.
class FirstPull final : public QIODevice
{
public:
    std::atomic<bool> pulled{false};
    qint64 readData(char *data, qint64 size) override
    {
        pulled = true;
        std::fill(data, data + size, 0);
        return size;
    }
    qint64 writeData(const char *, qint64) override { return -1; }
};

Figures bareAudio(int runs)
{
    Figures figures;
    QAudioFormat format;
    format.setSampleRate(48000);
    format.setChannelCount(2);
    format.setSampleFormat(QAudioFormat::Int16);
    for (int i = 0; i < runs; ++i) {
        FirstPull device;
        device.open(QIODevice::ReadOnly);
        QAudioSink sink(QMediaDevices::defaultAudioOutput(), format);
        QElapsedTimer timer;
        timer.start();
        sink.start(&device);
        if (!waitFor([&] { return device.pulled.load(); }))
            break;
        figures.ms << timer.nsecsElapsed() / 1e6;
        sink.stop();
    }
    return figures;
}

std::unique_ptr<cv::WorkstationSession> logIn(const QString &siteDir)
{
    const QString account = qEnvironmentVariable("CALLVAULT_BENCH_USER");
    const qsizetype colon = account.indexOf(QLatin1Char(':'));
    auto site = cv::Site::open(siteDir);
    if (colon <= 0 || !site) {
        err << "needs --site and $CALLVAULT_BENCH_USER=name:password" << Qt::endl;
        return nullptr;
    }
    auto in = cv::SiteLogin::login(site.takeValue(), account.left(colon), account.mid(colon + 1).toUtf8(),
                                   QStringLiteral("bench"), QStringLiteral("callvault-bench-workstation"));
    if (!in) {
        err << "log-in failed: " << in.errorMessage() << Qt::endl;
        return nullptr;
    }
    auto session = std::make_unique<cv::WorkstationSession>(in.takeValue(), cv::SiteLogin::Options());
    const QByteArray passphrase = qgetenv("CALLVAULT_PASSPHRASE");
    session->setPassphrasePrompt([passphrase](const QString &problem) -> std::optional<QByteArray> {
        return problem.isEmpty() ? std::optional<QByteArray>(passphrase) : std::nullopt;
    });
    return session;
}

// Plays result rows one after another. Making the player (which unlocks the site key, once
// per session) is reported on its own and left out of the figures.
Figures firstAudio(cv::WorkstationSession &session, int runs, double *keyUnlockMs)
{
    Figures figures;
    cv::MainWindow window(session);
    window.show();
    cv::SearchPanel *search = window.searchPanel();
    auto *preset = search->findChild<QComboBox *>(QStringLiteral("timePreset"));
    preset->setCurrentIndex(preset->findData(static_cast<int>(cv::TimePreset::AnyTime)));
    search->findChild<QPushButton *>(QStringLiteral("searchButton"))->click();
    if (!waitFor([search] { return !search->model()->isLoading() && search->model()->rowCount() > 0; })) {
        err << "no recordings to play" << Qt::endl;
        return figures;
    }
    cv::PlayerHost *host = window.playerHost();
    QElapsedTimer unlock;
    unlock.start();
    if (!host->ensurePlayer()) {
        err << "the player could not be made (site key?)" << Qt::endl;
        return figures;
    }
    *keyUnlockMs = unlock.nsecsElapsed() / 1e6;
    cv::PlaybackEngine &engine = host->player()->engine();
    for (int i = 0; i < runs; ++i) {
        const QUuid id = search->model()->hitAt(i % search->model()->rowCount())->id;
        std::atomic<bool> started{false};
        std::atomic<qint64> elapsedNs{0};
        QElapsedTimer timer;
        engine.setBeforeFirstBuffer([&] {
            elapsedNs = timer.nsecsElapsed();
            started = true;
        });
        timer.start();
        host->play(id);
        if (!waitFor([&] { return started.load(); })) {
            err << "no audio for " << id.toString() << ": " << engine.errorString() << Qt::endl;
            break;
        }
        figures.ms << elapsedNs.load() / 1e6;
        engine.pause();
    }
    engine.setBeforeFirstBuffer({});
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CallVault"));
    QApplication::setOrganizationName(QStringLiteral("CallVault-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption bare(QStringLiteral("bare-window"), QStringLiteral("Baseline window (internal)."));
    const QCommandLineOption siteOption(QStringLiteral("site"), QStringLiteral("Demo site."), QStringLiteral("DIR"));
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The callvault program."), QStringLiteral("PATH"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("N"),
                                        QStringLiteral("10"));
    parser.addOptions({bare, siteOption, appOption, runsOption});
    parser.process(app);
    if (parser.isSet(bare))
        return bareWindow(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString site = parser.value(siteOption);

    const Figures ours = startup(parser.value(appOption), {QStringLiteral("--site"), site, QStringLiteral("--report-ready")}, runs);
    const Figures qtOnly = startup(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare-window")}, runs);
    out << "start to usable window (log-in dialog painted): " << ours.text() << Qt::endl;
    out << "  baseline, a bare Qt dialog:                    " << qtOnly.text() << Qt::endl;
    out << "  ratio " << QString::number(ours.median() / qtOnly.median(), 'f', 2) << "   target <= 1000 ms" << Qt::endl;

    auto session = logIn(site);
    if (!session)
        return 1;
    double firstPlay = -1;
    const Figures audio = firstAudio(*session, runs, &firstPlay);
    const Figures sinkOnly = bareAudio(runs);
    out << "click to first audio buffer (hot tier):         " << audio.text() << Qt::endl;
    out << "  once per session, unlocking the site key:      " << QString::number(firstPlay, 'f', 1) << " ms" << Qt::endl;
    out << "  baseline, a bare QAudioSink:                   " << sinkOnly.text() << Qt::endl;
    out << "  ratio " << QString::number(audio.median() / sinkOnly.median(), 'f', 2) << "   target <= 150 ms" << Qt::endl;
    session->logout();
    return ours.ms.isEmpty() || audio.ms.isEmpty() ? 1 : 0;
}
