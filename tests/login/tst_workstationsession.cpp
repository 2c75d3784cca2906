// The workstation session, offscreen, on a real SQLite site with a clock the test moves:
// the idle lock (input counts as activity; after session.idle_minutes the window hides
// behind the lock dialog, core writes auth.timeout; another user cannot unlock, a wrong
// password is refused, the right one unlocks and is audited as auth.login), log-out from the
// lock, and the site keys unlocked on first need from the key file and zeroed at log-out.
#include "logintestsupport.h"
#include "session/keyunlockdialog.h"
#include "session/lockdialog.h"
#include "session/loginerrortext.h"
#include "session/workstationsession.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace cv;

namespace {

LockDialog *lockDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<LockDialog *>(w))
            return dialog;
    }
    return nullptr;
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent ? parent->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qFatal("no widget named %s", name);
    return found;
}

} // namespace

class TestWorkstationSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_site.setUp());
        QVERIFY(m_site.addUser(QStringLiteral("alice"), kAlicePassword, QStringLiteral("auditor")));
        QVERIFY(m_site.addUser(QStringLiteral("bob"), kBobPassword, QStringLiteral("auditor")));
    }

    void idleLock()
    {
        auto session = login(QStringLiteral("alice"), kAlicePassword);
        QVERIFY(session);
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session->startIdleWatch(&window, 20);
        QSignalSpy locked(session.get(), &WorkstationSession::locked);

        // Activity keeps the session alive: input just before the timeout counts.
        m_site.clock().advanceMinutes(LoginTestSite::kIdleMinutes - 1);
        QTest::keyClick(&window, Qt::Key_A);
        m_site.clock().advanceMinutes(LoginTestSite::kIdleMinutes - 1);
        session->checkIdle();
        QVERIFY(!session->isLocked());

        const qint64 before = authtest::lastAuditId(m_site.catalog());
        m_site.clock().advanceMinutes(2); // idle for kIdleMinutes + 1
        QTRY_VERIFY(session->isLocked()); // the timer notices
        QCOMPARE(locked.count(), 1);
        QVERIFY(!window.isVisible());
        LockDialog *dialog = lockDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto rows = authtest::auditRows(m_site.catalog(), before);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.timeout")), 1);

        // Escape does not dismiss the lock.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());

        auto *user = child<QLineEdit>(dialog, "lockUserEdit");
        auto *password = child<QLineEdit>(dialog, "lockPasswordEdit");
        auto *message = child<QLabel>(dialog, "lockMessage");
        QCOMPARE(user->text(), QStringLiteral("alice"));
        // Bob, with his own right password, cannot take over Alice's session.
        user->setText(QStringLiteral("bob"));
        QTest::keyClicks(password, QString::fromLatin1(kBobPassword));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(session->isLocked());
        QVERIFY(message->text().contains(QStringLiteral("alice")));
        QVERIFY(password->text().isEmpty());
        // Alice with a wrong password.
        user->setText(QStringLiteral("alice"));
        QTest::keyClicks(password, QStringLiteral("wrong-password"));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(session->isLocked());
        QCOMPARE(message->text(),
                 LoginErrorText::of(makeError(ErrorCode::PermissionDenied,
                                              AuthService::wrongCredentialsMessage())));
        QVERIFY(password->text().isEmpty());
        // Alice with hers.
        QTest::keyClicks(password, QString::fromLatin1(kAlicePassword));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(!session->isLocked());
        QVERIFY(window.isVisible());
        QVERIFY(!dialog->isVisible());
        QVERIFY(session->session().isActive());
        rows = authtest::auditRows(m_site.catalog(), before);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("allowed")), 1);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("denied")), 1);
        for (const auto &row : rows)
            QVERIFY2(row.actor != QStringLiteral("bob"), "Bob's attempt never reached a log-in");

        // Input after the timeout locks at once (and is not passed on to the window).
        m_site.clock().advanceMinutes(LoginTestSite::kIdleMinutes + 1);
        QTest::mouseClick(&window, Qt::LeftButton);
        QVERIFY(session->isLocked());
        QCOMPARE(locked.count(), 2);

        // Log out from the lock: the session ends.
        QSignalSpy loggedOut(session.get(), &WorkstationSession::loggedOut);
        QTest::mouseClick(child<QPushButton>(lockDialog(), "lockLogoutButton"), Qt::LeftButton);
        QCOMPARE(loggedOut.count(), 1);
        QVERIFY(session->isLoggedOut());
        QVERIFY(!lockDialog()->isVisible());
    }

    void keysUnlockOnFirstNeed()
    {
        auto session = login(QStringLiteral("alice"), kAlicePassword);
        QVERIFY(session);
        QStringList problems;
        QList<QByteArray> answers = {QByteArrayLiteral("wrong passphrase"), LoginTestSite::passphrase()};
        session->setPassphrasePrompt([&](const QString &problem) -> std::optional<QByteArray> {
            problems << problem;
            if (answers.isEmpty())
                return std::nullopt;
            return answers.takeFirst();
        });
        QVERIFY(!session->hasKeysInMemory());
        auto keys = session->siteKeys();
        QVERIFY2(keys.ok(), qPrintable(keys.errorMessage()));
        QCOMPARE(publicKeysOf(*keys.value()).keyId(), session->site().config().publicKeys.keyId());
        // Asked twice: the wrong passphrase was explained before the second question.
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).isEmpty());
        QVERIFY(!problems.at(1).isEmpty());
        // Held for the session: not asked again.
        QVERIFY(session->siteKeys().ok());
        QCOMPARE(problems.size(), 2);
        session->logout();
        QVERIFY(!session->hasKeysInMemory());
        QCOMPARE(session->siteKeys().error().code, ErrorCode::PermissionDenied);
    }

    void keyUnlockDialogAsks()
    {
        auto session = login(QStringLiteral("alice"), kAlicePassword);
        QVERIFY(session);
        // The default prompt: the real dialog, answered as a person would, then cancelled.
        int asked = 0;
        const auto answer = [&asked](bool cancel) {
            auto *dialog = qobject_cast<KeyUnlockDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            ++asked;
            if (cancel) {
                dialog->reject();
                return;
            }
            QTest::keyClicks(child<QLineEdit>(dialog, "passphraseEdit"),
                             QString::fromLatin1(LoginTestSite::passphrase()));
            QTest::mouseClick(child<QPushButton>(dialog, "keyUnlockButton"), Qt::LeftButton);
        };
        QTimer::singleShot(0, this, [&] { answer(true); });
        QCOMPARE(session->siteKeys().error().code, ErrorCode::Cancelled);
        QTimer::singleShot(0, this, [&] { answer(false); });
        QVERIFY(session->siteKeys().ok());
        QCOMPARE(asked, 2);
        QVERIFY(session->hasKeysInMemory());
    }

private:
    std::unique_ptr<WorkstationSession> login(const QString &name, const char *password)
    {
        auto in = SiteLogin::login(m_site.site(), name, password, QStringLiteral("ws-1"),
                                   QStringLiteral("test"), m_site.options());
        if (!in) {
            qWarning("log-in failed: %s", qPrintable(in.errorMessage()));
            return nullptr;
        }
        return std::make_unique<WorkstationSession>(in.takeValue(), m_site.options());
    }

    static constexpr char kAlicePassword[] = "alice-password-1";
    static constexpr char kBobPassword[] = "bob-password-1";
    LoginTestSite m_site;
};

QTEST_MAIN(TestWorkstationSession)
#include "tst_workstationsession.moc"
