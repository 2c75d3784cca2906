#include "auditsupport.h"
#include "commands.h"
#include "ctllogin.h"

#include "catalog/database.h"
#include "crypto/cryptoutil.h"
#include "site/keybackup.h"
#include "crypto/keywrap.h"
#include "site/sitekeyrotation.h"

#include <QDateTime>
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

QString shortKeyId(const QString &hexKeyId)
{
    return hexKeyId.left(16);
}

void printStatus(const cv::KeyRotationStatus &status)
{
    out(QStringLiteral("Current encryption key id: %1").arg(status.currentKeyId));
    out(QStringLiteral("Data keys: %1, on the current key: %2, still on older keys: %3")
            .arg(status.total())
            .arg(status.usage.value(status.currentKeyId))
            .arg(status.notOnCurrentKey()));
    if (!status.latest) {
        out(QStringLiteral("No key rotation yet."));
        return;
    }
    const cv::KeyRotationRow &r = *status.latest;
    const QString started = QDateTime::fromMSecsSinceEpoch(r.startedAtMs, Qt::UTC).toString(Qt::ISODate);
    if (r.running) {
        out(QStringLiteral("Rotation %1 RUNNING since %2 (started by %3): %4 re-wrapped so far; "
                           "run `callvaultctl key rotate` to resume.")
                .arg(r.id)
                .arg(started, r.startedBy)
                .arg(r.rewrapped));
        return;
    }
    out(QStringLiteral("Rotation %1 finished %2 (started %3 by %4): %5 re-wrapped, %6 -> %7, record signature %8")
            .arg(r.id)
            .arg(QDateTime::fromMSecsSinceEpoch(r.finishedAtMs.value_or(0), Qt::UTC).toString(Qt::ISODate), started,
                 r.startedBy)
            .arg(r.rewrapped)
            .arg(shortKeyId(r.oldKeyId), shortKeyId(r.newKeyId),
                 status.latestSignatureValid ? QStringLiteral("VALID") : QStringLiteral("INVALID")));
}

int rotateKeys(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    p.addOption({QStringLiteral("status"), QStringLiteral("Only show where the keys stand.")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("Data keys re-wrapped per transaction (default %1).")
                                              .arg(cv::SiteKeyRotation::kDefaultBatchSize),
                 QStringLiteral("N")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Rotate the site encryption key: make a new one and re-wrap every "
                                    "recording's data key to it (the audio is not rewritten). Stopped or "
                                    "interrupted, it resumes when run again. Needs keys.manage."),
                     {}, &code))
        return code;
    bool batchOk = true;
    const int batch = p.isSet(QStringLiteral("batch")) ? p.value(QStringLiteral("batch")).toInt(&batchOk)
                                                        : cv::SiteKeyRotation::kDefaultBatchSize;
    if (!batchOk || batch < 1 || batch > 1000)
        return usageError(QStringLiteral("--batch takes a number from 1 to 1000."), QStringLiteral("key rotate"));
    auto in = loginFor(p, {cv::Permission::KeysManage}, QStringLiteral("key.rotate"));
    if (!in)
        return fail(in.error());
    cv::Site &site = *in->opened.site;
    const QUuid siteId = site.config().siteId;
    cv::SiteKeyRotation rotation(in->db(), in->principal());
    auto status = rotation.status(siteId, site.config().publicKeys.signing);
    if (!status)
        return fail(status.error());
    if (p.isSet(QStringLiteral("status"))) {
        printStatus(status.value());
        return kExitOk;
    }
    auto store = openKeyStore(p, site);
    if (!store)
        return fail(store.error());
    auto keys = store.value()->load();
    if (!keys)
        return fail(keys.error());
    if (status->running()) {
        out(QStringLiteral("Resuming rotation %1 (%2 data keys to go).").arg(status->latest->id).arg(status->notOnCurrentKey()));
    } else if (status->notOnCurrentKey() > 0
               && status->currentKeyId == QString::fromLatin1(cv::crypto::siteKeyId(keys->encryption.publicKey()).toHex())) {
        // Late recordings (a capture node that was offline) still on a retired key: finish
        // them first; the next run starts a new rotation.
        out(QStringLiteral("Re-wrapping %1 data keys still on retired keys.").arg(status->notOnCurrentKey()));
    } else {
        auto started = rotation.start(site, *store.value(), keys.value());
        if (!started)
            return fail(started.error());
        out(QStringLiteral("Started rotation %1: new encryption key %2 (the old one stays in the key store as "
                           "retired until `callvaultctl key destroy-retired`).")
                .arg(started->id)
                .arg(site.config().publicKeys.fingerprint()));
    }
    qint64 lastShown = -1;
    auto outcome = rotation.run(siteId, keys.value(), [&](qint64 done, qint64 total) {
        if (done == total || done - lastShown >= 1000) {
            err(QStringLiteral("re-wrapped %1 of %2").arg(done).arg(total));
            lastShown = done;
        }
    }, nullptr, batch);
    if (!outcome)
        return fail(outcome.error());
    for (const QString &problem : outcome->problems)
        err(QStringLiteral("skipped %1").arg(problem));
    if (outcome->finished)
        out(QStringLiteral("Rotation finished: %1 data keys re-wrapped; the record is signed with the site key.")
                .arg(outcome->rewrapped));
    else
        out(QStringLiteral("%1 data keys re-wrapped, %2 skipped, %3 still on older keys.")
                .arg(outcome->rewrapped)
                .arg(outcome->skipped)
                .arg(outcome->remaining));
    if (outcome->remaining > 0)
        return fail(QStringLiteral("Not every data key is on the new key yet: %1 skipped (see above). Import a "
                                   "key backup that holds their key, then run `callvaultctl key rotate` again.")
                        .arg(outcome->skipped));
    checkpointAuditIfDue(in->db(), site, keys.value());
    return kExitOk;
}

int destroyRetired(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Destroy the retired encryption keys kept in this machine's key store "
                                    "after a rotation; refused while any data key still needs one. Needs "
                                    "keys.manage."),
                     {}, &code))
        return code;
    auto in = loginFor(p, {cv::Permission::KeysManage}, QStringLiteral("key.retired.destroy"));
    if (!in)
        return fail(in.error());
    const cv::Site &site = *in->opened.site;
    auto store = openKeyStore(p, site);
    if (!store)
        return fail(store.error());
    auto keys = store.value()->load();
    if (!keys)
        return fail(keys.error());
    auto destroyed = cv::SiteKeyRotation(in->db(), in->principal())
                         .destroyRetiredKeys(site.config().siteId, *store.value(), keys.value());
    if (!destroyed)
        return fail(destroyed.error());
    out(QStringLiteral("Destroyed %1 retired encryption keys in %2.").arg(destroyed.value()).arg(store.value()->describe()));
    return kExitOk;
}

} // namespace

int runKey(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("fingerprint"), fingerprint},
                     {QStringLiteral("export"), exportKeys},
                     {QStringLiteral("import"), importKeys},
                     {QStringLiteral("rotate"), rotateKeys},
                     {QStringLiteral("destroy-retired"), destroyRetired}},
                    QStringLiteral("Usage: callvaultctl key fingerprint|export FILE|import FILE|rotate [--status]|"
                                   "destroy-retired [--site DIR]\n"
                                   "(all but fingerprint act as a user with keys.manage: --user NAME; "
                                   "callvaultctl key COMMAND --help for details)"));
}

} // namespace ctl
