#include "siteinitializer.h"

#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/pgsecurityprovisioner.h"
#include "catalog/siterepository.h"
#include "catalog/transactionguard.h"
#include "catalog/userrepository.h"
#include "site/keychainkeystore.h"
#include "site/keyfilekeystore.h"
#include "store/durablefile.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

namespace {

Result<std::unique_ptr<KeyStore>> chooseKeyStore(const SiteInitializer::Options &o, const QUuid &siteId,
                                                 const QString &keyFile)
{
    using Choice = SiteInitializer::KeyBackendChoice;
    if (o.backend != Choice::File) {
        QString why;
        if (KeychainKeyStore::isAvailable(&why))
            return std::unique_ptr<KeyStore>(std::make_unique<KeychainKeyStore>(siteId));
        if (o.backend == Choice::Keychain)
            return makeError(ErrorCode::KeyUnavailable, QStringLiteral("No OS keychain is available here: %1.").arg(why));
        if (o.passphrase.isEmpty())
            return makeError(ErrorCode::KeyUnavailable,
                             QStringLiteral("No OS keychain is available here (%1). The site keys will go into a "
                                            "passphrase-protected key file: give the passphrase with --passphrase-file "
                                            "or CALLVAULT_PASSPHRASE.")
                                 .arg(why));
    } else if (o.passphrase.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A key file needs a passphrase: give it with --passphrase-file or CALLVAULT_PASSPHRASE."));
    }
    return std::unique_ptr<KeyStore>(std::make_unique<KeyFileKeyStore>(keyFile, siteId, o.passphrase, o.keyFileParams));
}

// Removes what a failed initialization created, newest first.
class Rollback final
{
public:
    ~Rollback()
    {
        if (m_committed)
            return;
        if (m_keyStore)
            (void)m_keyStore->remove();
        for (auto it = m_files.crbegin(); it != m_files.crend(); ++it)
            QFile::remove(*it);
        for (auto it = m_dirs.crbegin(); it != m_dirs.crend(); ++it)
            QDir().rmdir(*it);
    }
    void addFile(const QString &path) { m_files << path; }
    void addDir(const QString &path) { m_dirs << path; }
    void setKeyStore(KeyStore *store) { m_keyStore = store; }
    void commit() { m_committed = true; }

private:
    QStringList m_files, m_dirs;
    KeyStore *m_keyStore = nullptr;
    bool m_committed = false;
};

Result<void> makeDirectory(const QString &path, Rollback &rollback)
{
    if (QDir(path).exists())
        return {};
    if (!QDir().mkpath(path))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create the folder %1 (check that its parent exists "
                                                       "and is writable).")
                                            .arg(path));
    rollback.addDir(path);
    return {};
}

} // namespace

Result<void> SiteInitializer::checkPasswordPolicy(const QByteArray &password)
{
    if (QString::fromUtf8(password).size() < 10)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The password must have at least 10 characters."));
    return {};
}

