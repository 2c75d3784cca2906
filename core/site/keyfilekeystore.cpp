#include "keyfilekeystore.h"

#include "crypto/cryptoutil.h"
#include "site/protectedkeyfile.h"
#include "store/durablefile.h"

#include <QFile>

namespace cv {

QString backendName(KeyStore::Backend backend)
{
    return backend == KeyStore::Backend::Keychain ? QStringLiteral("keychain") : QStringLiteral("file");
}

Result<KeyStore::Backend> backendFromName(const QString &name)
{
    if (name == QLatin1String("keychain"))
        return KeyStore::Backend::Keychain;
    if (name == QLatin1String("file"))
        return KeyStore::Backend::KeyFile;
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("Unknown key backend \"%1\" (use keychain or file).").arg(name));
}

KeyFileKeyStore::KeyFileKeyStore(QString path, const QUuid &siteId, QByteArray passphrase, crypto::ScryptParams params)
    : m_path(std::move(path)), m_siteId(siteId), m_passphrase(std::move(passphrase)), m_params(params)
{
}

KeyFileKeyStore::~KeyFileKeyStore()
{
    crypto::secureZero(m_passphrase);
}

QString KeyFileKeyStore::describe() const
{
    return QStringLiteral("key file %1 (passphrase-protected)").arg(m_path);
}

Result<void> KeyFileKeyStore::save(const SiteKeys &keys)
{
    auto json = ProtectedKeyFile::seal(keys, m_siteId, m_passphrase, m_params);
    if (!json)
        return json.error();
    if (auto written = durable::writeFileAtomically(m_path, json.value()); !written)
        return written;
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

Result<SiteKeys> KeyFileKeyStore::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::KeyUnavailable,
                         QStringLiteral("Could not read the key file %1: %2.").arg(m_path, file.errorString()));
    if (m_passphrase.isEmpty())
        return makeError(ErrorCode::KeyUnavailable,
                         QStringLiteral("The site keys are in a passphrase-protected key file (%1); give the passphrase "
                                        "with --passphrase-file or CALLVAULT_PASSPHRASE.")
                             .arg(m_path));
    const QByteArray json = file.read(1024 * 1024);
    QUuid fileSiteId;
    if (auto publicKeys = ProtectedKeyFile::peek(json, &fileSiteId); !publicKeys)
        return publicKeys.error();
    if (fileSiteId != m_siteId)
        return makeError(ErrorCode::KeyUnavailable,
                         QStringLiteral("The key file %1 belongs to another site (%2, this site is %3).")
                             .arg(m_path, fileSiteId.toString(QUuid::WithoutBraces), m_siteId.toString(QUuid::WithoutBraces)));
    return ProtectedKeyFile::open(json, m_passphrase);
}

Result<void> KeyFileKeyStore::remove()
{
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return makeError(ErrorCode::Io, QStringLiteral("Could not delete %1.").arg(m_path));
    return {};
}

} // namespace cv
