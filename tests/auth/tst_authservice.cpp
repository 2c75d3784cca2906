// AuthService on both backends: log-in messages, lockout and unlock (with an injected
// clock), disabled users, the forced password change, idle timeout, password policy and
// log-out, all audited.
#include "auth/accesscontrol.h"
#include "auth/accountrepository.h"
#include "auth/authservice.h"
#include "auth/passwordpolicy.h"
#include "auth/settingsadmin.h"
#include "auth/useradmin.h"
#include "authtestsupport.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

namespace {

const QByteArray kPassword = "correct horse battery";
const QByteArray kWrong = "wrong horse battery";

} // namespace

class TestAuthService final : public CatalogTestCase
{
    Q_OBJECT

private:
    // Users "alice" (supervisor), "root" (admin) and "sec" (security_admin).
    bool setUpUsers();
    Result<Session> loginAs(const QString &name, const QByteArray &password)
    {
        return m_auth->login(name, password, QStringLiteral("ws-1"), QStringLiteral("test"));
    }

    authtest::TestClock m_clock;
    std::unique_ptr<AuthService> m_auth;

private slots:
    void loginSucceedsAndIsAudited();
    void unknownUserAndWrongPasswordLookTheSame();
    void lockoutAfterTooManyFailuresThenExpires();
    void adminUnlocksEarly();
    void unknownNamesLockOutToo();
    void lockoutPolicyIsASetting();
    void disabledUserIsRefusedLikeAWrongPassword();
    void resetForcesAPasswordChange();
    void passwordPolicy();
    void idleSessionsLock();
    void logoutEndsTheSession();
    void productDefaultsAreOwasp();
    void weakerHashesAreReplacedAtLogin();
};

bool TestAuthService::setUpUsers()
{
    if (!migrateLatest())
        return false;
    m_clock = authtest::TestClock();
    m_auth = std::make_unique<AuthService>(db(), authtest::options(m_clock));
    return authtest::addUser(db(), QStringLiteral("alice"), kPassword,
                             QStringLiteral("supervisor")) > 0 &&
           authtest::addUser(db(), QStringLiteral("root"), kPassword, QStringLiteral("admin")) >
               0 &&
           authtest::addUser(db(), QStringLiteral("sec"), kPassword,
                             QStringLiteral("security_admin")) > 0;
}

void TestAuthService::loginSucceedsAndIsAudited()
{
    QVERIFY(setUpUsers());
    auto session = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
    QVERIFY(session->isActive());
    QVERIFY(!session->mustChangePassword());
    QCOMPARE(session->principal().name, QStringLiteral("alice"));
    QCOMPARE(session->principal().role, QStringLiteral("supervisor"));
    QCOMPARE(session->principal().host, QStringLiteral("ws-1"));
    QVERIFY(session->principal().has(Permission::RecordingPlay));
    QVERIFY(!session->principal().has(Permission::UsersManage));
    QCOMPARE(session->idleTimeoutMs(), 15 * 60 * 1000);
    const auto account = AccountRepository(db()).findByName(QStringLiteral("alice")).value();
    QCOMPARE(account->lastLoginMs, std::optional<qint64>(m_clock.now));
    const auto rows = authtest::auditRows(db());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("auth.login"));
    QCOMPARE(rows.first().actor, QStringLiteral("alice"));
    QCOMPARE(rows.first().result, QStringLiteral("allowed"));
}

void TestAuthService::unknownUserAndWrongPasswordLookTheSame()
{
    QVERIFY(setUpUsers());
    const auto unknown = loginAs(QStringLiteral("mallory"), kPassword);
    const auto wrong = loginAs(QStringLiteral("alice"), kWrong);
    const auto empty = loginAs(QString(), kPassword);
    QVERIFY(!unknown.ok() && !wrong.ok() && !empty.ok());
    QCOMPARE(unknown.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(wrong.error().code, unknown.error().code);
    QCOMPARE(unknown.errorMessage(), QStringLiteral("The user name or password is wrong."));
    QCOMPARE(wrong.errorMessage(), unknown.errorMessage());
    QCOMPARE(empty.errorMessage(), unknown.errorMessage());
    QCOMPARE(AuthService::wrongCredentialsMessage(), unknown.errorMessage());
    // Both failures are audited as denied log-ins (the reason only in the details).
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("denied")), 3);
    QVERIFY(rows.at(0).details.contains(QLatin1String("unknown user")));
    QVERIFY(rows.at(1).details.contains(QLatin1String("wrong password")));
    // Names are exact: case matters.
    QVERIFY(!loginAs(QStringLiteral("Alice"), kPassword).ok());
}

