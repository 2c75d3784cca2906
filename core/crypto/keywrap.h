#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/ciphersuite.h"

#include <QByteArray>

namespace cv::crypto {

class X25519KeyPair;

// A data key wrapped to a site X25519 public key (docs/container-format.md, "Wrapped key"):
//   u8 version (1) | u16 suite | 32 site key id | 32 ephemeral public | 12 nonce | 48 ct+tag
// KEK = HKDF-SHA256(ikm = X25519(eph, site), salt = eph_pub || site_pub,
//                   info = "CallVault v1 data key wrap"), 32 bytes
// AES-256-GCM(KEK, nonce, aad = first 67 bytes || context, DEK)
// `context` binds the wrapped key to its recording (the recording UUID), so a key row
// copied onto another recording does not unwrap.
struct WrappedKeyInfo
{
    std::uint8_t version = 0;
    CipherSuite suite = CipherSuite::Aes256Gcm;
    QByteArray siteKeyId; // 32 bytes: SHA-256 of the site X25519 public key
};

constexpr int kWrappedKeySize = 1 + 2 + 32 + 32 + 12 + 48;

// The site key id: SHA-256 of the raw X25519 public key.
QByteArray siteKeyId(const QByteArray &siteX25519Public);

Result<QByteArray> wrapDataKey(const SecretBytes &dataKey, const QByteArray &siteX25519Public,
                               const QByteArray &context);
Result<SecretBytes> unwrapDataKey(const QByteArray &wrapped, const X25519KeyPair &siteKey,
                                  const QByteArray &context);
Result<WrappedKeyInfo> parseWrappedKey(const QByteArray &wrapped);

} // namespace cv::crypto
