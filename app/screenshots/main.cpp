// callvault-screenshots: draws the workstation's screens on a demo site offscreen and saves
// them as PNG files (README, "Screenshots"). scripts/callvault screenshots prepares the site,
// the accounts and the environment, and runs this once per language.
//
//   callvault-screenshots --site DIR --out DIR [--lang zh_CN|en]
//   accounts: $CALLVAULT_SCREENSHOT_SUPERVISOR, _AUDITOR, _ADMIN and _EVALUATOR as "name:password";
//   $CALLVAULT_PASSPHRASE unlocks a key-file site.
#include "scenes.h"
#include "common/language.h"
#include "site/site.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QTextStream>

namespace {

screenshots::Account accountFrom(const char *variable)
{
    const QString value = qEnvironmentVariable(variable);
    const qsizetype colon = value.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    return {value.left(colon), value.mid(colon + 1).toUtf8()};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CallVault"));
    QApplication::setOrganizationName(QStringLiteral("CallVault-screenshots"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves screenshots of the workstation on a demo site."));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), QStringLiteral("Site directory."), QStringLiteral("DIR"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the PNG files."), QStringLiteral("DIR"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("zh_CN or en."), QStringLiteral("LANG"),
                                        QStringLiteral("en"));
    parser.addOptions({siteOption, outOption, langOption});
    parser.process(app);
    cv::Language::install(app, cv::Language::effective(parser.value(langOption)));

    QTextStream err(stderr);
    auto site = cv::Site::open(parser.value(siteOption));
    if (!site) {
        err << "callvault-screenshots: " << site.errorMessage() << Qt::endl;
        return 1;
    }
    screenshots::Context context;
    context.site = &site.value();
    context.outDir = parser.value(outOption);
    context.supervisor = accountFrom("CALLVAULT_SCREENSHOT_SUPERVISOR");
    context.auditor = accountFrom("CALLVAULT_SCREENSHOT_AUDITOR");
    context.admin = accountFrom("CALLVAULT_SCREENSHOT_ADMIN");
    context.evaluator = accountFrom("CALLVAULT_SCREENSHOT_EVALUATOR");
    context.keyPassphrase = qgetenv("CALLVAULT_PASSPHRASE");
    if (context.outDir.isEmpty() || context.supervisor.name.isEmpty() || context.auditor.name.isEmpty() ||
        context.admin.name.isEmpty() || context.evaluator.name.isEmpty()) {
        err << "callvault-screenshots: needs --out and the four accounts (see the source's header)" << Qt::endl;
        return 2;
    }
    if (!QDir().mkpath(context.outDir)) {
        err << "callvault-screenshots: cannot create " << context.outDir << Qt::endl;
        return 1;
    }
    bool ok = screenshots::login(context);
    ok = screenshots::searchWithDetails(context) && ok;
    ok = screenshots::auditTrail(context) && ok;
    ok = screenshots::administration(context) && ok;
    ok = screenshots::evaluation(context) && ok; // submits evaluations the report then shows
    ok = screenshots::qaReport(context) && ok;
    return ok ? 0 : 1;
}
