#include "crypto/cryptoutil.h"

#include "common/logging.h"
#include "crypto/openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace cv::crypto {

using namespace detail;

namespace {

constexpr int kSha256Size = 32;
constexpr int kHkdfMaxLength = 255 * kSha256Size; // RFC 5869 section 2.3: L <= 255*HashLen

} // namespace

void secureZero(void *data, std::size_t size)
{
    if (data != nullptr && size > 0)
        OPENSSL_cleanse(data, size);
}

void secureZero(QByteArray &bytes)
{
    // Only a buffer this QByteArray owns alone can be wiped in place: data() on a shared one
    // would first copy the secret into a fresh buffer (and wipe only the copy), and writing
    // through constData() would corrupt the other owners. A shared buffer is released here
    // and stays the business of whoever else holds it.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<std::size_t>(a.size())) == 0;
}

Result<QByteArray> randomBytes(int count)
{
    if (count < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Cannot produce a negative number (%1) of random bytes.").arg(count));
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return opensslError(QStringLiteral("The system random number generator is not available; "
                                           "no keys can be made until it is"));
    return out;
}

Result<SecretBytes> randomSecret(int count)
{
    if (count < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Cannot produce a negative number (%1) of random bytes.").arg(count));
    SecretBytes out(static_cast<std::size_t>(count));
    if (count > 0 && RAND_bytes(out.data(), count) != 1)
        return opensslError(QStringLiteral("The system random number generator is not available; "
                                           "no keys can be made until it is"));
    return out;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(kSha256Size, Qt::Uninitialized);
    unsigned int outLen = 0;
    if (EVP_Digest(data.constData(), usize(data), reinterpret_cast<unsigned char *>(out.data()),
                   &outLen, EVP_sha256(), nullptr) != 1 ||
        outLen != static_cast<unsigned int>(kSha256Size)) {
        qCWarning(lcCrypto) << "SHA-256 failed:" << drainOpenSslErrors();
        return {};
    }
    return out;
}

// --- Sha256 ---------------------------------------------------------------------------------

struct Sha256::Impl
{
    EvpMdCtxPtr ctx;
    bool failed = false;
    bool finished = false;
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>())
{
    m_impl->ctx.reset(EVP_MD_CTX_new());
    if (!m_impl->ctx || EVP_DigestInit_ex(m_impl->ctx.get(), EVP_sha256(), nullptr) != 1) {
        qCWarning(lcCrypto) << "SHA-256 initialisation failed:" << drainOpenSslErrors();
        m_impl->failed = true;
    }
}

Sha256::~Sha256() = default;

void Sha256::addData(const char *data, std::size_t size)
{
    if (m_impl->failed || m_impl->finished || size == 0)
        return;
    if (EVP_DigestUpdate(m_impl->ctx.get(), data, size) != 1) {
        qCWarning(lcCrypto) << "SHA-256 update failed:" << drainOpenSslErrors();
        m_impl->failed = true;
    }
}

QByteArray Sha256::result()
{
    if (m_impl->failed || m_impl->finished)
        return {};
    m_impl->finished = true;
    QByteArray out(kSha256Size, Qt::Uninitialized);
    unsigned int outLen = 0;
    if (EVP_DigestFinal_ex(m_impl->ctx.get(), reinterpret_cast<unsigned char *>(out.data()),
                           &outLen) != 1 ||
        outLen != static_cast<unsigned int>(kSha256Size)) {
        qCWarning(lcCrypto) << "SHA-256 finalisation failed:" << drainOpenSslErrors();
        return {};
    }
    return out;
}

// --- HKDF -----------------------------------------------------------------------------------

Result<SecretBytes> hkdfSha256(const SecretBytes &ikm, const QByteArray &salt,
                               const QByteArray &info, int length)
{
    if (length < 1 || length > kHkdfMaxLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("HKDF-SHA256 can derive 1 to %1 bytes, not %2.")
                             .arg(kHkdfMaxLength)
                             .arg(length));

    EvpKdfPtr kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    if (!kdf)
        return opensslError(QStringLiteral("HKDF is not available in this OpenSSL"));
    EvpKdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return opensslError(QStringLiteral("Could not create an HKDF context"));

    // OSSL_PARAM wants non-const pointers but only reads through them. An empty IKM or salt
    // still needs a non-null pointer: OpenSSL 3.0 treats a null key as "no key set".
    static unsigned char emptyByte = 0;
    auto octets = [](const char *key, const void *p, std::size_t n) {
        return OSSL_PARAM_construct_octet_string(key, n == 0 ? &emptyByte : const_cast<void *>(p),
                                                 n);
    };
    char digestName[] = "SHA256";
    OSSL_PARAM params[5];
    int i = 0;
    params[i++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0);
    params[i++] = octets(OSSL_KDF_PARAM_KEY, ikm.data(), ikm.size());
    // RFC 5869 section 2.2: a missing salt is HashLen zero bytes, which is what HMAC's key
    // padding makes of an empty one too, so passing it empty (test case 3) is exact.
    params[i++] = octets(OSSL_KDF_PARAM_SALT, salt.constData(), usize(salt));
    if (!info.isEmpty())
        params[i++] = octets(OSSL_KDF_PARAM_INFO, info.constData(), usize(info));
    params[i] = OSSL_PARAM_construct_end();

    SecretBytes out(static_cast<std::size_t>(length));
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        return opensslError(QStringLiteral("HKDF-SHA256 key derivation failed"));
    return out;
}

} // namespace cv::crypto
