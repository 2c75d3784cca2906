#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>
#include <memory>

class QProcess;

// Helpers shared by the end-to-end tests of the real `callvaultctl` binary: run a program
// with a controlled environment (stdin on /dev/null, so no prompt can ever wait), build WAV
// files, create sites in temporary directories, and read what external tools say about the
// exported files. Assertions stay in the tests; these helpers return values and describe
// what happened so that a failing QVERIFY2 says why.
namespace ctltest {

// What a finished (or killed) child process did.
struct RunResult
{
    QString program;
    QStringList arguments;
    int exitCode = -1;
    bool crashed = false;  // ended by a signal
    bool timedOut = false; // killed by us after the timeout
    bool started = false;
    QString out;
    QString err;

    // One paragraph for failure messages: command, exit code and both streams.
    QString describe() const;
    // The non-empty lines of stderr.
    QStringList errLines() const;
};

// $CALLVAULT_BUILD_DIR/app/callvaultctl/callvaultctl (empty when the variable is unset).
QString ctlPath();
// $CALLVAULT_BUILD_DIR/app/callvault/callvault (empty when the variable is unset).
QString workstationPath();

// The environment every child starts from: the test's own minus every CALLVAULT_* secret
// and PG* variable, so nothing leaks in from the shell that runs the tests.
QProcessEnvironment cleanEnvironment();

// Starts `program` in `process` with `args` and `env`, stdin on /dev/null (no prompt can
// wait); false when it did not start.
bool start(QProcess &process, const QString &program, const QStringList &args,
           const QProcessEnvironment &env);

// Runs `program` with `args` and `env`, stdin on /dev/null; kills it after `timeoutMs`.
RunResult run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
              int timeoutMs = 120000);

// A command-line tool that the tests need (opusinfo, ffprobe, psql): its absolute path, or
// empty when it is not installed.
QString findTool(const QString &name);

// ---- WAV files ---------------------------------------------------------------------------

// Frequency of the sine written into channel `channel` by sineWav (440 Hz, 1000 Hz), and
// its amplitude.
double sineFrequency(int channel);
constexpr int kSineAmplitude = 9000;

// A canonical 44-byte RIFF/WAVE header (format 1 = PCM) announcing `dataBytes` of audio.
QByteArray wavHeader(int rate, int channels, int bitsPerSample, quint32 dataBytes);
// A complete 16-bit WAV file: a different sine per channel (sineFrequency), `ms` long.
QByteArray sineWav(int rate, int channels, int ms);
// A complete 16-bit WAV file of white noise (hard to compress), `ms` long.
QByteArray noiseWav(int rate, int channels, int ms, quint32 seed = 1);
// Writes `bytes` to `path`; false on any I/O error.
bool writeFile(const QString &path, const QByteArray &bytes);
// The whole file, or empty when it cannot be read.
QByteArray readFile(const QString &path);

// Parsed 16-bit PCM WAV (what `export` wrote). `ok` is false when the file is not one.
struct PcmWav
{
    bool ok = false;
    QString problem;
    int rate = 0;
    int channels = 0;
    QVector<qint16> samples; // interleaved
    qint64 frames() const { return channels ? samples.size() / channels : 0; }
};
PcmWav readPcmWav(const QString &path);
// The amplitude of the `hz` component of one channel (a single-bin DFT over the middle of
// the signal, skipping the first and last `marginMs`, where codecs ramp); -1 if too short.
double toneAmplitude(const PcmWav &wav, int channel, double hz, int marginMs = 300);

// ---- external probes ---------------------------------------------------------------------

// `ffprobe -v error -show_streams -show_format -of json FILE`; `json` is empty and `error`
// set when ffprobe is missing, fails, or prints no JSON.
struct Probe
{
    QString error;
    QJsonObject json;
    QJsonObject firstStream() const;
    double durationSeconds() const; // format.duration, or -1
};
Probe ffprobe(const QString &file);

// ---- sites -------------------------------------------------------------------------------

// A CallVault site in its own temporary directory, used through the real callvaultctl.
// Default backend is the passphrase-protected key file with CALLVAULT_PASSPHRASE and
// CALLVAULT_ADMIN_PASSWORD set in `env`, so no command ever prompts.
class CtlSite final
{
public:
    CtlSite();
    CtlSite(const CtlSite &) = delete;
    CtlSite &operator=(const CtlSite &) = delete;

    bool isValid() const { return m_tmp.isValid(); }
    QString root() const { return m_tmp.path(); } // holds the site and scratch files
    QString dir() const { return m_site; }        // the site directory (root()/site)
    QString spoolDir() const;
    QString keyFile() const;
    QString scratch(const QString &name) const; // root()/name
    QString passphrase() const { return m_env.value(QStringLiteral("CALLVAULT_PASSPHRASE")); }