void TestAuthService::lockoutAfterTooManyFailuresThenExpires()
{
    QVERIFY(setUpUsers());
    for (int i = 1; i <= 9; ++i) {
        const auto r = loginAs(QStringLiteral("alice"), kWrong);
        QCOMPARE(r.errorMessage(), AuthService::wrongCredentialsMessage());
        m_clock.advanceMinutes(1);
    }
    QCOMPARE(AccountRepository(db()).findByName(QStringLiteral("alice")).value()->failedLogins, 9);
    // The 10th failure locks: from now on even the right password gets the locked answer.
    QCOMPARE(loginAs(QStringLiteral("alice"), kWrong).errorMessage(),
             AuthService::wrongCredentialsMessage());
    const auto locked = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(locked.errorMessage(), AuthService::lockedMessage());
    QVERIFY(!locked.errorMessage().contains(QLatin1String("alice")));
    auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.lockout")), 1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.login"), QStringLiteral("denied")),
             11);
    // 29 minutes later still locked; after 30 minutes the right password works again.
    m_clock.advanceMinutes(29);
    QCOMPARE(loginAs(QStringLiteral("alice"), kPassword).errorMessage(),
             AuthService::lockedMessage());
    m_clock.advanceMinutes(1);
    const auto after = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY2(after.ok(), qPrintable(after.errorMessage()));
    rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.unlock"), QStringLiteral("allowed")),
             1);
    QCOMPARE(rows.last().action, QStringLiteral("auth.login"));
    QCOMPARE(rows.last().result, QStringLiteral("allowed"));
    // Success resets the count: nine more failures do not lock.
    for (int i = 0; i < 9; ++i)
        QVERIFY(!loginAs(QStringLiteral("alice"), kWrong).ok());
    QVERIFY(loginAs(QStringLiteral("alice"), kPassword).ok());
}

void TestAuthService::adminUnlocksEarly()
{
    QVERIFY(setUpUsers());
    for (int i = 0; i < 10; ++i)
        QVERIFY(!loginAs(QStringLiteral("alice"), kWrong).ok());
    QCOMPARE(loginAs(QStringLiteral("alice"), kPassword).errorMessage(),
             AuthService::lockedMessage());
    auto root = loginAs(QStringLiteral("root"), kPassword);
    QVERIFY(root.ok());
    UserAdmin users(db(), *m_auth);
    // Only users.manage may unlock.
    auto alice2 =
        authtest::addUser(db(), QStringLiteral("bob"), kPassword, QStringLiteral("supervisor"));
    QVERIFY(alice2 > 0);
    auto bob = loginAs(QStringLiteral("bob"), kPassword);
    QCOMPARE(users.unlock(bob->principal(), QStringLiteral("alice")).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(users.unlock(root->principal(), QStringLiteral("alice")).ok());
    QVERIFY(loginAs(QStringLiteral("alice"), kPassword).ok());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("user.unlock"), QStringLiteral("allowed")),
             1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("user.unlock"), QStringLiteral("denied")),
             1);
    for (const auto &row : rows) {
        if (row.action == QLatin1String("user.unlock") && row.result == QLatin1String("allowed")) {
            QCOMPARE(row.actor, QStringLiteral("root"));
            QCOMPARE(row.target, QStringLiteral("alice"));
            QVERIFY2(row.details.contains(QLatin1String("\"wasLocked\":true")),
                     qPrintable(row.details));
        }
    }
}

void TestAuthService::unknownNamesLockOutToo()
{
    QVERIFY(setUpUsers());
    // An attacker probing names sees the same sequence of answers for a real and a made-up name.
    QStringList real;
    QStringList madeUp;
    for (int i = 0; i < 11; ++i) {
        real.append(loginAs(QStringLiteral("alice"), kWrong).errorMessage());
        madeUp.append(loginAs(QStringLiteral("nobody-here"), kWrong).errorMessage());
    }
    QCOMPARE(madeUp, real);
    QCOMPARE(real.last(), AuthService::lockedMessage());
    QCOMPARE(authtest::countRows(db(), QStringLiteral("login_throttle")), 1);
    // The made-up name unlocks on the same schedule.
    m_clock.advanceMinutes(30);
    QCOMPARE(loginAs(QStringLiteral("nobody-here"), kWrong).errorMessage(),
             AuthService::wrongCredentialsMessage());
    QCOMPARE(loginAs(QStringLiteral("alice"), kWrong).errorMessage(),
             AuthService::wrongCredentialsMessage());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.lockout")), 2);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.unlock")), 2);
}

