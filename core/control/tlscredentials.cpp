#include "tlscredentials.h"

#include "controllogging.h"
#include "crypto/cryptoutil.h"

#include <QDateTime>
#include <QFile>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace cv::control {

namespace {

struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};

// Never prompt on a terminal for a passphrase (OpenSSL's default callback does).
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

Result<QByteArray> readFile(const QString &path, const char *what)
{
    QFile file(path);
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("no %1 file is configured").arg(QLatin1String(what)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the %1 file %2: %3")
                                            .arg(QLatin1String(what), path, file.errorString()));
    // Certificates and keys are a few KiB; a huge file is a wrong path.
    QByteArray bytes = file.read(qint64(1024) * 1024);
    return bytes;
}

} // namespace

Result<TlsCredentials> TlsCredentials::load(const QString &certificatePemPath,
                                            const QString &privateKeyPemPath)
{
    auto certBytes = readFile(certificatePemPath, "certificate");
    if (!certBytes)
        return certBytes.error();
    TlsCredentials out;
    out.chain = QSslCertificate::fromData(certBytes.value(), QSsl::Pem);
    if (out.chain.isEmpty() || out.chain.first().isNull())
        return makeError(ErrorCode::Format,
                         QStringLiteral("the certificate file %1 holds no PEM certificate "
                                        "(\"-----BEGIN CERTIFICATE-----\")")
                             .arg(certificatePemPath));
    const QSslCertificate &leaf = out.chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (leaf.expiryDate() < now)
        qCWarning(lcControl).noquote()
            << "the certificate in" << certificatePemPath << "expired on"
            << leaf.expiryDate().toString(Qt::ISODate) << "- clients will refuse it";

    auto keyBytes = readFile(privateKeyPemPath, "private key");
    if (!keyBytes)
        return keyBytes.error();
    std::unique_ptr<BIO, BioDeleter> keyBio(
        BIO_new_mem_buf(keyBytes->constData(), int(keyBytes->size())));
    std::unique_ptr<EVP_PKEY, PkeyDeleter> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!key) {
        crypto::secureZero(keyBytes.value());
        return makeError(ErrorCode::Format,
                         QStringLiteral("the private key file %1 holds no unencrypted PEM private "
                                        "key (encrypted keys are not supported: the recorder "
                                        "starts unattended)")
                             .arg(privateKeyPemPath));
    }

    const QByteArray leafDer = leaf.toDer();
    const unsigned char *derPtr = reinterpret_cast<const unsigned char *>(leafDer.constData());
    std::unique_ptr<X509, X509Deleter> x509(d2i_X509(nullptr, &derPtr, long(leafDer.size())));
    if (!x509 || X509_check_private_key(x509.get(), key.get()) != 1) {
        ERR_clear_error();
        crypto::secureZero(keyBytes.value());
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the private key in %1 does not belong to the certificate "
                                        "in %2")
                             .arg(privateKeyPemPath, certificatePemPath));
    }

    const int type = EVP_PKEY_get_base_id(key.get());
    if (type == EVP_PKEY_RSA || type == EVP_PKEY_EC) {
        out.privateKey = QSslKey(keyBytes.value(), type == EVP_PKEY_RSA ? QSsl::Rsa : QSsl::Ec,
                                 QSsl::Pem, QSsl::PrivateKey);
    } else {
        // QSslKey takes ownership of an opaque EVP_PKEY and frees it.
        out.privateKey = QSslKey(reinterpret_cast<Qt::HANDLE>(key.release()), QSsl::PrivateKey);
    }
    crypto::secureZero(keyBytes.value());
    if (out.privateKey.isNull())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the private key in %1 is of a type Qt cannot use; use an "
                                        "EC P-256, RSA or Ed25519 key")
                             .arg(privateKeyPemPath));
    return out;
}

} // namespace cv::control
