#include "crypto/aesgcm.h"

#include "crypto/ciphersuite.h"
#include "crypto/cryptoutil.h"
#include "crypto/openssl_p.h"

#include <climits>

namespace cv::crypto {

using namespace detail;

namespace {

// EVP_*Update take int lengths. Our largest message is one container chunk (about a
// second of Opus audio), so one call per message is plenty; larger input is refused
// rather than split, which would only hide a caller bug.
constexpr qsizetype kMaxMessage = INT_MAX - kAeadTagSize;

Result<void> checkKeyAndNonce(const SecretBytes &key, const QByteArray &nonce)
{
    if (key.size() != static_cast<std::size_t>(kAeadKeySize))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("AES-256-GCM needs a %1-byte key, got %2 bytes.")
                             .arg(kAeadKeySize)
                             .arg(key.size()));
    if (nonce.size() != kAeadNonceSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("AES-256-GCM needs a %1-byte nonce, got %2 bytes.")
                             .arg(kAeadNonceSize)
                             .arg(nonce.size()));
    return {};
}

// Sets up ctx for AES-256-GCM in the given direction with key, 96-bit nonce and AAD.
bool initCipher(EVP_CIPHER_CTX *ctx, bool encrypt, const SecretBytes &key, const QByteArray &nonce,
                const QByteArray &aad)
{
    const int enc = encrypt ? 1 : 0;
    if (EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr, enc) != 1)
        return false;
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, kAeadNonceSize, nullptr) != 1)
        return false;
    if (EVP_CipherInit_ex(ctx, nullptr, nullptr, key.data(), ucharData(nonce), enc) != 1)
        return false;
    if (!aad.isEmpty()) {
        int outLen = 0;
        if (EVP_CipherUpdate(ctx, nullptr, &outLen, ucharData(aad), static_cast<int>(aad.size())) !=
            1)
            return false;
    }
    return true;
}

} // namespace

Result<QByteArray> AesGcm::seal(const SecretBytes &key, const QByteArray &nonce,
                                const QByteArray &aad, const QByteArray &plaintext)
{
    if (auto ok = checkKeyAndNonce(key, nonce); !ok)
        return ok.error();
    if (plaintext.size() > kMaxMessage || aad.size() > INT_MAX)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The message is too large for one AES-GCM call."));

    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || !initCipher(ctx.get(), true, key, nonce, aad))
        return opensslError(QStringLiteral("Could not set up AES-256-GCM encryption"));

    QByteArray out(plaintext.size() + kAeadTagSize, Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), dst, &written, ucharData(plaintext),
                              static_cast<int>(plaintext.size())) != 1)
            return opensslError(QStringLiteral("AES-256-GCM encryption failed"));
    }
    int finalLen = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), dst + written, &finalLen) != 1)
        return opensslError(QStringLiteral("AES-256-GCM encryption failed"));
    written += finalLen;
    if (written != plaintext.size())
        return makeError(ErrorCode::Crypto,
                         QStringLiteral("AES-256-GCM produced an unexpected ciphertext length."));
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kAeadTagSize, dst + written) != 1)
        return opensslError(QStringLiteral("Could not read the AES-256-GCM tag"));
    return out;
}

Result<QByteArray> AesGcm::open(const SecretBytes &key, const QByteArray &nonce,
                                const QByteArray &aad, const QByteArray &ciphertextAndTag)
{
    if (auto ok = checkKeyAndNonce(key, nonce); !ok)
        return ok.error();
    if (ciphertextAndTag.size() < kAeadTagSize)
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral(
                "The encrypted data is shorter than its authentication tag: it was truncated."));
    if (ciphertextAndTag.size() > kMaxMessage + kAeadTagSize || aad.size() > INT_MAX)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The message is too large for one AES-GCM call."));

    const int ctLen = static_cast<int>(ciphertextAndTag.size() - kAeadTagSize);
    const auto *src = ucharData(ciphertextAndTag);

    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || !initCipher(ctx.get(), false, key, nonce, aad))
        return opensslError(QStringLiteral("Could not set up AES-256-GCM decryption"));

    QByteArray out(ctLen, Qt::Uninitialized);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int written = 0;
    if (ctLen > 0 && EVP_DecryptUpdate(ctx.get(), dst, &written, src, ctLen) != 1) {
        secureZero(out);
        return opensslError(QStringLiteral("AES-256-GCM decryption failed"));
    }
    // The tag is only read by OpenSSL; the ctrl API takes a non-const pointer regardless.
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kAeadTagSize,
                            const_cast<unsigned char *>(src + ctLen)) != 1) {
        secureZero(out);
        return opensslError(QStringLiteral("Could not set the AES-256-GCM tag"));
    }
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), dst + written, &finalLen) != 1) {
        // Unverified plaintext never leaves this function.
        secureZero(out);
        ERR_clear_error();
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("The encrypted data failed authentication: it was modified, truncated, "
                           "or does not belong here."));
    }
    return out;
}

} // namespace cv::crypto
