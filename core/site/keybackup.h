#pragma once

#include "common/result.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QByteArray>
#include <QString>

namespace cv {

class Database;
struct Principal;

// Writing and restoring passphrase-protected backups of the site private keys. Restoring
// puts them into this machine's key store: `callvaultctl key import` and the workstation's
// first-run wizard. The caller has logged in a user with keys.manage (AccessControl) first.
class KeyBackup final
{
public:
    KeyBackup() = delete;

    // The backup's public keys, if it holds the keys of `site` (no passphrase needed, so a
    // backup of another site is refused before anyone types one).
    static Result<SitePublicKeys> checkBelongsTo(const Site &site, const QByteArray &backupJson);
    // Opens the backup with its passphrase (ErrorCode::WrongPassphrase if it does not).
    static Result<SiteKeys> open(const Site &site, const QByteArray &backupJson,
                                 const QByteArray &backupPassphrase);
    // Saves `keys` into the site's key store on this machine (`localPassphrase` protects a key
    // file; unused for the keychain) and audits 'key.import' as `who` with the backup's file
    // name. Returns the key store's description ("key file /path ...").
    static Result<QString> install(const Site &site, Database &db, const Principal &who,
                                   const SiteKeys &keys, const QByteArray &localPassphrase,
                                   const QString &backupFile);
    // Writes a backup of `keys` protected by `backupPassphrase` to a new file `path` (owner
    // read/write only; refused if it exists) and audits 'key.export' as `who`: `callvaultctl
    // key export` and the workstation's Site keys page, after a keys.manage check.
    static Result<void> write(const Site &site, Database &db, const Principal &who, const SiteKeys &keys,
                              const QByteArray &backupPassphrase, const QString &path);
    // Reads a backup file (at most 1 MiB).
    static Result<QByteArray> read(const QString &path);
};

} // namespace cv
