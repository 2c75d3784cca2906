#include "crypto/x25519keypair.h"

#include "crypto/cryptoutil.h"
#include "crypto/openssl_p.h"

#include <openssl/crypto.h>

namespace cv::crypto {

using namespace detail;

namespace {

constexpr std::size_t kKeySize = 32;

bool isAllZero(const SecretBytes &bytes)
{
    // Constant time: OR every byte together, look at the result once.
    unsigned char acc = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        acc = static_cast<unsigned char>(acc | bytes.data()[i]);
    return acc == 0;
}

} // namespace

Result<X25519KeyPair> X25519KeyPair::generate()
{
    auto seed = randomSecret(static_cast<int>(kKeySize));
    if (!seed)
        return seed.error();
    return fromPrivateKey(seed.value());
}

Result<X25519KeyPair> X25519KeyPair::fromPrivateKey(const SecretBytes &privateKey)
{
    if (privateKey.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An X25519 private key is %1 bytes, got %2.")
                             .arg(kKeySize)
                             .arg(privateKey.size()));

    // Clamping (RFC 7748 section 5) is done by OpenSSL on use; the stored key is as given.
    EvpPkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(),
                                                 privateKey.size()));
    if (!pkey)
        return opensslError(QStringLiteral("Could not load the X25519 private key"));

    QByteArray pub(static_cast<qsizetype>(kKeySize), Qt::Uninitialized);
    std::size_t pubLen = kKeySize;
    if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char *>(pub.data()),
                                    &pubLen) != 1 ||
        pubLen != kKeySize)
        return opensslError(QStringLiteral("Could not compute the X25519 public key"));

    X25519KeyPair pair;
    pair.m_private = privateKey.clone();
    pair.m_public = pub;
    return pair;
}

Result<SecretBytes> X25519KeyPair::agree(const QByteArray &peerPublicKey) const
{
    if (usize(peerPublicKey) != kKeySize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An X25519 public key is %1 bytes, got %2.")
                             .arg(kKeySize)
                             .arg(peerPublicKey.size()));

    EvpPkeyPtr self(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, m_private.data(), m_private.size()));
    if (!self)
        return opensslError(QStringLiteral("Could not load the X25519 private key"));
    EvpPkeyPtr peer(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, ucharData(peerPublicKey), kKeySize));
    if (!peer)
        return opensslError(QStringLiteral("Could not load the peer's X25519 public key"));

    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, self.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1)
        return opensslError(QStringLiteral("Could not set up the X25519 key agreement"));

    SecretBytes shared(kKeySize);
    std::size_t sharedLen = shared.size();
    const int rc = EVP_PKEY_derive(ctx.get(), shared.data(), &sharedLen);
    // OpenSSL 3.0 itself refuses an all-zero result (ossl_x25519 returns 0, derive fails with
    // "failed during derivation"), but that is an implementation detail we do not lean on:
    // RFC 7748 section 6.1 leaves the check to the caller, so do it here too.
    if (rc != 1 || sharedLen != kKeySize || isAllZero(shared)) {
        ERR_clear_error();
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "The X25519 public key is invalid (a small-order point gives an all-zero "
                "shared secret); it cannot be used for a key agreement."));
    }
    return shared;
}

} // namespace cv::crypto
