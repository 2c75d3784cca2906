#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>

#include <cstddef>
#include <memory>

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
    // 32 bytes; the object cannot be used afterwards (later addData() calls are ignored and a
    // second result() is empty). Empty also if OpenSSL failed, which it does not for SHA-256
    // short of running out of memory.
    QByteArray result();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// RFC 5869 HKDF with SHA-256 (extract + expand).
Result<SecretBytes> hkdfSha256(const SecretBytes &ikm, const QByteArray &salt, const QByteArray &info,
                               int length);

} // namespace cv::crypto
