#pragma once

#include "auth/clock.h"
#include "auth/session.h"
#include "catalog/pglogintarget.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace cv {

class Database;

// Log-in to a server-enforced PostgreSQL catalog (docs/postgres-security.md, "Log-in"):
// PostgreSQL checks the password (SCRAM-SHA-256 over TLS) when the program connects as the
// user's login role, and the server functions keep the lockout:
//   1. connect as the user's role; on success cv_login_succeeded() resets the failure count
//      and audits the log-in (or refuses a disabled or locked account);
//   2. when the connection is refused, connect as the gate role and report the failure with
//      cv_login_failed(): it counts it (unknown names too), locks the role (NOLOGIN) after
//      lockout.max_failures, and answers 'retry' once when an expired lockout has just been
//      lifted, so step 1 runs once more.
// The answers are AuthService's: one message for an unknown name, a wrong password and a
// disabled account; catalog trouble is reported without database text.
class PgLogin final
{
public:
    struct LoggedIn
    {
        std::unique_ptr<Database> db; // connected as the user's login role
        Session session;
    };

    explicit PgLogin(PgLoginTarget target, Clock clock = systemClock());

    Result<LoggedIn> login(const QString &name, const QByteArray &password, const QString &host,
                           const QString &program) const;
    // Whether `password` is `name`'s password, by connecting with it; a wrong one counts as
    // a failed log-in (PermissionDenied with AuthService's messages).
    Result<void> checkPassword(const QString &name, const QByteArray &password,
                               const QString &host, const QString &program) const;

    const PgLoginTarget &target() const { return m_target; }

private:
    // Connects as `name`'s role; on refusal reports the failure through the gate.
    Result<std::unique_ptr<Database>> connectAs(const QString &name, const QByteArray &password,
                                                const QString &host, const QString &program) const;
    // cv_login_failed(): "wrong", "locked" or "retry".
    Result<QString> reportFailure(const QString &name, const QString &host,
                                  const QString &program) const;

    PgLoginTarget m_target;
    Clock m_clock;
};

} // namespace cv
