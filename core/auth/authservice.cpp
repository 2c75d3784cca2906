#include "auth/authservice.h"

#include "auth/accesscontrol.h"
#include "auth/accountrepository.h"
#include "auth/authtext.h"
#include "auth/loginthrottle.h"
#include "auth/passwordpolicy.h"
#include "auth/pglogin.h"
#include "auth/settingsrepository.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/pgpassword.h"
#include "catalog/sqlhelpers.h"
#include "crypto/cryptoutil.h"
#include "catalog/transactionguard.h"
#include "common/logging.h"

#include <QMutex>
#include <QMutexLocker>
#include <map>
#include <tuple>

namespace cv {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
// Unknown-name failure rows without a running lockout are kept this long.
constexpr qint64 kThrottleKeepMs = 24 * 60 * kMinuteMs;

// Catalog errors reach the log, never the person at the log-in prompt.
Error hidden(const Error &error)
{
    if (error.code != ErrorCode::Database)
        return error;
    qCWarning(lcCatalog).noquote() << "Log-in:" << error.message;
    return makeError(ErrorCode::Database,
                     QStringLiteral("Log-in is not possible right now: the catalog could not be "
                                    "read or written. Ask an administrator to check it."));
}

AuditEvent loginEvent(const QString &name, const QString &host, const QString &program,
                      const QString &action, bool allowed, const QJsonObject &details)
{
    Principal who;
    who.name = name;
    who.host = host;
    who.program = program;
    return who.auditEvent(action, name, allowed, authtext::json(details));
}

Error denied(const QString &message)
{
    return makeError(ErrorCode::PermissionDenied, message);
}

} // namespace

AuthService::AuthService(Database &db) : AuthService(db, Options()) {}

AuthService::AuthService(Database &db, Options options) : m_db(db), m_options(std::move(options))
{
    if (!m_options.clock)
        m_options.clock = systemClock();
}

QString AuthService::wrongCredentialsMessage()
{
    return QStringLiteral("The user name or password is wrong.");
}

QString AuthService::lockedMessage()
{
    return QStringLiteral(
        "Too many failed log-ins: this account is locked for a while. Try again later or ask "
        "an administrator to unlock it.");
}

QString AuthService::wrongCurrentPasswordMessage()
{
    return QStringLiteral("The current password is wrong.");
}

Result<QString> AuthService::hashPassword(const QByteArray &password) const
{
    return crypto::hashPassword(password, m_options.hashParams);
}

void AuthService::dummyVerify(const QByteArray &password) const
{
    // The same scrypt work as a real check, against a hash of the current parameters made
    // once per process.
    static QMutex mutex;
    static std::map<std::tuple<std::uint64_t, std::uint32_t, std::uint32_t>, QString> hashes;
    const auto key =
        std::make_tuple(m_options.hashParams.n, m_options.hashParams.r, m_options.hashParams.p);
    QString hash;
    {
        QMutexLocker lock(&mutex);
        auto it = hashes.find(key);
        if (it == hashes.end()) {
            auto made = crypto::hashPassword(QByteArrayLiteral("callvault-no-such-user"),
                                             m_options.hashParams);
            it = hashes.emplace(key, made ? made.value() : QString()).first;
        }
        hash = it->second;
    }
    (void)crypto::verifyPassword(password, hash);
}

Result<AuthService::Policy> AuthService::lockoutPolicy()
{
    SettingsRepository settings(m_db);
    auto max = settings.integer(Setting::LockoutMaxFailures);
    if (!max)
        return max.error();
    auto minutes = settings.integer(Setting::LockoutMinutes);
    if (!minutes)
        return minutes.error();
    Policy policy;
    policy.maxFailures = static_cast<int>(max.value());
    policy.lockMinutes = static_cast<int>(minutes.value());
    policy.lockMs = minutes.value() * kMinuteMs;
    return policy;
}

