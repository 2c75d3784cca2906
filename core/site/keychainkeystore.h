#pragma once

#include "site/keystore.h"

#include <QUuid>

namespace cv {

// Site keys in the OS keychain through QtKeychain (Secret Service on Linux). Never falls back
// to QtKeychain's plaintext storage. Needs a running Qt event dispatcher (a Q*Application).
class KeychainKeyStore final : public KeyStore
{
public:
    explicit KeychainKeyStore(const QUuid &siteId);

    Backend backend() const override { return Backend::Keychain; }
    QString describe() const override;
    Result<void> save(const SiteKeys &keys) override;
    Result<SiteKeys> load() override;
    Result<void> remove() override;

    // True when a keychain service answers on this machine (a write/read/delete probe).
    static bool isAvailable(QString *why = nullptr);

private:
    QString entryName() const;
    QUuid m_siteId;
};

} // namespace cv
