#pragma once

#include "auth/authservice.h"
#include "auth/clock.h"
#include "auth/session.h"
#include "catalog/database.h"
#include "common/result.h"
#include "crypto/scrypt.h"
#include "site/site.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace cv {

// A site a user has logged in to: what every program that acts as a CallVault user holds
// (callvaultctl's user commands, the workstation).
struct LoggedInSite
{
    std::unique_ptr<Site> site;
    std::unique_ptr<Database> db; // as the user's own login role on a server-enforced catalog
    std::unique_ptr<AuthService> auth;
    Session session;
};

// How SiteLogin logs in (outside the class: a default argument cannot use a nested class's
// member initializers).
struct SiteLoginOptions
{
    Clock clock = systemClock();     // lockout and idle timeouts; tests move it
    crypto::ScryptParams hashParams; // for password changes (AuthService::Options)
};

// The one log-in path for a site, whatever its catalog:
// - SQLite, or PostgreSQL reached as its owner: AuthService checks the password;
// - a server-enforced PostgreSQL catalog (Site::isServerEnforced()): PgLogin connects as
//   the user's own login role and the server checks the password and keeps the lockout.
// Either way the audit rows (auth.login, auth.lockout...) are written by core.
class SiteLogin final
{
public:
    using Options = SiteLoginOptions;

    // What a log-in failure means for the person at the prompt, so that a program can show
    // its own (translated) text without comparing messages itself.
    enum class Failure : int {
        None = 0,
        WrongCredentials = 1, // unknown name, wrong password or disabled account
        Locked = 2,           // too many failures: lockout.max_failures
        CatalogUnavailable = 3,
        Other = 4, // e.g. a catalog with a newer schema: the message says what to do
        WrongCurrentPassword = 5, // a password change with a wrong current password
    };

    static Result<LoggedInSite> login(Site site, const QString &name, const QByteArray &password,
                                      const QString &host, const QString &program,
                                      const Options &options = Options());
    // Logs the same user in again after the session timed out (the idle lock), keeping the
    // site's catalog connection so that what the program built on it stays valid. The
    // password is checked, and the log-in audited and counted towards the lockout, exactly
    // as by login(). On success `in.session` is the new session.
    static Result<void> relogin(LoggedInSite &in, const QByteArray &password,
                                const Options &options = Options());

    static Failure classify(const Error &error);
};

} // namespace cv