Result<Session> AuthService::login(const QString &name, const QByteArray &password,
                                   const QString &host, const QString &program)
{
    if (m_db.serverEnforced())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This catalog checks passwords in the server: log in "
                                        "with PgLogin."));
    auto policy = lockoutPolicy();
    if (!policy)
        return hidden(policy.error());
    const qint64 now = m_options.clock();
    auto found = AccountRepository(m_db).findByName(name); // empty for a name no user can have
    if (!found)
        return hidden(found.error());
    if (!found.value())
        return loginUnknown(name, password, host, program, policy.value());

    const Account account = *found.value();
    const QString auditName = account.name;
    if (account.isLockedAt(now)) {
        dummyVerify(password);
        if (auto a = AuditLog(m_db).append(
                loginEvent(auditName, host, program, QStringLiteral("auth.login"), false,
                           {{QStringLiteral("reason"), QStringLiteral("account locked")}}));
            !a)
            return hidden(a.error());
        return denied(lockedMessage());
    }
    if (account.lockedUntilMs) { // an expired lockout ends now
        TransactionGuard tx(m_db);
        if (!tx.ok())
            return hidden(tx.error());
        if (auto r = AccountRepository(m_db).unlock(account.id); !r)
            return hidden(r.error());
        if (auto a = AuditLog(m_db).append(
                loginEvent(auditName, host, program, QStringLiteral("auth.unlock"), true,
                           {{QStringLiteral("reason"), QStringLiteral("lockout expired")}}));
            !a)
            return hidden(a.error());
        if (auto c = tx.commit(); !c)
            return hidden(c.error());
    }

    const bool passwordOk = crypto::verifyPassword(password, account.passwordHash);
    if (!passwordOk) {
        if (auto r =
                countFailure(account.id, auditName, host, program, QStringLiteral("auth.login"),
                             QStringLiteral("wrong password"), policy.value());
            !r)
            return hidden(r.error());
        return denied(wrongCredentialsMessage());
    }
    if (account.disabled) {
        if (auto a = AuditLog(m_db).append(
                loginEvent(auditName, host, program, QStringLiteral("auth.login"), false,
                           {{QStringLiteral("reason"), QStringLiteral("account disabled")}}));
            !a)
            return hidden(a.error());
        return denied(wrongCredentialsMessage());
    }

    {
        TransactionGuard tx(m_db);
        if (!tx.ok())
            return hidden(tx.error());
        if (auto r = AccountRepository(m_db).recordLogin(account.id, now); !r)
            return hidden(r.error());
        // Hashes made under older, weaker parameters are replaced while the password is
        // at hand (the only moment it is); a failure here must not block the log-in.
        if (crypto::needsRehash(account.passwordHash, m_options.hashParams)) {
            auto stronger = hashPassword(password);
            if (stronger) {
                if (auto r = AccountRepository(m_db).replaceHash(account.id, stronger.value()); !r)
                    return hidden(r.error());
            }
        }
        if (auto a = AuditLog(m_db).append(
                loginEvent(auditName, host, program, QStringLiteral("auth.login"), true,
                           {{QStringLiteral("role"), account.role},
                            {QStringLiteral("mustChangePassword"), account.mustChangePassword}}));
            !a)
            return hidden(a.error());
        if (auto c = tx.commit(); !c)
            return hidden(c.error());
    }
    auto principal = AccessControl(m_db).loadPrincipal(account.id, host, program);
    if (!principal)
        return hidden(principal.error());
    auto idle = SettingsRepository(m_db).integer(Setting::SessionIdleMinutes);
    if (!idle)
        return hidden(idle.error());
    return Session(principal.takeValue(), now, idle.value() * kMinuteMs);
}

