#pragma once

// Private to core/crypto: RAII holders for OpenSSL handles and the error-queue helper the
// .cpp files share. Not part of the module's public API; other modules never include it.

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

namespace cv::crypto::detail {

struct EvpPkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct EvpPkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct EvpMdCtxDeleter
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
struct EvpCipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
struct EvpKdfDeleter
{
    void operator()(EVP_KDF *p) const { EVP_KDF_free(p); }
};
struct EvpKdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *p) const { EVP_KDF_CTX_free(p); }
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, EvpPkeyCtxDeleter>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxDeleter>;
using EvpCipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, EvpCipherCtxDeleter>;
using EvpKdfPtr = std::unique_ptr<EVP_KDF, EvpKdfDeleter>;
using EvpKdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, EvpKdfCtxDeleter>;

// Drains OpenSSL's per-thread error queue into one line. OpenSSL's messages name the
// failing function and reason, never key bytes, so they are safe to show and log.
inline QString drainOpenSslErrors()
{
    QString text;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromLatin1(buf);
    }
    return text;
}

// An Error for a failure of the crypto library itself (not of the data): "what" failed,
// followed by OpenSSL's own reason when it gave one. Empties the error queue.
inline Error opensslError(const QString &what)
{
    const QString detail = drainOpenSslErrors();
    return makeError(ErrorCode::Crypto, detail.isEmpty() ? what
                                                         : what + QStringLiteral(" (OpenSSL: ") +
                                                               detail + QStringLiteral(")"));
}

// OpenSSL takes unsigned char pointers; QByteArray hands out char.
inline const unsigned char *ucharData(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

inline std::size_t usize(const QByteArray &bytes)
{
    return static_cast<std::size_t>(bytes.size());
}

} // namespace cv::crypto::detail