void TestAuthService::lockoutPolicyIsASetting()
{
    QVERIFY(setUpUsers());
    auto sec = loginAs(QStringLiteral("sec"), kPassword);
    QVERIFY(sec.ok());
    SettingsAdmin settings(db());
    QVERIFY(settings.set(sec->principal(), Setting::LockoutMaxFailures, QStringLiteral("3")).ok());
    QVERIFY(settings.set(sec->principal(), Setting::LockoutMinutes, QStringLiteral("5")).ok());
    QCOMPARE(
        settings.set(sec->principal(), Setting::LockoutMinutes, QStringLiteral("0")).error().code,
        ErrorCode::InvalidArgument);
    // The system admin does not set the security policy.
    auto root = loginAs(QStringLiteral("root"), kPassword);
    QCOMPARE(settings.set(root->principal(), Setting::LockoutMaxFailures, QStringLiteral("100"))
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!loginAs(QStringLiteral("alice"), kWrong).ok());
    QCOMPARE(loginAs(QStringLiteral("alice"), kPassword).errorMessage(),
             AuthService::lockedMessage());
    m_clock.advanceMinutes(5);
    QVERIFY(loginAs(QStringLiteral("alice"), kPassword).ok());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(
        authtest::countAudit(rows, QStringLiteral("settings.change"), QStringLiteral("allowed")),
        2);
    QCOMPARE(
        authtest::countAudit(rows, QStringLiteral("settings.change"), QStringLiteral("denied")), 1);
}

void TestAuthService::disabledUserIsRefusedLikeAWrongPassword()
{
    QVERIFY(setUpUsers());
    auto root = loginAs(QStringLiteral("root"), kPassword);
    QVERIFY(UserAdmin(db(), *m_auth)
                .setDisabled(root->principal(), QStringLiteral("alice"), true)
                .ok());
    const auto refused = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.errorMessage(), AuthService::wrongCredentialsMessage());
    const auto rows = authtest::auditRows(db());
    QVERIFY(rows.last().details.contains(QLatin1String("account disabled")));
    QCOMPARE(rows.last().result, QStringLiteral("denied"));
    QVERIFY(UserAdmin(db(), *m_auth)
                .setDisabled(root->principal(), QStringLiteral("alice"), false)
                .ok());
    QVERIFY(loginAs(QStringLiteral("alice"), kPassword).ok());
}

void TestAuthService::resetForcesAPasswordChange()
{
    QVERIFY(setUpUsers());
    auto root = loginAs(QStringLiteral("root"), kPassword);
    QVERIFY(UserAdmin(db(), *m_auth)
                .resetPassword(root->principal(), QStringLiteral("alice"), "temporary-123")
                .ok());
    QCOMPARE(loginAs(QStringLiteral("alice"), kPassword).errorMessage(),
             AuthService::wrongCredentialsMessage());
    auto session = loginAs(QStringLiteral("alice"), "temporary-123");
    QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
    QVERIFY(session->mustChangePassword());
    // Everything but the change is refused.
    const auto resumed = m_auth->resume(session.value());
    QVERIFY(!resumed.ok());
    QVERIFY2(resumed.errorMessage().contains(QLatin1String("change your password")),
             qPrintable(resumed.errorMessage()));
    QVERIFY(!AccessControl(db())
                 .require(session->principal(), Permission::RecordingSearch, QStringLiteral("x"))
                 .ok());
    // The change needs the current password, and a new one that differs.
    QCOMPARE(m_auth->changePassword(session.value(), kWrong, "a-brand-new-pass").errorMessage(),
             QStringLiteral("The current password is wrong."));
    QCOMPARE(m_auth->changePassword(session.value(), "temporary-123", "temporary-123").error().code,
             ErrorCode::InvalidArgument);
    const auto changed =
        m_auth->changePassword(session.value(), "temporary-123", "a-brand-new-pass");
    QVERIFY2(changed.ok(), qPrintable(changed.errorMessage()));
    QVERIFY(!session->mustChangePassword());
    QVERIFY(m_auth->resume(session.value()).ok());
    QVERIFY(AccessControl(db())
                .require(session->principal(), Permission::RecordingSearch, QStringLiteral("x"))
                .ok());
    QVERIFY(loginAs(QStringLiteral("alice"), "a-brand-new-pass").ok());
    QVERIFY(!loginAs(QStringLiteral("alice"), "temporary-123").ok());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("user.reset_password"),
                                  QStringLiteral("allowed")),
             1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.password_change"),
                                  QStringLiteral("allowed")),
             1);
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.password_change"),
                                  QStringLiteral("denied")),
             1);
    // A reset also ends a lockout.
    for (int i = 0; i < 10; ++i)
        QVERIFY(!loginAs(QStringLiteral("alice"), kWrong).ok());
    QVERIFY(UserAdmin(db(), *m_auth)
                .resetPassword(root->principal(), QStringLiteral("alice"), "temporary-456")
                .ok());
    QVERIFY(loginAs(QStringLiteral("alice"), "temporary-456").ok());
}