Result<Session> AuthService::loginUnknown(const QString &name, const QByteArray &password,
                                          const QString &host, const QString &program,
                                          const Policy &policy)
{
    const qint64 now = m_options.clock();
    LoginThrottle throttle(m_db);
    const QString key = LoginThrottle::keyOf(name);
    auto state = throttle.state(key);
    if (!state)
        return hidden(state.error());
    if (state->lockedUntilMs && *state->lockedUntilMs > now) {
        dummyVerify(password);
        if (auto a = AuditLog(m_db).append(
                loginEvent(name, host, program, QStringLiteral("auth.login"), false,
                           {{QStringLiteral("reason"), QStringLiteral("name locked")}}));
            !a)
            return hidden(a.error());
        return denied(lockedMessage());
    }
    dummyVerify(password);
    TransactionGuard tx(m_db);
    if (!tx.ok())
        return hidden(tx.error());
    if (state->lockedUntilMs) {
        if (auto r = throttle.clear(key); !r)
            return hidden(r.error());
        if (auto a = AuditLog(m_db).append(
                loginEvent(name, host, program, QStringLiteral("auth.unlock"), true,
                           {{QStringLiteral("reason"), QStringLiteral("lockout expired")}}));
            !a)
            return hidden(a.error());
    }
    if (auto r = throttle.prune(now, kThrottleKeepMs); !r)
        return hidden(r.error());
    auto after = throttle.addFailure(key, now, policy.maxFailures, policy.lockMs);
    if (!after)
        return hidden(after.error());
    if (auto a = AuditLog(m_db).append(
            loginEvent(name, host, program, QStringLiteral("auth.login"), false,
                       {{QStringLiteral("reason"), QStringLiteral("unknown user")}}));
        !a)
        return hidden(a.error());
    if (after->lockedUntilMs) {
        if (auto a = AuditLog(m_db).append(
                loginEvent(name, host, program, QStringLiteral("auth.lockout"), false,
                           {{QStringLiteral("failures"), policy.maxFailures},
                            {QStringLiteral("minutes"), policy.lockMinutes}}));
            !a)
            return hidden(a.error());
    }
    if (auto c = tx.commit(); !c)
        return hidden(c.error());
    return denied(wrongCredentialsMessage());
}

Result<void> AuthService::countFailure(qint64 userId, const QString &name, const QString &host,
                                       const QString &program, const QString &action,
                                       const QString &reason, const Policy &policy)
{
    const qint64 now = m_options.clock();
    AccountRepository accounts(m_db);
    TransactionGuard tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto failures = accounts.addFailure(userId);
    if (!failures)
        return failures.error();
    if (auto a = AuditLog(m_db).append(loginEvent(
            name, host, program, action, false,
            {{QStringLiteral("reason"), reason}, {QStringLiteral("failures"), failures.value()}}));
        !a)
        return a.error();
    if (failures.value() >= policy.maxFailures) {
        if (auto r = accounts.lock(userId, now + policy.lockMs); !r)
            return r;
        if (auto a = AuditLog(m_db).append(
                loginEvent(name, host, program, QStringLiteral("auth.lockout"), false,
                           {{QStringLiteral("failures"), failures.value()},
                            {QStringLiteral("minutes"), policy.lockMinutes}}));
            !a)
            return a.error();
    }
    return tx.commit();
}

Result<void> AuthService::checkAlive(Session &session)
{
    if (!session.isActive())
        return denied(QStringLiteral("This session has ended. Log in again."));
    const qint64 now = m_options.clock();
    if (!session.isExpired(now))
        return {};
    session.end();
    const qint64 minutes = session.idleTimeoutMs() / kMinuteMs;
    if (auto a = AuditLog(m_db).append(session.principal().auditEvent(
            QStringLiteral("auth.timeout"), session.principal().name, true,
            authtext::json({{QStringLiteral("idleMinutes"), minutes},
                            {QStringLiteral("lastActivityMs"), session.lastActivityMs()}})));
        !a)
        return hidden(a.error());
    return denied(
        QStringLiteral("The session was locked after %1 minutes without activity. Log in again.")
            .arg(minutes));
}

Result<void> AuthService::resume(Session &session)
{
    if (auto alive = checkAlive(session); !alive)
        return alive;
    if (session.mustChangePassword())
        return denied(QStringLiteral("You must change your password before you continue."));
    session.touch(m_options.clock());
    return {};
}

