#include "ctltesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtEndian>
#include <algorithm>
#include <cmath>

namespace ctltest {

namespace {

QString buildDir()
{
    return qEnvironmentVariable("CALLVAULT_BUILD_DIR");
}

void appendLe16(QByteArray &bytes, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    bytes.append(b, 2);
}

void appendLe32(QByteArray &bytes, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    bytes.append(b, 4);
}

QByteArray pcmWav(int rate, int channels, const QVector<qint16> &interleaved)
{
    const auto dataBytes = static_cast<quint32>(interleaved.size() * 2);
    QByteArray bytes = wavHeader(rate, channels, 16, dataBytes);
    bytes.reserve(bytes.size() + int(dataBytes));
    for (qint16 s : interleaved)
        appendLe16(bytes, static_cast<quint16>(s));
    return bytes;
}

} // namespace

QString RunResult::describe() const
{
    QString text = QStringLiteral("$ %1 %2\n").arg(program, arguments.join(u' '));
    if (!started)
        return text + QStringLiteral("(the program did not start)\n");
    if (timedOut)
        text += QStringLiteral("(killed after the timeout)\n");
    else if (crashed)
        text += QStringLiteral("(ended by a signal)\n");
    else
        text += QStringLiteral("exit code %1\n").arg(exitCode);
    text += QStringLiteral("--- stdout ---\n%1--- stderr ---\n%2").arg(out, err);
    return text;
}

QStringList RunResult::errLines() const
{
    return err.split(u'\n', Qt::SkipEmptyParts);
}

QString ctlPath()
{
    const QString dir = buildDir();
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/app/callvaultctl/callvaultctl");
}

QString workstationPath()
{
    const QString dir = buildDir();
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/app/callvault/callvault");
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("CALLVAULT_")) || name.startsWith(QLatin1String("PG")) ||
            name == QLatin1String("QT_LOGGING_RULES"))
            env.remove(name);
    }
    // Fixed messages from the C library (strerror) whatever the shell's locale.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return env;
}

bool start(QProcess &process, const QString &program, const QStringList &args,
           const QProcessEnvironment &env)
{
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, args);
    return process.waitForStarted(30000);
}

RunResult run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
              int timeoutMs)
{
    RunResult r;
    r.program = program;
    r.arguments = args;
    QProcess process;
    if (!start(process, program, args, env)) {
        r.err = process.errorString();
        return r;
    }
    r.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        process.kill();
        process.waitForFinished(10000);
    }
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    r.crashed = process.exitStatus() == QProcess::CrashExit;
    r.exitCode = process.exitCode();
    return r;
}

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

double sineFrequency(int channel)
{
    return channel == 0 ? 440.0 : 1000.0;
}

QByteArray wavHeader(int rate, int channels, int bitsPerSample, quint32 dataBytes)
{
    const int blockAlign = channels * bitsPerSample / 8;
    QByteArray h;
    h.append("RIFF", 4);
    appendLe32(h, 36 + dataBytes);
    h.append("WAVEfmt ", 8);
    appendLe32(h, 16);
    appendLe16(h, 1);
    appendLe16(h, static_cast<quint16>(channels));
    appendLe32(h, static_cast<quint32>(rate));
    appendLe32(h, static_cast<quint32>(rate * blockAlign));
    appendLe16(h, static_cast<quint16>(blockAlign));
    appendLe16(h, static_cast<quint16>(bitsPerSample));
    h.append("data", 4);
    appendLe32(h, dataBytes);
    return h;
}

QByteArray sineWav(int rate, int channels, int ms)
{
    const qint64 frames = qint64(rate) * ms / 1000;
    QVector<qint16> pcm(frames * channels);
    for (qint64 i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            const double phase = 2 * M_PI * sineFrequency(c) * double(i) / rate;
            pcm[i * channels + c] =
                static_cast<qint16>(std::lround(kSineAmplitude * std::sin(phase)));
        }
    }
    return pcmWav(rate, channels, pcm);
}

