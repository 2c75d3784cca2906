#pragma once

#include "crypto/scrypt.h"
#include "site/keystore.h"

#include <QUuid>

namespace cv {

// Site keys in a passphrase-protected file (ProtectedKeyFile), for machines without a
// keychain service (servers, CI). The passphrase is held only as long as this object.
class KeyFileKeyStore final : public KeyStore
{
public:
    KeyFileKeyStore(QString path, const QUuid &siteId, QByteArray passphrase,
                    crypto::ScryptParams params = {});
    ~KeyFileKeyStore() override;

    Backend backend() const override { return Backend::KeyFile; }
    QString describe() const override;
    Result<void> save(const SiteKeys &keys) override;
    Result<SiteKeys> load() override;
    Result<void> remove() override;

private:
    QString m_path;
    QUuid m_siteId;
    QByteArray m_passphrase;
    crypto::ScryptParams m_params;
};

} // namespace cv
