#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>

#include <cstddef>

namespace cv::crypto {

// Zeroes memory in a way the optimizer cannot remove (OPENSSL_cleanse).
void secureZero(void *data, std::size_t size);
void secureZero(QByteArray &bytes);

// Compares two byte strings in time independent of where they differ (CRYPTO_memcmp).
// Different lengths compare unequal (length is not secret).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// Bytes from OpenSSL's CSPRNG (RAND_bytes). Fails only if the RNG is not seeded.
Result<QByteArray> randomBytes(int count);
Result<SecretBytes> randomSecret(int count);

QByteArray sha256(const QByteArray &data);

// Incremental SHA-256 over data too large to hold at once (a container file).
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, std::size_t size);
    void addData(const QByteArray &data) { addData(data.constData(), static_cast<std::size_t>(data.size())); }
    QByteArray result(); // 32 bytes; the object cannot be used afterwards

private:
    struct Impl;
    Impl *m_impl;
};

// RFC 5869 HKDF with SHA-256 (extract + expand).
Result<SecretBytes> hkdfSha256(const SecretBytes &ikm, const QByteArray &salt, const QByteArray &info,
                               int length);

} // namespace cv::crypto