QByteArray noiseWav(int rate, int channels, int ms, quint32 seed)
{
    QRandomGenerator rng(seed);
    const qint64 samples = qint64(rate) * ms / 1000 * channels;
    QVector<qint16> pcm(samples);
    for (qint16 &s : pcm)
        s = static_cast<qint16>(int(rng.bounded(24001u)) - 12000);
    return pcmWav(rate, channels, pcm);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

PcmWav readPcmWav(const QString &path)
{
    PcmWav wav;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        wav.problem = file.errorString();
        return wav;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE") {
        wav.problem = QStringLiteral("no RIFF/WAVE header");
        return wav;
    }
    qsizetype pos = 12;
    int bits = 0;
    while (pos + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(pos, 4);
        const quint32 size = qFromLittleEndian<quint32>(bytes.constData() + pos + 4);
        pos += 8;
        if (id == "fmt " && size >= 16 && pos + 16 <= bytes.size()) {
            const char *f = bytes.constData() + pos;
            if (qFromLittleEndian<quint16>(f) != 1) {
                wav.problem = QStringLiteral("not PCM");
                return wav;
            }
            wav.channels = qFromLittleEndian<quint16>(f + 2);
            wav.rate = int(qFromLittleEndian<quint32>(f + 4));
            bits = qFromLittleEndian<quint16>(f + 14);
        } else if (id == "data") {
            if (bits != 16 || wav.channels < 1) {
                wav.problem = QStringLiteral("not 16-bit PCM with a fmt chunk before the data");
                return wav;
            }
            if (pos + qsizetype(size) > bytes.size()) {
                wav.problem = QStringLiteral("data chunk larger than the file");
                return wav;
            }
            wav.samples.resize(size / 2);
            for (qsizetype i = 0; i < wav.samples.size(); ++i)
                wav.samples[i] = qFromLittleEndian<qint16>(bytes.constData() + pos + 2 * i);
            wav.ok = true;
            return wav;
        }
        pos += size + (size & 1);
    }
    wav.problem = QStringLiteral("no data chunk");
    return wav;
}

double toneAmplitude(const PcmWav &wav, int channel, double hz, int marginMs)
{
    const qint64 margin = qint64(wav.rate) * marginMs / 1000;
    const qint64 first = margin, last = wav.frames() - margin;
    if (!wav.ok || channel >= wav.channels || last - first < wav.rate / 10)
        return -1;
    double re = 0, im = 0;
    for (qint64 i = first; i < last; ++i) {
        const double v = wav.samples[i * wav.channels + channel];
        const double phase = 2 * M_PI * hz * double(i) / wav.rate;
        re += v * std::cos(phase);
        im += v * std::sin(phase);
    }
    return 2 * std::hypot(re, im) / double(last - first);
}

QJsonObject Probe::firstStream() const
{
    const QJsonArray streams = json.value(QStringLiteral("streams")).toArray();
    return streams.isEmpty() ? QJsonObject() : streams.first().toObject();
}

double Probe::durationSeconds() const
{
    bool ok = false;
    const double d = json.value(QStringLiteral("format"))
                         .toObject()
                         .value(QStringLiteral("duration"))
                         .toString()
                         .toDouble(&ok);
    return ok ? d : -1;
}

Probe ffprobe(const QString &file)
{
    Probe probe;
    const QString tool = findTool(QStringLiteral("ffprobe"));
    if (tool.isEmpty()) {
        probe.error = QStringLiteral(
            "ffprobe is not installed (apt-get install ffmpeg); the tests need the real tool");
        return probe;
    }
    const RunResult r =
        run(tool,
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
             QStringLiteral("-show_format"), QStringLiteral("-of"), QStringLiteral("json"), file},
            cleanEnvironment(), 60000);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &parseError);
    if (r.exitCode != 0 || r.crashed || !r.err.trimmed().isEmpty() || !doc.isObject())
        probe.error = QStringLiteral("ffprobe failed on %1 (%2)\n%3")
                          .arg(file, parseError.errorString(), r.describe());
    else
        probe.json = doc.object();
    return probe;
}

CtlSite::CtlSite() : m_site(m_tmp.path() + QStringLiteral("/site")), m_env(cleanEnvironment())
{
    // Different secrets per site, so one site's passphrase never opens another's keys.
    const QString tag = QString::number(QRandomGenerator::global()->generate(), 16);
    m_env.insert(QStringLiteral("CALLVAULT_PASSPHRASE"), QStringLiteral("key-file pass ") + tag);
    m_env.insert(QStringLiteral("CALLVAULT_ADMIN_PASSWORD"),
                 QStringLiteral("admin password ") + tag);
}

QString CtlSite::spoolDir() const
{
    return m_site + QStringLiteral("/spool");
}

QString CtlSite::keyFile() const
{
    return m_site + QStringLiteral("/site-key.json");
}

QString CtlSite::scratch(const QString &name) const
{
    return m_tmp.path() + u'/' + name;
}

RunResult CtlSite::init(const QStringList &extra, const QString &backend)
{
    RunResult r = run(ctlPath(),
                      QStringList{QStringLiteral("init"), QStringLiteral("--site"), m_site,
                                  QStringLiteral("--key-backend"), backend} +
                          extra,
                      m_env);
    static const QRegularExpression fingerprint(
        QStringLiteral("^\\s*fingerprint:\\s*(\\S.*?)\\s*$"), QRegularExpression::MultilineOption);
    const auto match = fingerprint.match(r.out);
    m_fingerprint = match.hasMatch() ? match.captured(1) : QString();
    return r;
}

QProcessEnvironment CtlSite::envAs(const QString &user, const QString &password) const
{
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("CALLVAULT_USER"), user);
    env.insert(QStringLiteral("CALLVAULT_PASSWORD"), password);
    return env;
}