    // The environment its commands get; change it to test other secrets.
    QProcessEnvironment &env() { return m_env; }
    const QProcessEnvironment &env() const { return m_env; }

    // `callvaultctl init --site DIR --key-backend BACKEND EXTRA...`; remembers the
    // fingerprint that init printed.
    RunResult init(const QStringList &extra = {}, const QString &backend = QStringLiteral("file"));
    QString initFingerprint() const { return m_fingerprint; }

    // The first admin's name and the password `init` gave it ($CALLVAULT_ADMIN_PASSWORD).
    static QString adminName() { return QStringLiteral("admin"); }
    QString adminPassword() const
    {
        return m_env.value(QStringLiteral("CALLVAULT_ADMIN_PASSWORD"));
    }
    // env() acting as a CallVault user: $CALLVAULT_USER and $CALLVAULT_PASSWORD set.
    QProcessEnvironment envAs(const QString &user, const QString &password) const;
    QProcessEnvironment adminEnv() const { return envAs(adminName(), adminPassword()); }
    // A CallVault user made with the real callvaultctl: `user add NAME ADDARGS...` by the
    // admin (a temporary password), then `user passwd` by the new user, who from then on logs
    // in with `password`. False with `*failed` set to the step that failed. (Roles the admin
    // may not give, such as auditor once a security administrator exists, are granted by
    // the test with `user grant` as the security administrator.)
    bool addUser(const QString &name, const QStringList &addArgs, const QString &password,
                 RunResult *failed) const;

    // A user who may export every recording (role "exporter": scope all, recording.search
    // and recording.export), made once with the real callvaultctl: the security
    // administrator `securityAdmin` (default: a new one, "secadmin", appointed by the admin)
    // creates the role; the admin adds the user. False with `*failed` set to the step that
    // failed.
    bool addExporter(RunResult *failed, const QString &securityAdmin = QString(),
                     const QString &securityPassword = QString());
    static QString exporterName() { return QStringLiteral("exporter"); }
    static QString exporterPassword() { return QStringLiteral("Exporter passw0rd for tests"); }
    QProcessEnvironment exporterEnv() const { return envAs(exporterName(), exporterPassword()); }

    // `callvaultctl COMMAND --site DIR ARGS...` (for a command with sub-commands, such as
    // {"key", "export", ...} or {"tag", "add", ...}, --site goes after the sub-command).
    RunResult ctl(const QStringList &commandAndArgs) const;
    RunResult ctl(const QStringList &commandAndArgs, const QProcessEnvironment &env) const;

    // Writes a sine WAV into the scratch area and imports it; returns the new id (empty on
    // failure, with `result` telling why).
    QString importSine(int rate, int channels, int ms, const QStringList &metadataArgs,
                       RunResult *result) const;

    // Total recordings according to `list` ("N of TOTAL recordings"), -1 when unreadable.
    int recordingCount(RunResult *result = nullptr) const;
    // Files in the spool (names), for "nothing left behind" checks.
    QStringList spoolFiles() const;

private:
    QTemporaryDir m_tmp;
    QString m_site;
    QProcessEnvironment m_env;
    QString m_fingerprint;
};

// Parses "Imported <uuid> (...)" from import's stdout; empty when absent.
QString importedId(const RunResult &r);
// The total from list's last line "N of TOTAL recordings"; -1 when absent.
int listTotal(const RunResult &r);
// The line of list's output that starts with `id`; empty when absent.
QString listLine(const RunResult &r, const QString &id);

} // namespace ctltest

// Asserts an exit code and shows the command's output when it differs.
#define CTL_EXPECT_EXIT(result, code)                                                              \
    do {                                                                                           \
        const ctltest::RunResult &ctlResult_ = (result);                                           \
        QVERIFY2(ctlResult_.started && !ctlResult_.crashed && !ctlResult_.timedOut &&              \
                     ctlResult_.exitCode == (code),                                                \
                 qPrintable(QStringLiteral("expected exit code %1\n").arg(code) +                  \
                            ctlResult_.describe()));                                               \
    } while (false)

// Asserts that `text` contains `phrase` and shows both when it does not.
#define CTL_EXPECT_CONTAINS(text, phrase)                                                          \
    do {                                                                                           \
        const QString ctlText_ = (text);                                                           \
        const QString ctlPhrase_ = (phrase);                                                       \
        QVERIFY2(ctlText_.contains(ctlPhrase_),                                                    \
                 qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(ctlPhrase_, ctlText_))); \
    } while (false)
