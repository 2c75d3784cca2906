#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>

namespace cv::crypto {

// An X25519 key pair (RFC 7748). Keys are raw 32-byte strings.
class X25519KeyPair final
{
public:
    static Result<X25519KeyPair> generate();
    static Result<X25519KeyPair> fromPrivateKey(const SecretBytes &privateKey);

    X25519KeyPair(X25519KeyPair &&) noexcept = default;
    X25519KeyPair &operator=(X25519KeyPair &&) noexcept = default;

    QByteArray publicKey() const { return m_public; }
    const SecretBytes &privateKey() const { return m_private; }
    // Raw shared secret X25519(priv, peer). Fails on an all-zero result (small-order peer key).
    Result<SecretBytes> agree(const QByteArray &peerPublicKey) const;

private:
    X25519KeyPair() = default;
    SecretBytes m_private;
    QByteArray m_public;
};

} // namespace cv::crypto
