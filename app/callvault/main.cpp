// callvault: the workstation. Wires the site, its catalog and the main window.
#include "catalog/database.h"
#include "mainwindow.h"
#include "recordinglistmodel.h"
#include "site/site.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTranslator>

namespace {

// Loads our catalog and Qt's own for the language: --lang, else the system locale.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("callvault"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Module logs only when asked for with QT_LOGGING_RULES, which overrides this default.
    QLoggingCategory::setFilterRules(QStringLiteral("callvault.*.debug=false\ncallvault.*.info=false"));
    QApplication::setApplicationName(QStringLiteral("CallVault"));
    QApplication::setOrganizationName(QStringLiteral("CallVault"));
    QApplication::setApplicationVersion(QStringLiteral(CALLVAULT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CallVault workstation: find, play, tag and score recorded calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), QStringLiteral("Site directory."), QStringLiteral("DIR"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("UI language: zh_CN or en (default: system)."),
                                        QStringLiteral("LANG"));
    parser.addOptions({siteOption, langOption});
    parser.process(app);
    installTranslations(app, parser.value(langOption));

    const QString dir = parser.isSet(siteOption) ? parser.value(siteOption) : cv::Site::defaultDirectory();
    auto site = cv::Site::open(dir);
    if (!site) {
        QMessageBox::critical(nullptr, QObject::tr("CallVault"),
                              QObject::tr("The site could not be opened:\n%1").arg(site.errorMessage()));
        return 1;
    }
    auto db = site->openCatalog();
    if (!db) {
        QMessageBox::critical(nullptr, QObject::tr("CallVault"),
                              QObject::tr("The catalog could not be opened:\n%1").arg(db.errorMessage()));
        return 1;
    }
    cv::RecordingListModel model(*db.value());
    model.reload();
    cv::MainWindow window(model, site->config().name);
    window.show();
    return app.exec();
}
