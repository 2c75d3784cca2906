#pragma once

#include "common/result.h"
#include "crypto/scrypt.h"
#include "site/sitekeys.h"

#include <QByteArray>
#include <QUuid>

namespace cv {

// The passphrase-protected form of the site keys, used both for the key file of headless
// machines and for `key export` backups (docs/container-format.md, "Protected key file"):
// JSON with scrypt parameters, salt, AES-256-GCM nonce and ciphertext of the private blob,
// plus the public keys in clear so a backup can be identified without its passphrase.
class ProtectedKeyFile final
{
public:
    static Result<QByteArray> seal(const SiteKeys &keys, const QUuid &siteId, const QByteArray &passphrase,
                                   const crypto::ScryptParams &params = {});
    // ErrorCode::WrongPassphrase when the passphrase does not open it.
    static Result<SiteKeys> open(const QByteArray &json, const QByteArray &passphrase, QUuid *siteId = nullptr);
    // The public keys and site id, readable without the passphrase.
    static Result<SitePublicKeys> peek(const QByteArray &json, QUuid *siteId = nullptr);
};

} // namespace cv