void TestAuthService::passwordPolicy()
{
    QVERIFY(setUpUsers());
    QVERIFY(PasswordPolicy::check("0123456789", QStringLiteral("alice"), 10).ok());
    QVERIFY(!PasswordPolicy::check("012345678", QStringLiteral("alice"), 10).ok());
    // Characters, not bytes: ten Chinese characters are ten.
    QVERIFY(PasswordPolicy::check(QStringLiteral("密码密码密码密码密码").toUtf8(),
                                  QStringLiteral("alice"), 10)
                .ok());
    QVERIFY(
        !PasswordPolicy::check(QStringLiteral("密码密码密码").toUtf8(), QStringLiteral("alice"), 10)
             .ok());
    QVERIFY(!PasswordPolicy::check("alice-the-admin", QStringLiteral("alice-the-admin"), 10).ok());
    QVERIFY(!PasswordPolicy::check("ALICE-THE-ADMIN", QStringLiteral("alice-the-admin"), 10).ok());
    QVERIFY(!PasswordPolicy::check(QByteArray("0123456789\0abc", 14), QStringLiteral("alice"), 10)
                 .ok());
    QVERIFY(!PasswordPolicy::check(QByteArray(2000, 'x'), QStringLiteral("alice"), 10).ok());
    // The minimum length is a setting, and admin resets follow it too.
    auto sec = loginAs(QStringLiteral("sec"), kPassword);
    QVERIFY(SettingsAdmin(db())
                .set(sec->principal(), Setting::PasswordMinLength, QStringLiteral("16"))
                .ok());
    auto root = loginAs(QStringLiteral("root"), kPassword);
    const auto tooShort =
        UserAdmin(db(), *m_auth)
            .resetPassword(root->principal(), QStringLiteral("alice"), "only-15-chars-x");
    QCOMPARE(tooShort.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(tooShort.errorMessage().contains(QLatin1String("16")),
             qPrintable(tooShort.errorMessage()));
    auto alice = loginAs(QStringLiteral("alice"), kPassword);
    QCOMPARE(m_auth->changePassword(alice.value(), kPassword, "alice").error().code,
             ErrorCode::InvalidArgument);
    QVERIFY(m_auth->changePassword(alice.value(), kPassword, "sixteen-chars-ok").ok());
}

void TestAuthService::idleSessionsLock()
{
    QVERIFY(setUpUsers());
    auto session = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY(session.ok());
    m_clock.advanceMinutes(14);
    QVERIFY(m_auth->resume(session.value()).ok()); // activity at minute 14
    m_clock.advanceMinutes(15);
    QVERIFY(!session->isExpired(m_clock.now));
    QVERIFY(m_auth->resume(session.value()).ok());
    m_clock.now += 15 * 60 * 1000 + 1;
    QVERIFY(session->isExpired(m_clock.now));
    const auto timedOut = m_auth->resume(session.value());
    QVERIFY(!timedOut.ok());
    QCOMPARE(timedOut.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(timedOut.errorMessage().contains(QLatin1String("15 minutes")),
             qPrintable(timedOut.errorMessage()));
    QVERIFY(!session->isActive());
    // Noticed once: asking again does not audit again, and the session stays ended.
    QVERIFY(!m_auth->resume(session.value()).ok());
    QVERIFY(!m_auth->changePassword(session.value(), kPassword, "another-password").ok());
    const auto rows = authtest::auditRows(db());
    QCOMPARE(authtest::countAudit(rows, QStringLiteral("auth.timeout")), 1);
    // The timeout is a setting.
    auto sec = loginAs(QStringLiteral("sec"), kPassword);
    QVERIFY(SettingsAdmin(db())
                .set(sec->principal(), Setting::SessionIdleMinutes, QStringLiteral("2"))
                .ok());
    auto shortSession = loginAs(QStringLiteral("alice"), kPassword);
    QCOMPARE(shortSession->idleTimeoutMs(), 2 * 60 * 1000);
    m_clock.advanceMinutes(3);
    QVERIFY(!m_auth->resume(shortSession.value()).ok());
}

void TestAuthService::logoutEndsTheSession()
{
    QVERIFY(setUpUsers());
    auto session = loginAs(QStringLiteral("alice"), kPassword);
    QVERIFY(m_auth->logout(session.value()).ok());
    QVERIFY(!session->isActive());
    QVERIFY(!m_auth->resume(session.value()).ok());
    QVERIFY(m_auth->logout(session.value()).ok()); // again: nothing more to do
    QCOMPARE(authtest::countAudit(authtest::auditRows(db()), QStringLiteral("auth.logout")), 1);
}

void TestAuthService::productDefaultsAreOwasp()
{
    // The one expensive hash of this test: the product default for new hashes is OWASP's
    // scrypt (N=2^17, r=8, p=1), and a stored hash verifies with the parameters it names.
    QVERIFY(migrateLatest());
    AuthService::Options defaults;
    QCOMPARE(defaults.hashParams.n, std::uint64_t(1) << 17);
    QCOMPARE(defaults.hashParams.r, 8u);
    QCOMPARE(defaults.hashParams.p, 1u);
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        return; // once is enough
    AuthService product(db());
    const auto hash = product.hashPassword(kPassword);
    QVERIFY2(hash.ok(), qPrintable(hash.errorMessage()));
    QVERIFY2(hash->startsWith(QLatin1String("$scrypt$ln=17,r=8,p=1$")), qPrintable(hash.value()));
    QVERIFY(authtest::addUser(db(), QStringLiteral("cheap"), kPassword, QStringLiteral("agent")) >
            0);
    QVERIFY(product.login(QStringLiteral("cheap"), kPassword, QString(), QString()).ok());
}

void TestAuthService::weakerHashesAreReplacedAtLogin()
{
    // "alice" was stored with N=16, r=1, p=1; a service whose new hashes use N=32 replaces
    // it at the next successful log-in, keeps the password's age, and the password still
    // works. A wrong password changes nothing.
    QVERIFY(setUpUsers());
    AuthService::Options stronger = authtest::options(m_clock);
    stronger.hashParams.n = 32;
    AuthService auth(db(), stronger);
    auto before = AccountRepository(db()).findByName(QStringLiteral("alice")).value();
    QVERIFY(before->passwordHash.startsWith(QLatin1String("$scrypt$ln=4,r=1,p=1$")));
    QVERIFY(!auth.login(QStringLiteral("alice"), kWrong, QStringLiteral("ws-1"),
                        QStringLiteral("test"))
                 .ok());
    QCOMPARE(AccountRepository(db()).findByName(QStringLiteral("alice")).value()->passwordHash,
             before->passwordHash);
    m_clock.advanceMinutes(5);
    QVERIFY(auth.login(QStringLiteral("alice"), kPassword, QStringLiteral("ws-1"),
                       QStringLiteral("test"))
                .ok());
    auto after = AccountRepository(db()).findByName(QStringLiteral("alice")).value();
    QVERIFY2(after->passwordHash.startsWith(QLatin1String("$scrypt$ln=5,r=1,p=1$")),
             qPrintable(after->passwordHash));
    QCOMPARE(after->passwordChangedAtMs, before->passwordChangedAtMs);
    QVERIFY(auth.login(QStringLiteral("alice"), kPassword, QStringLiteral("ws-1"),
                       QStringLiteral("test"))
                .ok());
    QVERIFY(loginAs(QStringLiteral("alice"), kPassword).ok()); // the cheaper service too
}

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
