#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/ciphersuite.h" // kAeadKeySize, kAeadNonceSize, kAeadTagSize

#include <QByteArray>

namespace cv::crypto {

// One-shot AES-256-GCM with a 12-byte nonce and a 16-byte tag appended to the ciphertext.
// open() fails with ErrorCode::Tampered when the tag does not verify.
class AesGcm final
{
public:
    static Result<QByteArray> seal(const SecretBytes &key, const QByteArray &nonce, const QByteArray &aad,
                                   const QByteArray &plaintext);
    static Result<QByteArray> open(const SecretBytes &key, const QByteArray &nonce, const QByteArray &aad,
                                   const QByteArray &ciphertextAndTag);
    // Variants for test vectors with a non-96-bit IV or a truncated tag are not offered:
    // our formats use exactly 96-bit nonces and 128-bit tags.
};

} // namespace cv::crypto