Result<void> AuthService::changePassword(Session &session, const QByteArray &currentPassword,
                                         const QByteArray &newPassword)
{
    if (m_db.serverEnforced())
        return changePasswordOnServer(session, currentPassword, newPassword);
    if (auto alive = checkAlive(session); !alive)
        return alive;
    const Principal &who = session.principal();
    auto account = AccountRepository(m_db).findById(who.userId);
    if (!account)
        return hidden(account.error());
    if (!account.value() || account.value()->disabled || account.value()->name != who.name)
        return denied(
            QStringLiteral("This account can no longer change its password. Log in again."));
    const Account current = *account.value();
    auto policy = lockoutPolicy();
    if (!policy)
        return hidden(policy.error());
    if (current.isLockedAt(m_options.clock())) {
        // Guessing the current password in an unattended session is a log-in attempt too.
        dummyVerify(currentPassword);
        return denied(lockedMessage());
    }
    if (!crypto::verifyPassword(currentPassword, current.passwordHash)) {
        if (auto r = countFailure(current.id, current.name, who.host, who.program,
                                  QStringLiteral("auth.password_change"),
                                  QStringLiteral("wrong current password"), policy.value());
            !r)
            return hidden(r.error());
        return denied(wrongCurrentPasswordMessage());
    }
    if (auto ok = checkNewPassword(current.name, newPassword); !ok)
        return ok;
    if (crypto::verifyPassword(newPassword, current.passwordHash))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The new password must differ from the current one."));
    auto hash = hashPassword(newPassword);
    if (!hash)
        return hash.error();
    const qint64 now = m_options.clock();
    {
        TransactionGuard tx(m_db);
        if (!tx.ok())
            return hidden(tx.error());
        if (auto r = AccountRepository(m_db).setPassword(current.id, hash.value(), false, now); !r)
            return hidden(r.error());
        if (auto a = AuditLog(m_db).append(who.auditEvent(
                QStringLiteral("auth.password_change"), who.name, true,
                authtext::json({{QStringLiteral("forced"), current.mustChangePassword}})));
            !a)
            return hidden(a.error());
        if (auto c = tx.commit(); !c)
            return hidden(c.error());
    }
    passwordChanged(session, now);
    return {};
}

void AuthService::passwordChanged(Session &session, qint64 nowMs)
{
    Principal updated = session.principal();
    updated.mustChangePassword = false;
    session.setPrincipal(updated);
    session.touch(nowMs);
}

Result<void> AuthService::checkNewPassword(const QString &name, const QByteArray &newPassword)
{
    auto minLength = SettingsRepository(m_db).integer(Setting::PasswordMinLength);
    if (!minLength)
        return hidden(minLength.error());
    return PasswordPolicy::check(newPassword, name, static_cast<int>(minLength.value()));
}

Result<void> AuthService::changePasswordOnServer(Session &session,
                                                 const QByteArray &currentPassword,
                                                 const QByteArray &newPassword)
{
    if (!m_options.pg)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A server-enforced catalog needs AuthService::Options::pg "
                                        "to change passwords."));
    if (auto alive = checkAlive(session); !alive)
        return alive;
    const Principal &who = session.principal();
    // The server knows only the verifier, so the current password is checked the way the
    // server checks it: by connecting with it (a wrong one counts as a failed log-in).
    const PgLogin login(*m_options.pg, m_options.clock);
    if (auto ok = login.checkPassword(who.name, currentPassword, who.host, who.program); !ok) {
        if (ok.error().code == ErrorCode::PermissionDenied &&
            ok.errorMessage() == wrongCredentialsMessage())
            return denied(wrongCurrentPasswordMessage());
        return ok;
    }
    // The length rule is checked here: only a verifier reaches the server.
    if (auto ok = checkNewPassword(who.name, newPassword); !ok)
        return ok;
    if (crypto::constantTimeEquals(newPassword, currentPassword))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The new password must differ from the current one."));
    auto verifier = pgpassword::scramVerifier(m_db.connection(), m_options.pg->loginRoleOf(who.name), newPassword);
    if (!verifier)
        return hidden(verifier.error());
    auto call = sqlhelpers::prepare(m_db, QStringLiteral("SELECT cv_set_password(?, ?, ?)"));
    if (!call)
        return hidden(call.error());
    call->addBindValue(static_cast<qlonglong>(who.userId));
    call->addBindValue(verifier.value());
    call->addBindValue(false);
    if (auto r = sqlhelpers::exec(call.value(), QStringLiteral("Could not change the password"));
        !r)
        return hidden(r.error());
    call->finish();
    passwordChanged(session, m_options.clock());
    return {};
}

Result<void> AuthService::logout(Session &session)
{
    if (!session.isActive())
        return {};
    session.end();
    if (auto a = AuditLog(m_db).append(session.principal().auditEvent(
            QStringLiteral("auth.logout"), session.principal().name, true));
        !a)
        return hidden(a.error());
    return {};
}

} // namespace cv
