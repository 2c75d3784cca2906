// The workstation's log-in dialogs, offscreen, on a real SQLite site: log-in (busy while
// scrypt runs on a worker thread, then the session's title), a wrong password (its text,
// the password field emptied), the lockout after lockout.max_failures (its own text, and the
// right password refused while locked), the forced password change after an admin reset,
// and an unreachable catalog.
#include "login/changepassworddialog.h"
#include "login/logindialog.h"
#include "logintestsupport.h"
#include "mainwindow.h"
#include "session/loginerrortext.h"
#include "session/sessionmenu.h"
#include "session/workstationsession.h"
#include "site/siteconfig.h"
#include "store/durablefile.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace cv;

namespace {

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no widget named %s", name);
    return found;
}

QString messageOf(ErrorCode code, const QString &text)
{
    return LoginErrorText::of(makeError(code, text));
}

} // namespace

class TestLoginDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_site.setUp());
        QVERIFY(m_site.addUser(QStringLiteral("alice"), kAlicePassword, QStringLiteral("auditor")));
        QVERIFY(m_site.addUser(QStringLiteral("mallory"), kMalloryPassword, QStringLiteral("auditor")));
        QVERIFY(m_site.addUser(QStringLiteral("newbie"), kTemporaryPassword, QStringLiteral("auditor"), true));
    }

    void showsTheSite()
    {
        LoginDialog dialog(m_site.site(), m_site.options());
        QCOMPARE(child<QLabel>(dialog, "siteName")->text(), LoginTestSite::siteName());
    }

    void logsIn()
    {
        LoginDialog dialog(m_site.site(), m_site.options());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QString::fromLatin1(kAlicePassword));
        QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
        // The log-in runs on a worker thread; until its answer arrives the dialog is busy.
        QVERIFY(dialog.isBusy());
        QVERIFY(!child<QPushButton>(dialog, "loginButton")->isEnabled());
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isBusy());

        WorkstationSession session(dialog.takeLoggedIn(), m_site.options());
        QCOMPARE(session.principal().name, QStringLiteral("alice"));
        const QString title = session.windowTitle();
        QCOMPARE(title, QStringLiteral("CallVault — alice (auditor) — Login test site"));
        // The main window: the session's title and its menu.
        MainWindow window(session);
        QCOMPARE(window.windowTitle(), title);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("changePasswordAction")));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("logoutAction")));
        QSignalSpy loggedOut(&session, &WorkstationSession::loggedOut);
        window.findChild<QAction *>(QStringLiteral("logoutAction"))->trigger();
        QCOMPARE(loggedOut.count(), 1);
        QVERIFY(!session.session().isActive());
    }

    void wrongPassword()
    {
        LoginDialog dialog(m_site.site(), m_site.options());
        dialog.show();
        auto *password = child<QLineEdit>(dialog, "passwordEdit");
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("alice"));
        QTest::keyClicks(password, QStringLiteral("not-her-password"));
        QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(child<QLabel>(dialog, "loginMessage")->text(),
                 messageOf(ErrorCode::PermissionDenied, AuthService::wrongCredentialsMessage()));
        QVERIFY(password->text().isEmpty());
        QCOMPARE(child<QLineEdit>(dialog, "userEdit")->text(), QStringLiteral("alice"));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    }

    void locksAfterTheConfiguredFailures()
    {
        const QString wrongText =
            messageOf(ErrorCode::PermissionDenied, AuthService::wrongCredentialsMessage());
        const QString lockedText =
            messageOf(ErrorCode::PermissionDenied, AuthService::lockedMessage());
        QVERIFY(wrongText != lockedText);
        LoginDialog dialog(m_site.site(), m_site.options());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("mallory"));
        const auto attempt = [&dialog](const QString &password) -> QString {
            QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), password);
            QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
            if (!QTest::qWaitFor([&dialog] { return !dialog.isBusy(); }))
                return QStringLiteral("(no answer)");
            return child<QLabel>(dialog, "loginMessage")->text();
        };
        for (int i = 1; i <= LoginTestSite::kMaxFailures; ++i)
            QCOMPARE(attempt(QStringLiteral("guess-%1").arg(i)), wrongText);
        // lockout.max_failures reached: locked, and the right password does not help.
        QCOMPARE(attempt(QStringLiteral("guess-again")), lockedText);
        QCOMPARE(attempt(QString::fromLatin1(kMalloryPassword)), lockedText);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const auto rows = authtest::auditRows(m_site.catalog());
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.lockout")), 1);
    }

    void forcedPasswordChange()
    {
        auto in = SiteLogin::login(m_site.site(), QStringLiteral("newbie"), kTemporaryPassword,
                                   QStringLiteral("ws-1"), QStringLiteral("test"), m_site.options());
        QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
        WorkstationSession session(in.takeValue(), m_site.options());
        QVERIFY(session.session().mustChangePassword());
        // Nothing else is possible until the password is changed.
        QVERIFY(!session.auth().resume(const_cast<Session &>(session.session())));

        ChangePasswordDialog dialog(session, true);
        dialog.show();
        QVERIFY(child<QLabel>(dialog, "passwordPolicy")->text().contains(QString::number(LoginTestSite::kMinLength)));
        QCOMPARE(child<QPushButton>(dialog, "changePasswordCancel")->text(), ChangePasswordDialog::tr("Log out"));
        const auto change = [&dialog](const QString &current, const QString &fresh, const QString &repeat) {
            for (const auto &[name, text] : {std::pair{"currentPasswordEdit", current},
                                             std::pair{"newPasswordEdit", fresh},
                                             std::pair{"repeatPasswordEdit", repeat}}) {
                child<QLineEdit>(dialog, name)->clear();
                QTest::keyClicks(child<QLineEdit>(dialog, name), text);
            }
            QTest::mouseClick(child<QPushButton>(dialog, "changePasswordButton"), Qt::LeftButton);
            return child<QLabel>(dialog, "changePasswordMessage")->text();
        };
        const QString temporary = QString::fromLatin1(kTemporaryPassword);
        QVERIFY(!change(temporary, QStringLiteral("new-password-1"), QStringLiteral("new-password-2")).isEmpty());
        QVERIFY(!change(temporary, QStringLiteral("short"), QStringLiteral("short")).isEmpty());
        QCOMPARE(change(QStringLiteral("wrong-current"), QStringLiteral("my-own-password-1"),
                        QStringLiteral("my-own-password-1")),
                 ChangePasswordDialog::tr("The current password is wrong."));
        QVERIFY(dialog.isVisible());
        QVERIFY(session.session().mustChangePassword());
        change(temporary, QStringLiteral("my-own-password-1"), QStringLiteral("my-own-password-1"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!session.session().mustChangePassword());
        QVERIFY(session.auth().resume(const_cast<Session &>(session.session())).ok());
        // The new password is the one that logs in now.
        auto again = SiteLogin::login(m_site.site(), QStringLiteral("newbie"), "my-own-password-1",
                                      QStringLiteral("ws-1"), QStringLiteral("test"), m_site.options());
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(!again->session.mustChangePassword());
    }

    void speaksChinese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("callvault"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
        const QString wrong =
            messageOf(ErrorCode::PermissionDenied, AuthService::wrongCredentialsMessage());
        const QString locked = messageOf(ErrorCode::PermissionDenied, AuthService::lockedMessage());
        LoginDialog dialog(m_site.site(), m_site.options());
        const QString button = child<QPushButton>(dialog, "loginButton")->text();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(wrong, QStringLiteral("用户名或密码错误。"));
        QVERIFY(locked.contains(QStringLiteral("锁定")));
        QCOMPARE(button, QStringLiteral("登录"));
    }

    void unreachableCatalog()
    {
        // The site's catalog on a PostgreSQL port where nothing listens.
        QTemporaryDir dir;
        SiteConfig config = m_site.site().config();
        config.catalogKind = QStringLiteral("postgres");
        config.catalogLocation = QStringLiteral("postgresql://callvault@127.0.0.1:1/callvault?sslmode=disable");
        QVERIFY(durable::writeFileAtomically(QDir(dir.path()).filePath(Site::siteFileName()), config.toJson()).ok());
        auto site = Site::open(dir.path());
        QVERIFY2(site.ok(), qPrintable(site.errorMessage()));
        LoginDialog dialog(site.takeValue(), m_site.options());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "userEdit"), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QString::fromLatin1(kAlicePassword));
        QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(child<QLabel>(dialog, "loginMessage")->text(),
                 messageOf(ErrorCode::Database, QString()));
    }

private:
    static constexpr char kAlicePassword[] = "alice-password-1";
    static constexpr char kMalloryPassword[] = "mallory-password-1";
    static constexpr char kTemporaryPassword[] = "temporary-password-1";
    LoginTestSite m_site;
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
