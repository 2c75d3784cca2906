// callvault: the workstation. Wires the site, the log-in, the session and the main window.
#include "login/changepassworddialog.h"
#include "login/firstrunwizard.h"
#include "login/logindialog.h"
#include "mainwindow.h"
#include "session/workstationsession.h"
#include "common/language.h"
#include "site/site.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

namespace {

// app.exec()'s answer when the user logged out: back to the log-in dialog.
constexpr int kLoggedOut = 0x4c4f; // "LO"

// --report-ready (the workstation benchmark, callvault-bench-workstation): once the first
// window has painted, say so on stdout and quit, so that a parent process can time "start
// to usable window" from outside, process start and library loading included.
class ReadyReporter final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            QTextStream(stdout) << "ready" << Qt::endl;
            if (auto *dialog = qobject_cast<QDialog *>(watched))
                QTimer::singleShot(0, dialog, &QDialog::reject);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
};

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
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("UI language: zh_CN or en (default: as chosen in the Session menu, else the system's)."),
                                        QStringLiteral("LANG"));
    QCommandLineOption readyOption(QStringLiteral("report-ready"),
                                   QStringLiteral("Print \"ready\" once the first window shows, then quit (benchmark)."));
    readyOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({siteOption, langOption, readyOption});
    parser.process(app);
    cv::Language::install(app, cv::Language::effective(parser.value(langOption)));

    const QString dir = parser.isSet(siteOption) ? parser.value(siteOption) : cv::Site::defaultDirectory();
    QString lastUser;
    if (!QFile::exists(QDir(dir).filePath(cv::Site::siteFileName()))) {
        cv::FirstRunWizard wizard(dir);
        if (wizard.exec() != QDialog::Accepted)
            return 0;
        lastUser = wizard.adminName();
    }
    auto site = cv::Site::open(dir);
    if (!site) {
        QMessageBox::critical(nullptr, QObject::tr("CallVault"),
                              QObject::tr("The site could not be opened:\n%1").arg(site.errorMessage()));
        return 1;
    }
    const cv::SiteLogin::Options options;
    for (;;) {
        cv::LoginDialog login(site.value(), options);
        login.setUserName(lastUser);
        ReadyReporter readyReporter;
        if (parser.isSet(readyOption)) {
            login.installEventFilter(&readyReporter);
            login.exec();
            return 0;
        }
        if (login.exec() != QDialog::Accepted)
            return 0;
        cv::WorkstationSession session(login.takeLoggedIn(), options);
        lastUser = session.principal().name;
        if (!cv::ChangePasswordDialog::forceIfNeeded(session)) {
            session.logout();
            continue;
        }
        cv::MainWindow window(session);
        QObject::connect(&session, &cv::WorkstationSession::loggedOut, &app, [&window] {
            window.hide();
            QApplication::exit(kLoggedOut);
        });
        // An administrator may have reset the password while the desk was locked.
        QObject::connect(&session, &cv::WorkstationSession::unlocked, &window, [&session, &window] {
            if (!cv::ChangePasswordDialog::forceIfNeeded(session, &window))
                session.logout();
        });
        session.startIdleWatch(&window);
        window.show();
        if (app.exec() != kLoggedOut)
            return 0;
    }
}
