#include "site/keybackup.h"

#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "common/logging.h"
#include "site/protectedkeyfile.h"
#include "store/durablefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

Result<SitePublicKeys> KeyBackup::checkBelongsTo(const Site &site, const QByteArray &backupJson)
{
    auto publicKeys = ProtectedKeyFile::peek(backupJson);
    if (!publicKeys)
        return publicKeys.error();
    if (publicKeys->keyId() != site.config().publicKeys.keyId())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This backup holds key %1, but the site uses %2; it belongs to another site.")
                             .arg(publicKeys->fingerprint(), site.config().publicKeys.fingerprint()));
    return publicKeys;
}

Result<SiteKeys> KeyBackup::open(const Site &site, const QByteArray &backupJson,
                                 const QByteArray &backupPassphrase)
{
    if (auto belongs = checkBelongsTo(site, backupJson); !belongs)
        return belongs.error();
    return ProtectedKeyFile::open(backupJson, backupPassphrase);
}

namespace {

// 'key.import' / 'key.export' with the key id and the backup file, as `who`.
Result<qint64> auditKeyFile(Database &db, const Site &site, const Principal &who, const QString &action,
                            const QString &file)
{
    const QString keyId = QString::fromLatin1(site.config().publicKeys.keyId().toHex());
    return AuditLog(db).append(who.auditEvent(
        action, site.config().siteId.toString(QUuid::WithoutBraces), true,
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("keyId"), keyId}, {QStringLiteral("file"), file}})
                              .toJson(QJsonDocument::Compact))));
}

} // namespace

Result<void> KeyBackup::write(const Site &site, Database &db, const Principal &who, const SiteKeys &keys,
                              const QByteArray &backupPassphrase, const QString &path)
{
    if (QFile::exists(path))
        return makeError(ErrorCode::Conflict, QStringLiteral("%1 already exists; choose a new file name.").arg(path));
    if (backupPassphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A key backup needs a passphrase."));
    auto json = ProtectedKeyFile::seal(keys, site.config().siteId, backupPassphrase);
    if (!json)
        return json.error();
    if (auto written = durable::writeFileAtomically(path, json.value()); !written)
        return written.error();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // The backup exists either way; a missing audit row is reported, not hidden.
    if (auto audited = auditKeyFile(db, site, who, QStringLiteral("key.export"), path); !audited)
        qCWarning(lcSite).noquote() << "Could not write the key.export audit row:" << audited.errorMessage();
    return {};
}

Result<QString> KeyBackup::install(const Site &site, Database &db, const Principal &who,
                                   const SiteKeys &keys, const QByteArray &localPassphrase,
                                   const QString &backupFile)
{
    const auto store = site.keyStore(localPassphrase);
    if (auto saved = store->save(keys); !saved)
        return saved.error();
    // The keys are restored either way; a missing audit row is reported, not hidden.
    if (auto audited = auditKeyFile(db, site, who, QStringLiteral("key.import"), backupFile); !audited)
        qCWarning(lcSite).noquote() << "Could not write the key.import audit row:" << audited.errorMessage();
    return store->describe();
}

Result<QByteArray> KeyBackup::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(file.fileName(), file.errorString()));
    return file.read(1024 * 1024);
}

} // namespace cv
