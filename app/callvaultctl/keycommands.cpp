#include "auditsupport.h"
#include "commands.h"
#include "ctlsupport.h"

#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "crypto/cryptoutil.h"
#include "site/protectedkeyfile.h"
#include "store/durablefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

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

void audit(cv::Database &db, const QString &action, const cv::Site &site, const QString &file)
{
    cv::AuditEvent e = auditBase();
    e.action = action;
    e.target = site.config().siteId.toString(QUuid::WithoutBraces);
    e.details = QString::fromUtf8(QJsonDocument(QJsonObject{
        {QStringLiteral("keyId"), QString::fromLatin1(site.config().publicKeys.keyId().toHex())},
        {QStringLiteral("file"), file},
    }).toJson(QJsonDocument::Compact));
    if (auto r = cv::AuditLog(db).append(e); !r)
        err(QStringLiteral("warning: could not write the audit row: %1").arg(r.errorMessage()));
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
    p.addOption(siteOption());
    p.addOption(passphraseFileOption());
    p.addOption(backupPassphraseOption());
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Backup file to create."));
    int code = 0;
    if (!parse(p, args, QStringLiteral("Write a passphrase-protected backup of the site private keys."), &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give the backup file name"), args.first());
    const QString path = p.positionalArguments().first();
    if (QFile::exists(path))
        return fail(QStringLiteral("%1 already exists; choose a new file name.").arg(path));
    auto unlocked = openUnlockedSite(p);
    if (!unlocked)
        return fail(unlocked.error());
    auto passphrase = readBackupPassphrase(p, true);
    if (!passphrase)
        return fail(passphrase.error());
    auto json = cv::ProtectedKeyFile::seal(unlocked->keys, unlocked->site().config().siteId, passphrase.value());
    cv::crypto::secureZero(passphrase.value());
    if (!json)
        return fail(json.error());
    if (auto written = cv::durable::writeFileAtomically(path, json.value()); !written)
        return fail(written.error());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    audit(unlocked->db(), QStringLiteral("key.export"), unlocked->site(), path);
    checkpointAuditIfDue(unlocked->db(), unlocked->site(), unlocked->keys);
    out(QStringLiteral("Wrote key backup %1 (%2)").arg(path, unlocked->site().config().publicKeys.fingerprint()));
    return kExitOk;
}

int importKeys(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(siteOption());
    p.addOption(passphraseFileOption());
    p.addOption(backupPassphraseOption());
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Backup made by `key export`."));
    int code = 0;
    if (!parse(p, args, QStringLiteral("Restore the site private keys from a backup into this machine's key store."), &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give the backup file"), args.first());
    auto opened = openSite(p);
    if (!opened)
        return fail(opened.error());
    const cv::Site &site = *opened->site;
    QFile file(p.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Could not read %1: %2.").arg(file.fileName(), file.errorString()));
    const QByteArray json = file.read(1024 * 1024);
    auto publicKeys = cv::ProtectedKeyFile::peek(json);
    if (!publicKeys)
        return fail(publicKeys.error());
    if (publicKeys->keyId() != site.config().publicKeys.keyId())
        return fail(QStringLiteral("This backup holds key %1, but the site uses %2; it belongs to another site.")
                        .arg(publicKeys->fingerprint(), site.config().publicKeys.fingerprint()));
    auto backupPassphrase = readBackupPassphrase(p, false);
    if (!backupPassphrase)
        return fail(backupPassphrase.error());
    auto keys = cv::ProtectedKeyFile::open(json, backupPassphrase.value());
    if (!keys)
        return fail(keys.error());
    QByteArray passphrase;
    if (site.config().keyBackend == cv::KeyStore::Backend::KeyFile) {
        auto read = readPassphrase(p, true);
        if (!read)
            return fail(read.error());
        passphrase = read.value();
    }
    const auto store = site.keyStore(passphrase);
    if (auto saved = store->save(keys.value()); !saved)
        return fail(saved.error());
    audit(*opened->db, QStringLiteral("key.import"), site, file.fileName());
    out(QStringLiteral("Restored site keys %1 into %2").arg(site.config().publicKeys.fingerprint(), store->describe()));
    return kExitOk;
}

} // namespace

int runKey(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("fingerprint"), fingerprint},
                     {QStringLiteral("export"), exportKeys},
                     {QStringLiteral("import"), importKeys}},
                    QStringLiteral("Usage: callvaultctl key fingerprint|export FILE|import FILE [--site DIR]"));
}

} // namespace ctl
