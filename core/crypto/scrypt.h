#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace cv::crypto {

struct ScryptParams
{
    std::uint64_t n = 1u << 17; // OWASP: N=2^17, r=8, p=1 (128 MiB)
    std::uint32_t r = 8;
    std::uint32_t p = 1;
};

// RFC 7914 scrypt.
Result<SecretBytes> scrypt(const QByteArray &password, const QByteArray &salt, const ScryptParams &params,
                           int length);

// Password hashes in a self-describing string: "$scrypt$ln=17,r=8,p=1$<salt b64>$<hash b64>"
// (unpadded standard base64, 16-byte salt, 32-byte hash), so parameters can be raised later
// while old hashes still verify.
Result<QString> hashPassword(const QByteArray &password, const ScryptParams &params = {});
// Constant-time compare of the derived hash. A malformed stored hash never verifies.
bool verifyPassword(const QByteArray &password, const QString &encodedHash);
// Whether a stored hash was made with less work than `wanted` in any parameter (or is not
// a hash this code reads): log-in then replaces it while the password is at hand.
bool needsRehash(const QString &encodedHash, const ScryptParams &wanted);

} // namespace cv::crypto