Result<SiteInitializer::Report> SiteInitializer::initialize(const Options &o)
{
    const QString dir = QDir(o.directory).absolutePath();
    if (QFile::exists(QDir(dir).filePath(Site::siteFileName())))
        return makeError(ErrorCode::Conflict, QStringLiteral("A CallVault site already exists in %1.").arg(dir));
    if (o.adminName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The admin user name must not be empty."));
    if (auto policy = checkPasswordPolicy(o.adminPassword); !policy)
        return makeError(policy.error().code, QStringLiteral("Admin password refused: %1").arg(policy.errorMessage()));

    Rollback rollback;
    for (const QString &sub : {QString(), QStringLiteral("/spool"), QStringLiteral("/hot")}) {
        if (auto made = makeDirectory(dir + sub, rollback); !made)
            return made.error();
    }
    SiteConfig config;
    config.siteId = QUuid::createUuid();
    config.name = o.name;
    if (o.pgUrl.isEmpty()) {
        config.catalogKind = QStringLiteral("sqlite");
        config.catalogLocation = QStringLiteral("catalog.sqlite");
    } else {
        config.catalogKind = QStringLiteral("postgres");
        // Neither user nor password is stored: each person connects as their own login
        // role (docs/postgres-security.md); the superuser of this URL is used only now.
        QUrl url(o.pgUrl);
        url.setUserName(QString());
        url.setPassword(QString());
        config.catalogLocation = url.toString();
    }

    auto keys = SiteKeys::generate();
    if (!keys)
        return keys.error();
    config.publicKeys = publicKeysOf(keys.value());
    const QString keyFile = QDir(dir).filePath(Site::keyFileName());
    auto store = chooseKeyStore(o, config.siteId, keyFile);
    if (!store)
        return store.error();
    config.keyBackend = store.value()->backend();

    auto catalogConfig = o.pgUrl.isEmpty() ? Result<CatalogConfig>(CatalogConfig::sqlite(QDir(dir).filePath(config.catalogLocation)))
                                           : CatalogConfig::fromPgUrl(o.pgUrl);
    if (!catalogConfig)
        return catalogConfig.error();
    if (o.pgUrl.isEmpty()) {
        const QString path = catalogConfig->sqlitePath;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            rollback.addFile(path + suffix);
    }
    // The site row, the first audit event and the private keys, inside the catalog's
    // transaction (the keys are saved last, so a failed commit removes them again).
    const auto populate = [&](Database &db) -> Result<void> {
        SiteRow row;
        row.id = config.siteId;
        row.name = config.name;
        row.x25519Public = config.publicKeys.encryption;
        row.ed25519Public = config.publicKeys.signing;
        row.keyId = QString::fromLatin1(config.publicKeys.keyId().toHex());
        row.createdAt = QDateTime::currentDateTimeUtc();
        if (auto inserted = SiteRepository(db).insert(row); !inserted)
            return inserted.error();
        AuditEvent event;
        event.actor = o.adminName;
        event.host = QHostInfo::localHostName();
        event.program = o.program;
        event.action = QStringLiteral("site.init");
        event.target = config.siteId.toString(QUuid::WithoutBraces);
        event.details = QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("keyId"), row.keyId},
            {QStringLiteral("keyBackend"), backendName(config.keyBackend)},
        }).toJson(QJsonDocument::Compact));
        if (auto audited = AuditLog(db).append(event); !audited)
            return audited.error();
        if (auto saved = store.value()->save(keys.value()); !saved)
            return saved.error();
        rollback.setKeyStore(store.value().get());
        if (config.keyBackend == KeyStore::Backend::KeyFile)
            rollback.addFile(keyFile);
        return {};
    };

    auto db = Database::open(catalogConfig.value());
    if (!db)
        return db.error();
    QString adminLoginRole;
    if (!o.pgUrl.isEmpty()) {
        // PostgreSQL: roles, schema as the owner, security SQL, the admin's login role and
        // the rows above, in one transaction (docs/postgres-security.md).
        PgSecurityProvisioner::Options secure;
        secure.siteId = config.siteId;
        secure.adminName = o.adminName;
        secure.adminPassword = o.adminPassword;
        secure.populate = populate;
        auto provisioned = PgSecurityProvisioner::provision(*db.value(), secure);
        if (!provisioned)
            return provisioned.error();
        config.pgRolePrefix = provisioned->prefix;
        config.pgGatePassword = QString::fromLatin1(provisioned->gatePassword);
        adminLoginRole = provisioned->adminLoginRole;
    } else {
        auto passwordHash = crypto::hashPassword(o.adminPassword, o.passwordParams);
        if (!passwordHash)
            return passwordHash.error();
        if (auto migrated = db.value()->migrate(); !migrated)
            return migrated.error();
        auto existing = SiteRepository(*db.value()).get();
        if (!existing)
            return existing.error();
        if (existing.value().has_value())
            return makeError(ErrorCode::Conflict, QStringLiteral("The catalog database already belongs to a site (%1).")
                                                      .arg(existing.value()->name));
        TransactionGuard tx(*db.value());
        if (!tx.ok())
            return tx.error();
        if (auto user = UserRepository(*db.value()).create(o.adminName, passwordHash.value(), QStringLiteral("admin")); !user)
            return user.error();
        if (auto populated = populate(*db.value()); !populated)
            return populated.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
    }
    db.value().reset();
    const QString siteFile = QDir(dir).filePath(Site::siteFileName());
    if (auto written = durable::writeFileAtomically(siteFile, config.toJson()); !written)
        return written.error();
    rollback.commit();

    Report report;
    report.directory = dir;
    report.keyStoreDescription = store.value()->describe();
    report.fingerprint = config.publicKeys.fingerprint();
    report.adminLoginRole = adminLoginRole;
    report.catalogDescription = o.pgUrl.isEmpty() ? QStringLiteral("SQLite %1").arg(catalogConfig->sqlitePath)
                                                  : QStringLiteral("PostgreSQL %1").arg(config.catalogLocation);
    return report;
}

} // namespace cv
