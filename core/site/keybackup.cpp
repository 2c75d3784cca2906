#include "site/keybackup.h"

#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "common/logging.h"
#include "site/protectedkeyfile.h"

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

Result<QString> KeyBackup::install(const Site &site, Database &db, const Principal &who,
                                   const SiteKeys &keys, const QByteArray &localPassphrase,
                                   const QString &backupFile)
{
    const auto store = site.keyStore(localPassphrase);
    if (auto saved = store->save(keys); !saved)
        return saved.error();
    const QString keyId = QString::fromLatin1(site.config().publicKeys.keyId().toHex());
    const AuditEvent event = who.auditEvent(
        QStringLiteral("key.import"), site.config().siteId.toString(QUuid::WithoutBraces), true,
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("keyId"), keyId},
                                                    {QStringLiteral("file"), backupFile}})
                              .toJson(QJsonDocument::Compact)));
    // The keys are restored either way; a missing audit row is reported, not hidden.
    if (auto audited = AuditLog(db).append(event); !audited)
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
