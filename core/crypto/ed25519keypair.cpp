#include "crypto/ed25519keypair.h"

#include "crypto/cryptoutil.h"
#include "crypto/openssl_p.h"

namespace cv::crypto {

using namespace detail;

namespace {

constexpr std::size_t kSeedSize = 32;
constexpr std::size_t kPublicSize = 32;
constexpr std::size_t kSignatureSize = 64;

} // namespace

Result<Ed25519KeyPair> Ed25519KeyPair::generate()
{
    auto seed = randomSecret(static_cast<int>(kSeedSize));
    if (!seed)
        return seed.error();
    return fromPrivateKey(seed.value());
}

Result<Ed25519KeyPair> Ed25519KeyPair::fromPrivateKey(const SecretBytes &seed)
{
    if (seed.size() != kSeedSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An Ed25519 private key (seed) is %1 bytes, got %2.")
                             .arg(kSeedSize)
                             .arg(seed.size()));

    EvpPkeyPtr pkey(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!pkey)
        return opensslError(QStringLiteral("Could not load the Ed25519 private key"));

    QByteArray pub(static_cast<qsizetype>(kPublicSize), Qt::Uninitialized);
    std::size_t pubLen = kPublicSize;
    if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char *>(pub.data()),
                                    &pubLen) != 1 ||
        pubLen != kPublicSize)
        return opensslError(QStringLiteral("Could not compute the Ed25519 public key"));

    Ed25519KeyPair pair;
    pair.m_private = seed.clone();
    pair.m_public = pub;
    return pair;
}

Result<QByteArray> Ed25519KeyPair::sign(const QByteArray &message) const
{
    if (m_private.size() != kSeedSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("This Ed25519 key pair holds no private key."));

    EvpPkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, m_private.data(),
                                                 m_private.size()));
    if (!pkey)
        return opensslError(QStringLiteral("Could not load the Ed25519 private key"));
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    // Pure Ed25519 (RFC 8032 section 5.1) signs the message itself: no digest is named, and
    // the one-shot EVP_DigestSign is the only call that works (no Update/Final streaming).
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1)
        return opensslError(QStringLiteral("Could not set up Ed25519 signing"));

    QByteArray signature(static_cast<qsizetype>(kSignatureSize), Qt::Uninitialized);
    std::size_t sigLen = kSignatureSize;
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &sigLen,
                       ucharData(message), usize(message)) != 1 ||
        sigLen != kSignatureSize)
        return opensslError(QStringLiteral("Ed25519 signing failed"));
    return signature;
}

bool Ed25519KeyPair::verify(const QByteArray &publicKey, const QByteArray &message,
                            const QByteArray &signature)
{
    if (usize(publicKey) != kPublicSize || usize(signature) != kSignatureSize)
        return false;

    EvpPkeyPtr pkey(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, ucharData(publicKey), kPublicSize));
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    bool valid = false;
    if (pkey && ctx &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1) {
        valid = EVP_DigestVerify(ctx.get(), ucharData(signature), kSignatureSize,
                                 ucharData(message), usize(message)) == 1;
    }
    // A bad signature is an answer, not an error: leave nothing in the error queue.
    ERR_clear_error();
    return valid;
}

} // namespace cv::crypto
