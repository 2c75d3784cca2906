#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QList>
#include <QPair>
#include <QString>
#include <QUuid>

#include <memory>

namespace cv {
class Database;
}

// Shared plumbing of the callvaultctl commands: option parsing conventions, where secrets
// come from, opening the site, printing. Exit codes: 0 ok, 1 failure, 2 usage error.
namespace ctl {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

void out(const QString &line);
void err(const QString &line);
int fail(const cv::Error &error);
int fail(const QString &message);
int usageError(const QString &message, const QString &command);

// Parses `args` (the command name first); handles --help. Returns false with `exitCode` set
// when the command should stop (help shown or bad usage).
bool parse(QCommandLineParser &parser, const QStringList &args, const QString &description, int *exitCode);

QCommandLineOption siteOption();
QCommandLineOption passphraseFileOption();
QString siteDirectory(const QCommandLineParser &parser);

// A secret from, in order: the file named by `fileOption`, the environment variable, or a
// prompt on the terminal (twice when `confirm`). Fails when none is possible.
cv::Result<QByteArray> readSecret(const QCommandLineParser &parser, const QString &fileOption, const char *envVar,
                                  const QString &prompt, bool confirm);
cv::Result<QByteArray> readPassphrase(const QCommandLineParser &parser, bool forKeyFile);

struct OpenSite
{
    std::unique_ptr<cv::Site> site;
    std::unique_ptr<cv::Database> db;
};
// Opens the site and its catalog. A site whose PostgreSQL catalog checks every user in the
// server (docs/postgres-security.md) needs a log-in first: then --user / $CALLVAULT_USER and
// the password (ctllogin.h: addLoginOptions()) are used, and the server decides what the
// command may do.
cv::Result<OpenSite> openSite(const QCommandLineParser &parser);
// This machine's key store of the site (the key-file passphrase read as readPassphrase()
// does), having said on stderr which one it is.
cv::Result<std::unique_ptr<cv::KeyStore>> openKeyStore(const QCommandLineParser &parser, const cv::Site &site);
// Loads the site private keys from this machine's key store, saying which one it used.
cv::Result<cv::SiteKeys> unlockSiteKeys(const QCommandLineParser &parser, const cv::Site &site);

// The site, its catalog and its private keys: what reading recordings needs.
struct UnlockedSite
{
    OpenSite opened;
    cv::SiteKeys keys;
    const cv::Site &site() const { return *opened.site; }
    cv::Database &db() const { return *opened.db; }
};
cv::Result<UnlockedSite> openUnlockedSite(const QCommandLineParser &parser);

// Who did it, for the audit trail, in the commands that do not log in yet (import, list,
// export, verify, recover, demo, key fingerprint): the OS user who can open the site.
cv::AuditEvent auditBase();

QString formatDuration(qint64 ms);

// A recording id as `list` and `search` print it (a UUID); InvalidArgument otherwise.
cv::Result<QUuid> parseRecordingId(const QString &text);

// Runs a sub-command group: args = {"user", "add", ...}; `table` maps sub-command names to
// functions taking {"user add", ...}.
using SubCommand = int (*)(const QStringList &args);
int dispatch(const QStringList &args, const QList<QPair<QString, SubCommand>> &table,
             const QString &usage);


} // namespace ctl
