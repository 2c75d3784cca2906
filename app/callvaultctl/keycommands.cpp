#include "auditsupport.h"
#include "commands.h"
#include "ctllogin.h"

#include "catalog/database.h"
#include "crypto/cryptoutil.h"
#include "site/keybackup.h"

#include <QFile>

namespace ctl {

namespace {

QCommandLineOption backupPassphraseOption()
{
    return QCommandLineOption(QStringLiteral("backup-passphrase-file"),
                              QStringLiteral("File whose first line is the backup's passphrase (else $CALLVAULT_BACKUP_PASSPHRASE, else a prompt)."),
                              QStringLiteral("FILE"));
}

cv::Result<QByteArray> readBackupPassphrase(const QCommandLineParser &p, bool confirm)
{
    return readSecret(p, QStringLiteral("backup-passphrase-file"), "CALLVAULT_BACKUP_PASSPHRASE",
                      QStringLiteral("Backup passphrase"), confirm);
}

int fingerprint(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(siteOption());
    int code = 0;
    if (!parse(p, args, QStringLiteral("Print the site public key fingerprint."), &code))
        return code;
    auto site = cv::Site::open(siteDirectory(p));
    if (!site)
        return fail(site.error());
    out(site->config().publicKeys.fingerprint());
    return kExitOk;
}

int exportKeys(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    p.addOption(backupPassphraseOption());
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Write a passphrase-protected backup of the site private keys "
                                    "(needs keys.manage)."),
                     {QStringLiteral("FILE")}, &code))
        return code;
    const QString path = p.positionalArguments().first();
    if (QFile::exists(path)) // before anyone is asked for a password
        return fail(QStringLiteral("%1 already exists; choose a new file name.").arg(path));
    auto in = loginFor(p, {cv::Permission::KeysManage}, QStringLiteral("key.export"));
    if (!in)
        return fail(in.error());
    const cv::Site &site = *in->opened.site;
    auto keys = unlockSiteKeys(p, site);
    if (!keys)
        return fail(keys.error());
    auto passphrase = readBackupPassphrase(p, true);
    if (!passphrase)
        return fail(passphrase.error());
    auto written = cv::KeyBackup::write(site, in->db(), in->principal(), keys.value(), passphrase.value(), path);
    cv::crypto::secureZero(passphrase.value());
    if (!written)
        return fail(written.error());
    checkpointAuditIfDue(in->db(), site, keys.value());
    out(QStringLiteral("Wrote key backup %1 (%2)").arg(path, site.config().publicKeys.fingerprint()));
    return kExitOk;
}

int importKeys(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    p.addOption(backupPassphraseOption());
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Restore the site private keys from a backup (made by `key "
                                    "export`) into this machine's key store (needs keys.manage)."),
                     {QStringLiteral("FILE")}, &code))
        return code;
    // The log-in needs only the catalog, so it works on a machine that lost its keys.
    auto in = loginFor(p, {cv::Permission::KeysManage}, QStringLiteral("key.import"));
    if (!in)
        return fail(in.error());
    const cv::Site &site = *in->opened.site;
    const QString path = p.positionalArguments().first();
    auto json = cv::KeyBackup::read(path);
    if (!json)
        return fail(json.error());
    if (auto belongs = cv::KeyBackup::checkBelongsTo(site, json.value()); !belongs)
        return fail(belongs.error());
    auto backupPassphrase = readBackupPassphrase(p, false);
    if (!backupPassphrase)
        return fail(backupPassphrase.error());
    auto keys = cv::KeyBackup::open(site, json.value(), backupPassphrase.value());
    cv::crypto::secureZero(backupPassphrase.value());
    if (!keys)
        return fail(keys.error());
    QByteArray passphrase;
    if (site.config().keyBackend == cv::KeyStore::Backend::KeyFile) {
        auto read = readPassphrase(p, true);
        if (!read)
            return fail(read.error());
        passphrase = read.value();
    }
    auto installed = cv::KeyBackup::install(site, in->db(), in->principal(), keys.value(), passphrase, path);
    cv::crypto::secureZero(passphrase);
    if (!installed)
        return fail(installed.error());
    out(QStringLiteral("Restored site keys %1 into %2").arg(site.config().publicKeys.fingerprint(), installed.value()));
    return kExitOk;
}

} // namespace

int runKey(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("fingerprint"), fingerprint},
                     {QStringLiteral("export"), exportKeys},
                     {QStringLiteral("import"), importKeys}},
                    QStringLiteral("Usage: callvaultctl key fingerprint|export FILE|import FILE [--site DIR]\n"
                                   "(export and import act as a user with keys.manage: --user NAME; "
                                   "callvaultctl key COMMAND --help for details)"));
}

} // namespace ctl