bool CtlSite::addUser(const QString &name, const QStringList &addArgs, const QString &password,
                      RunResult *failed) const
{
    const QString temporary = QStringLiteral("temporary ") + password;
    QProcessEnvironment admin = adminEnv();
    admin.insert(QStringLiteral("CALLVAULT_NEW_PASSWORD"), temporary);
    *failed =
        ctl(QStringList{QStringLiteral("user"), QStringLiteral("add"), name} + addArgs, admin);
    if (failed->exitCode != 0)
        return false;
    QProcessEnvironment self = envAs(name, temporary);
    self.insert(QStringLiteral("CALLVAULT_NEW_PASSWORD"), password);
    *failed = ctl({QStringLiteral("user"), QStringLiteral("passwd")}, self);
    return failed->exitCode == 0;
}

bool CtlSite::addExporter(RunResult *failed, const QString &securityAdmin,
                          const QString &securityPassword)
{
    QProcessEnvironment security = envAs(securityAdmin, securityPassword);
    if (securityAdmin.isEmpty()) {
        const QString name = QStringLiteral("secadmin");
        const QString password = QStringLiteral("Security passw0rd for tests");
        if (!addUser(name, {QStringLiteral("--role"), QStringLiteral("security_admin")}, password,
                     failed))
            return false;
        security = envAs(name, password);
    }
    const QList<QStringList> steps = {
        {QStringLiteral("role"), QStringLiteral("create"), QStringLiteral("exporter"),
         QStringLiteral("--scope"), QStringLiteral("all")},
        {QStringLiteral("role"), QStringLiteral("grant"), QStringLiteral("exporter"),
         QStringLiteral("recording.search")},
        {QStringLiteral("role"), QStringLiteral("grant"), QStringLiteral("exporter"),
         QStringLiteral("recording.export")}};
    for (const QStringList &step : steps) {
        *failed = ctl(step, security);
        if (failed->exitCode != 0)
            return false;
    }
    return addUser(exporterName(), {QStringLiteral("--role"), QStringLiteral("exporter")},
                   exporterPassword(), failed);
}

RunResult CtlSite::ctl(const QStringList &commandAndArgs) const
{
    return ctl(commandAndArgs, m_env);
}

RunResult CtlSite::ctl(const QStringList &commandAndArgs, const QProcessEnvironment &env) const
{
    QStringList args = commandAndArgs;
    // Commands with sub-commands take their options after the sub-command.
    static const QStringList groups = {QStringLiteral("key"),     QStringLiteral("user"),
                                       QStringLiteral("team"),    QStringLiteral("role"),
                                       QStringLiteral("setting"), QStringLiteral("audit"),
                                       QStringLiteral("tag"),     QStringLiteral("bookmark"), QStringLiteral("form"),
                                       QStringLiteral("sampling")};
    const int at = (!args.isEmpty() && groups.contains(args.first())) ? 2 : 1;
    args.insert(std::min<qsizetype>(at, args.size()), m_site);
    args.insert(std::min<qsizetype>(at, args.size()), QStringLiteral("--site"));
    return run(ctlPath(), args, env);
}

QString CtlSite::importSine(int rate, int channels, int ms, const QStringList &metadataArgs,
                            RunResult *result) const
{
    const QString wav =
        scratch(QStringLiteral("sine-%1-%2-%3.wav").arg(rate).arg(channels).arg(ms));
    if (!QFile::exists(wav) && !writeFile(wav, sineWav(rate, channels, ms))) {
        result->err = QStringLiteral("could not write %1").arg(wav);
        return QString();
    }
    *result = ctl(QStringList{QStringLiteral("import")} + metadataArgs + QStringList{wav});
    return result->exitCode == 0 ? importedId(*result) : QString();
}

int CtlSite::recordingCount(RunResult *result) const
{
    const RunResult r =
        ctl({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1000")});
    if (result)
        *result = r;
    return r.exitCode == 0 ? listTotal(r) : -1;
}

QStringList CtlSite::spoolFiles() const
{
    return QDir(spoolDir())
        .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QString importedId(const RunResult &r)
{
    static const QRegularExpression imported(QStringLiteral("^Imported ([0-9a-f-]{36}) "),
                                             QRegularExpression::MultilineOption);
    const auto match = imported.match(r.out);
    return match.hasMatch() ? match.captured(1) : QString();
}

int listTotal(const RunResult &r)
{
    static const QRegularExpression total(QStringLiteral("^(\\d+) of (\\d+) recordings$"),
                                          QRegularExpression::MultilineOption);
    const auto match = total.match(r.out);
    return match.hasMatch() ? match.captured(2).toInt() : -1;
}

QString listLine(const RunResult &r, const QString &id)
{
    for (const QString &line : r.out.split(u'\n')) {
        if (!id.isEmpty() && line.startsWith(id))
            return line;
    }
    return QString();
}

} // namespace ctltest
