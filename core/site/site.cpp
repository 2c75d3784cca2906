#include "site.h"

#include "catalog/database.h"
#include "site/keychainkeystore.h"
#include "site/keyfilekeystore.h"
#include "store/durablefile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace cv {

Site::Site(QString dir, SiteConfig config) : m_dir(std::move(dir)), m_config(std::move(config)) {}

QString Site::defaultDirectory()
{
    const QString env = qEnvironmentVariable("CALLVAULT_SITE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/CallVault/site");
}

Result<Site> Site::open(const QString &dir)
{
    const QString path = QDir(dir).filePath(siteFileName());
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("No CallVault site in %1 (no site.json). Create one with: callvaultctl init --site %1")
                             .arg(QDir::toNativeSeparators(dir)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    auto config = SiteConfig::fromJson(file.read(1024 * 1024));
    if (!config)
        return config.error();
    return Site(QDir(dir).absolutePath(), config.takeValue());
}

QString Site::keyFilePath() const
{
    return QDir(m_dir).filePath(keyFileName());
}

Result<CatalogConfig> Site::catalogConfig() const
{
    if (m_config.catalogKind == QLatin1String("postgres"))
        return CatalogConfig::fromPgUrl(m_config.catalogLocation);
    return CatalogConfig::sqlite(layout().absolutePath(m_config.catalogLocation));
}

PgLoginTarget Site::pgLoginTarget() const
{
    PgLoginTarget target;
    target.url = m_config.catalogLocation;
    target.rolePrefix = m_config.pgRolePrefix;
    target.gatePassword = m_config.pgGatePassword.toUtf8();
    return target;
}

Result<std::unique_ptr<Database>> Site::openCatalog() const
{
    if (isServerEnforced())
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("The catalog of this site checks every user in the "
                                        "PostgreSQL server: log in as a CallVault user first."));
    auto config = catalogConfig();
    if (!config)
        return config.error();
    auto db = Database::open(config.value());
    if (!db)
        return db.error();
    if (auto migrated = db.value()->migrate(); !migrated)
        return migrated.error();
    return db;
}

std::unique_ptr<KeyStore> Site::keyStore(const QByteArray &passphrase) const
{
    if (m_config.keyBackend == KeyStore::Backend::Keychain)
        return std::make_unique<KeychainKeyStore>(m_config.siteId);
    return std::make_unique<KeyFileKeyStore>(keyFilePath(), m_config.siteId, passphrase);
}

Result<void> Site::setEncryptionPublicKey(const QByteArray &x25519Public)
{
    if (x25519Public.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("An X25519 public key has 32 bytes."));
    SiteConfig updated = m_config;
    updated.publicKeys.encryption = x25519Public;
    if (auto written = durable::writeFileAtomically(QDir(m_dir).filePath(siteFileName()), updated.toJson()); !written)
        return written.error();
    m_config = updated;
    return {};
}

} // namespace cv
