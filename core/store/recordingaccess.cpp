#include "recordingaccess.h"

#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "crypto/keywrap.h"
#include "crypto/x25519keypair.h"
#include "site/sitekeys.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

namespace cv {

RecordingAccess::RecordingAccess(StorageLayout layout, Database &db, const SiteKeys &keys)
    : m_layout(std::move(layout)), m_db(db), m_keys(&keys)
{
}

RecordingAccess::RecordingAccess(StorageLayout layout, Database &db, const crypto::X25519KeyPair &siteKey)
    : m_layout(std::move(layout)), m_db(db), m_siteKey(&siteKey)
{
}

Result<const crypto::X25519KeyPair *> RecordingAccess::keyFor(const QByteArray &wrappedKey,
                                                              const QString &idText) const
{
    if (m_siteKey)
        return m_siteKey;
    auto info = crypto::parseWrappedKey(wrappedKey);
    if (!info)
        return makeError(info.error().code, QStringLiteral("Recording %1: %2").arg(idText, info.errorMessage()));
    if (const auto *key = m_keys->encryptionKeyFor(info->siteKeyId))
        return key;
    return makeError(ErrorCode::KeyUnavailable,
                     QStringLiteral("Recording %1: its data key is wrapped to site key %2, which this "
                                    "machine's key store does not hold (the site key was rotated "
                                    "since this machine's keys were installed: import a current key "
                                    "backup).")
                         .arg(idText, QString::fromLatin1(info->siteKeyId.toHex().left(16))));
}

Result<RecordingRow> RecordingAccess::row(const QUuid &id) const
{
    return RecordingRepository(m_db).get(id);
}

Result<RecordingAccess::Opened> RecordingAccess::open(const QUuid &id, KeyUse use) const
{
    auto r = row(id);
    if (!r)
        return r.error();
    return open(r.value(), use);
}

Result<RecordingAccess::Opened> RecordingAccess::open(const RecordingRow &row, KeyUse use) const
{
    const QString idText = row.id.toString(QUuid::WithoutBraces);
    auto key = KeyRepository(m_db).findForUse(row.id, use, QSysInfo::machineHostName(),
                                              QCoreApplication::applicationName());
    if (!key)
        return key.error();
    if (!key.value().has_value())
        return makeError(ErrorCode::KeyUnavailable,
                         QStringLiteral("Recording %1 has no data key in the catalog (it was shredded).").arg(idText));
    auto siteKey = keyFor(key.value()->wrappedKey, idText);
    if (!siteKey)
        return siteKey.error();
    auto dataKey = crypto::unwrapDataKey(key.value()->wrappedKey, *siteKey.value(), row.id.toRfc4122());
    if (!dataKey)
        return makeError(dataKey.error().code,
                         QStringLiteral("Recording %1: %2").arg(idText, dataKey.errorMessage()));
    const QString path = m_layout.absolutePath(row.storagePath);
    if (!QFile::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("Recording %1: its file %2 is missing.").arg(idText, path));
    auto reader = ContainerReader::open(path, dataKey.takeValue());
    if (!reader)
        return reader.error();
    if (reader.value()->header().recordingId != row.id)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("Recording %1: the file at %2 belongs to another recording.").arg(idText, path));
    return Opened{row, reader.takeValue()};
}

} // namespace cv
