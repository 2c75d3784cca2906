// callvaultctl: the admin's and scripts' tool. Parses the command and hands it to one
// function in commands.h; all logic lives in callvault_core.
#include "commands.h"
#include "ctlsupport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <functional>
#include <map>

namespace {

const std::map<QString, std::pair<std::function<int(const QStringList &)>, const char *>> &commands()
{
    static const std::map<QString, std::pair<std::function<int(const QStringList &)>, const char *>> table = {
        {QStringLiteral("init"), {ctl::runInit, "create a site: keys, catalog, first admin user"}},
        {QStringLiteral("import"), {ctl::runImport, "import a WAV file as an encrypted recording"}},
        {QStringLiteral("list"), {ctl::runList, "list recordings, newest first"}},
        {QStringLiteral("export"), {ctl::runExport, "decrypt recordings to .opus or .wav with a signed manifest (audited)"}},
        {QStringLiteral("verify-manifest"), {ctl::runVerifyManifest, "check an export manifest's signature and its file"}},
        {QStringLiteral("verify"), {ctl::runVerify, "check recordings against the catalog"}},
        {QStringLiteral("recover"), {ctl::runRecover, "catalog recordings left unfinished by a crash"}},
        {QStringLiteral("demo"), {ctl::runDemo, "add realistic demo calls"}},
        {QStringLiteral("key"), {ctl::runKey, "key fingerprint | export FILE | import FILE | rotate | destroy-retired"}},
        {QStringLiteral("bench"), {ctl::runBench, "bench encode (pipeline vs bare libopus) | bench search"}},
        {QStringLiteral("user"), {ctl::runUser, "users: add | list | disable | enable | reset-password | grant | set-teams | unlock | passwd"}},
        {QStringLiteral("team"), {ctl::runTeam, "teams: add | list | rename | assign-agent"}},
        {QStringLiteral("role"), {ctl::runRole, "roles: list | grant | revoke | create"}},
        {QStringLiteral("setting"), {ctl::runSetting, "site settings: list | set KEY VALUE"}},
        {QStringLiteral("audit"), {ctl::runAudit, "audit trail: verify | checkpoint | export | verify-extract"}},
        {QStringLiteral("search"), {ctl::runSearch, "search recordings: filters, pages, count (audited)"}},
        {QStringLiteral("tag"), {ctl::runTag, "tags on recordings: add | remove | list | names"}},
        {QStringLiteral("form"), {ctl::runForm, "QA evaluation forms: list | import | export | defaults"}},
        {QStringLiteral("sampling"),
         {ctl::runSampling, "QA sampling rules and work queues: rule-add | rule-list | rule-disable | generate | queue"}},
        {QStringLiteral("bookmark"), {ctl::runBookmark, "bookmarks in recordings: add | list | remove"}},
        {QStringLiteral("upgrade"), {ctl::runUpgrade, "migrate a secured PostgreSQL catalog as its owner (--pg SUPERUSER_URL)"}},
    };
    return table;
}

int usage(int code)
{
    QString text = QStringLiteral("Usage: callvaultctl COMMAND [options]   (callvaultctl COMMAND --help for details)\n\nCommands:\n");
    for (const auto &[name, entry] : commands())
        text += QStringLiteral("  %1 %2\n").arg(name, -10).arg(QString::fromLatin1(entry.second));
    text += QStringLiteral("\nOptions: --help, --version\n");
    (code == 0 ? ctl::out : ctl::err)(text.trimmed());
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // A full disk under RLIMIT_FSIZE must be an error message, not a killed process.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    // Progress and results go to stdout/stderr; module logs only when asked for with
    // QT_LOGGING_RULES (e.g. "callvault.*.debug=true"), which overrides this default.
    QLoggingCategory::setFilterRules(QStringLiteral("callvault.*.debug=false\ncallvault.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("CallVault"));
    QCoreApplication::setOrganizationName(QStringLiteral("CallVault"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLVAULT_VERSION));
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage(ctl::kExitUsage);
    const QString &command = args.first();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return usage(ctl::kExitOk);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        ctl::out(QStringLiteral("callvaultctl %1").arg(QCoreApplication::applicationVersion()));
        return ctl::kExitOk;
    }
    const auto it = commands().find(command);
    if (it == commands().end()) {
        ctl::err(QStringLiteral("callvaultctl: unknown command \"%1\"").arg(command));
        return usage(ctl::kExitUsage);
    }
    return it->second.first(args);
}
