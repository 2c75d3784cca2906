#pragma once

#include "auth/authservice.h"
#include "auth/permission.h"
#include "auth/session.h"
#include "catalog/database.h"
#include "ctlsupport.h"

#include <QCommandLineParser>
#include <QString>
#include <QVector>
#include <memory>

// Commands that act as a CallVault user (user, team, role, setting, tag, bookmark, search,
// audit, key export/import): --user NAME (else
// $CALLVAULT_USER) with the password from --password-file, $CALLVAULT_PASSWORD or a prompt
// on a terminal. The log-in goes through cv::AuthService and every operation through the
// same core checks as the workstation (cv::AccessControl), all audited.
namespace ctl {

// --site, --user, --password-file.
void addLoginOptions(QCommandLineParser &parser);

// Adds the log-in options and `positional` names, parses `args` (exactly that many
// positional arguments, or at least that many unless `exact`). False with `*code` set when
// the command should stop (help shown or a usage error).
bool parseAsUser(QCommandLineParser &parser, const QStringList &args, const QString &description,
                 const QStringList &positional, int *code, bool exact = true);

struct LoggedIn
{
    OpenSite opened;
    std::unique_ptr<cv::AuthService> auth;
    cv::Session session;

    cv::Database &db() const { return *opened.db; }
    const cv::Principal &principal() const { return session.principal(); }
};

// Opens the site and logs in. Unless `allowPasswordChange`, a user who must change their
// password is stopped with a hint to `callvaultctl user passwd`. With `password` the
// password read is handed back (for a password change) instead of being zeroed.
cv::Result<LoggedIn> login(const QCommandLineParser &parser, bool allowPasswordChange = false,
                           QByteArray *password = nullptr);

// login(), then one of `permissions` on the site (cv::AccessControl::requireAny; a refusal
// is audited as `action` with the site id as target). For commands whose whole job needs one
// permission (audit, key export/import): checked before any private key is unlocked, so a
// refused person is never asked for the key passphrase.
cv::Result<LoggedIn> loginFor(const QCommandLineParser &parser,
                              const QVector<cv::Permission> &permissions, const QString &action);

// A new password from --new-password-file, $CALLVAULT_NEW_PASSWORD or a prompt (twice).
cv::Result<QByteArray> readNewPassword(const QCommandLineParser &parser, const QString &prompt);
QCommandLineOption newPasswordFileOption();

} // namespace ctl
