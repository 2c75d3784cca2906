#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>

namespace cv::crypto {

// An Ed25519 signing key pair (RFC 8032). The private key is the 32-byte seed.
class Ed25519KeyPair final
{
public:
    static Result<Ed25519KeyPair> generate();
    static Result<Ed25519KeyPair> fromPrivateKey(const SecretBytes &seed);

    Ed25519KeyPair(Ed25519KeyPair &&) noexcept = default;
    Ed25519KeyPair &operator=(Ed25519KeyPair &&) noexcept = default;

    QByteArray publicKey() const { return m_public; }
    const SecretBytes &privateKey() const { return m_private; }
    Result<QByteArray> sign(const QByteArray &message) const; // 64-byte signature

    static bool verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature);

private:
    Ed25519KeyPair() = default;
    SecretBytes m_private;
    QByteArray m_public;
};

} // namespace cv::crypto
