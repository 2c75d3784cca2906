#pragma once

#include "catalog/catalogconfig.h"
#include "catalog/pglogintarget.h"
#include "common/result.h"
#include "site/keystore.h"
#include "site/siteconfig.h"
#include "store/storagelayout.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cv {

class Database;

// An initialized site directory (docs/architecture.md, "Site directory"):
//   site.json  catalog.sqlite  site-key.json (key-file backend)  spool/  hot/
class Site final
{
public:
    static Result<Site> open(const QString &dir);
    // The default site directory: $CALLVAULT_SITE, else the user's data dir + "/site".
    static QString defaultDirectory();

    const SiteConfig &config() const { return m_config; }
    QString directory() const { return m_dir; }
    StorageLayout layout() const { return StorageLayout{m_dir}; }
    QString keyFilePath() const;

    Result<CatalogConfig> catalogConfig() const;
    // A PostgreSQL catalog set up by `callvaultctl init --pg`, where every user logs in as
    // their own login role (PgLogin) and the server enforces the rules.
    bool isServerEnforced() const { return !m_config.pgRolePrefix.isEmpty(); }
    PgLoginTarget pgLoginTarget() const;
    Result<std::unique_ptr<Database>> openCatalog() const; // migrated to the latest schema
    // The key store configured for this site; `passphrase` is used by the key-file backend.
    std::unique_ptr<KeyStore> keyStore(const QByteArray &passphrase) const;

    // After a key rotation: the site's new X25519 public key, written to site.json (atomically)
    // and used from now on by everything that wraps data keys on this machine.
    Result<void> setEncryptionPublicKey(const QByteArray &x25519Public);

    static QString siteFileName() { return QStringLiteral("site.json"); }
    static QString keyFileName() { return QStringLiteral("site-key.json"); }

private:
    Site(QString dir, SiteConfig config);
    QString m_dir;
    SiteConfig m_config;
};

} // namespace cv
