#include "ctlsupport.h"
#include "ctllogin.h"

#include "catalog/database.h"
#include "crypto/cryptoutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace ctl {

void out(const QString &line)
{
    QTextStream(stdout) << line << Qt::endl;
}

void err(const QString &line)
{
    QTextStream(stderr) << line << Qt::endl;
}

int fail(const QString &message)
{
    err(QStringLiteral("callvaultctl: error: %1").arg(message));
    return kExitFailure;
}

int fail(const cv::Error &error)
{
    return fail(error.message);
}

int usageError(const QString &message, const QString &command)
{
    err(QStringLiteral("callvaultctl %1: %2\nTry: callvaultctl %1 --help").arg(command, message));
    return kExitUsage;
}

bool parse(QCommandLineParser &parser, const QStringList &args, const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = args;
    argv[0] = QStringLiteral("callvaultctl ") + args.first();
    if (!parser.parse(argv)) {
        *exitCode = usageError(parser.errorText(), args.first());
        return false;
    }
    if (parser.isSet(help)) {
        // helpText() names the executable's path; a person types "callvaultctl <command>".
        QString text = parser.helpText();
        text.replace(QCoreApplication::arguments().constFirst(), argv.constFirst());
        QTextStream(stdout) << text;
        *exitCode = kExitOk;
        return false;
    }
    return true;
}

QCommandLineOption siteOption()
{
    return QCommandLineOption(QStringLiteral("site"),
                              QStringLiteral("Site directory (default: $CALLVAULT_SITE or %1).").arg(cv::Site::defaultDirectory()),
                              QStringLiteral("DIR"));
}

QCommandLineOption passphraseFileOption()
{
    return QCommandLineOption(QStringLiteral("passphrase-file"),
                              QStringLiteral("File whose first line is the key-file passphrase (else $CALLVAULT_PASSPHRASE)."),
                              QStringLiteral("FILE"));
}

QString siteDirectory(const QCommandLineParser &parser)
{
    const QString dir = parser.value(QStringLiteral("site"));
    return dir.isEmpty() ? cv::Site::defaultDirectory() : dir;
}

namespace {

QByteArray promptHidden(const QString &prompt)
{
    QTextStream(stderr) << prompt << Qt::flush;
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios silent = old;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QByteArray line;
    int c;
    while ((c = std::getchar()) != EOF && c != '\n')
        line.append(static_cast<char>(c));
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    QTextStream err(stderr);
    err << Qt::endl;
    return line;
}

} // namespace

cv::Result<QByteArray> readSecret(const QCommandLineParser &parser, const QString &fileOption, const char *envVar,
                                  const QString &prompt, bool confirm)
{
    const QString path = parser.value(fileOption);
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return cv::makeError(cv::ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
        QByteArray secret = file.readLine(4096);
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        if (secret.isEmpty())
            return cv::makeError(cv::ErrorCode::InvalidArgument, QStringLiteral("%1 is empty.").arg(path));
        return secret;
    }
    const QByteArray env = qgetenv(envVar);
    if (!env.isEmpty())
        return env;
    if (!::isatty(STDIN_FILENO))
        return cv::makeError(cv::ErrorCode::InvalidArgument,
                             QStringLiteral("%1 needed: give --%2 FILE or set %3.").arg(prompt, fileOption, QString::fromLatin1(envVar)));
    QByteArray first = promptHidden(prompt + QStringLiteral(": "));
    if (confirm && promptHidden(QStringLiteral("Repeat %1: ").arg(prompt.toLower())) != first)
        return cv::makeError(cv::ErrorCode::InvalidArgument, QStringLiteral("The two entries differ."));
    if (first.isEmpty())
        return cv::makeError(cv::ErrorCode::InvalidArgument, QStringLiteral("%1 must not be empty.").arg(prompt));
    return first;
}

cv::Result<QByteArray> readPassphrase(const QCommandLineParser &parser, bool forNewKeyFile)
{
    return readSecret(parser, QStringLiteral("passphrase-file"), "CALLVAULT_PASSPHRASE",
                      QStringLiteral("Key-file passphrase"), forNewKeyFile);
}

cv::Result<OpenSite> openSite(const QCommandLineParser &parser)
{
    auto site = cv::Site::open(siteDirectory(parser));
    if (!site)
        return site.error();
    if (site->isServerEnforced()) {
        auto in = login(parser);
        if (!in)
            return in.error();
        return std::move(in->opened);
    }
    auto db = site->openCatalog();
    if (!db)
        return db.error();
    return OpenSite{std::make_unique<cv::Site>(site.takeValue()), db.takeValue()};
}

cv::Result<std::unique_ptr<cv::KeyStore>> openKeyStore(const QCommandLineParser &parser, const cv::Site &site)
{
    QByteArray passphrase;
    if (site.config().keyBackend == cv::KeyStore::Backend::KeyFile) {
        auto read = readPassphrase(parser, false);
        if (!read)
            return read.error();
        passphrase = read.value();
    }
    auto store = site.keyStore(passphrase);
    cv::crypto::secureZero(passphrase);
    err(QStringLiteral("Site keys: %1").arg(store->describe()));
    return store;
}

cv::Result<cv::SiteKeys> unlockSiteKeys(const QCommandLineParser &parser, const cv::Site &site)
{
    auto store = openKeyStore(parser, site);
    if (!store)
        return store.error();
    return store.value()->load();
}

cv::Result<UnlockedSite> openUnlockedSite(const QCommandLineParser &parser)
{
    auto opened = openSite(parser);
    if (!opened)
        return opened.error();
    auto keys = unlockSiteKeys(parser, *opened->site);
    if (!keys)
        return keys.error();
    return UnlockedSite{opened.takeValue(), keys.takeValue()};
}

cv::AuditEvent auditBase()
{
    cv::AuditEvent e;
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", QStringLiteral("unknown")));
    e.actor = QStringLiteral("os:") + user;
    e.host = QHostInfo::localHostName();
    e.program = QStringLiteral("callvaultctl");
    e.details = QStringLiteral("{}");
    return e;
}

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000 / 100);
}

cv::Result<QUuid> parseRecordingId(const QString &text)
{
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return cv::makeError(cv::ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not a recording id.").arg(text.left(80)));
    return id;
}

int dispatch(const QStringList &args, const QList<QPair<QString, SubCommand>> &table,
             const QString &usage)
{
    const QString group = args.first();
    const QString sub = args.value(1);
    QStringList names;
    for (const auto &[name, run] : table) {
        names.append(name);
        if (sub == name) {
            QStringList rest = args.mid(1);
            rest.first() = group + QLatin1Char(' ') + sub;
            return run(rest);
        }
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out(usage);
        return kExitOk;
    }
    if (sub.isEmpty()) {
        err(usage);
        return kExitUsage;
    }
    return usageError(QStringLiteral("unknown %1 command \"%2\" (%3)")
                          .arg(group, sub, names.join(QStringLiteral(", "))),
                      group);
}

} // namespace ctl
