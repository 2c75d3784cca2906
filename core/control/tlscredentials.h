#pragma once

#include "common/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace cv::control {

// The control API's server certificate chain and private key, loaded from PEM files and
// checked before the server listens, so that a wrong file is reported at start-up naming
// the file, not as a handshake failure on the first client.
//
// The key is read with OpenSSL (unencrypted PEM, PKCS#8 or traditional): RSA and EC keys
// become ordinary QSslKeys, other types OpenSSL can sign with (Ed25519, Ed448) are handed to
// Qt as an opaque key. An encrypted key is refused: the recorder starts unattended, and a
// passphrase beside the key would protect nothing (protect the file with permissions).
struct TlsCredentials
{
    QList<QSslCertificate> chain; // leaf first, then intermediates as in the file
    QSslKey privateKey;

    static Result<TlsCredentials> load(const QString &certificatePemPath,
                                       const QString &privateKeyPemPath);
};

} // namespace cv::control
