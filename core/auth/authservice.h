#pragma once

#include "auth/clock.h"
#include "auth/session.h"
#include "catalog/pglogintarget.h"
#include "common/result.h"
#include "crypto/scrypt.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cv {

class Database;

// Log-in, password changes, idle timeout and log-out for CallVault's own users (SQLite
// mode, and the app side of PostgreSQL mode).
//
// - Passwords are scrypt hashes ("$scrypt$ln=..,r=..,p=..$salt$hash"); new hashes use
//   Options::hashParams (OWASP N=2^17, r=8, p=1 by default), and a stored hash verifies
//   with the parameters it names.
// - One message for an unknown name, a wrong password and a disabled account
//   (wrongCredentialsMessage()), and an unknown name costs the same scrypt work as a
//   known one, so neither the text nor the timing tells whether a name exists.
// - lockout.max_failures failed log-ins in a row lock the account for lockout.minutes
//   (audited 'auth.lockout'); a locked account gets lockedMessage(), whatever password is
//   given. Unknown names are counted and locked the same way (LoginThrottle), so the
//   lockout does not reveal names either. An expired lockout ends at the next attempt
//   (audited 'auth.unlock'); an admin ends one earlier with UserAdmin::unlock().
// - Audited: 'auth.login' (allowed or denied, with the reason in the details),
//   'auth.lockout', 'auth.unlock', 'auth.password_change', 'auth.timeout', 'auth.logout'.
// - Errors never carry database text: a catalog failure during log-in is reported as
//   such, without details.
class AuthService final
{
public:
    struct Options
    {
        Clock clock = systemClock();
        crypto::ScryptParams hashParams; // for new hashes
        // Set for a server-enforced PostgreSQL catalog (PgLogin logs in there): passwords
        // are then the login roles' SCRAM verifiers, changed through cv_set_password().
        std::optional<PgLoginTarget> pg;
    };

    explicit AuthService(Database &db);
    AuthService(Database &db, Options options);

    static QString wrongCredentialsMessage();
    static QString lockedMessage();
    // changePassword() with a wrong current password (PermissionDenied).
    static QString wrongCurrentPasswordMessage();

    // ErrorCode::PermissionDenied with wrongCredentialsMessage() or lockedMessage();
    // ErrorCode::Database without details when the catalog fails. Not for server-enforced
    // catalogs (ErrorCode::Unsupported): PgLogin logs in there.
    Result<Session> login(const QString &name, const QByteArray &password, const QString &host,
                          const QString &program);
    // Call before acting for the session: refuses an ended or idle session (writing
    // 'auth.timeout' when it notices the idle timeout, and ending it) and a session that
    // must change its password first; otherwise records the activity.
    Result<void> resume(Session &session);
    // Needs the current password; the new one must pass PasswordPolicy and differ from the
    // current one. Clears mustChangePassword. A wrong current password counts as a failed
    // log-in.
    Result<void> changePassword(Session &session, const QByteArray &currentPassword,
                                const QByteArray &newPassword);
    Result<void> logout(Session &session);

    // A hash of `password` with Options::hashParams (for UserAdmin).
    Result<QString> hashPassword(const QByteArray &password) const;
    qint64 now() const { return m_options.clock(); }
    // Options::pg: set when passwords live in the PostgreSQL server.
    const std::optional<PgLoginTarget> &serverLogin() const { return m_options.pg; }

private:
    struct Policy
    {
        int maxFailures = 10;
        qint64 lockMs = 30 * 60 * 1000;
        int lockMinutes = 30;
    };
    Result<Policy> lockoutPolicy();
    Result<void> checkAlive(Session &session);
    Result<Session> loginUnknown(const QString &name, const QByteArray &password,
                                 const QString &host, const QString &program, const Policy &policy);
    // Counts a failed attempt for the user; audits 'auth.lockout' when it locks.
    Result<void> countFailure(qint64 userId, const QString &name, const QString &host,
                              const QString &program, const QString &action, const QString &reason,
                              const Policy &policy);
    void dummyVerify(const QByteArray &password) const;
    Result<void> changePasswordOnServer(Session &session, const QByteArray &currentPassword,
                                        const QByteArray &newPassword);
    Result<void> checkNewPassword(const QString &name, const QByteArray &newPassword);
    // The session after a password change: no longer forced to change it, and active now.
    static void passwordChanged(Session &session, qint64 nowMs);

    Database &m_db;
    Options m_options;
};

} // namespace cv
