#include "crypto/ciphersuite.h"

namespace cv::crypto {

bool isSupported(CipherSuite suite)
{
    switch (suite) {
    case CipherSuite::Aes256Gcm:
        return true;
    case CipherSuite::Sm4Gcm:
        return false; // reserved: the number is taken, the implementation is not there yet
    }
    return false;
}

QString cipherSuiteName(CipherSuite suite)
{
    switch (suite) {
    case CipherSuite::Aes256Gcm:
        return QStringLiteral("AES-256-GCM");
    case CipherSuite::Sm4Gcm:
        return QStringLiteral("SM4-GCM");
    }
    return QStringLiteral("unknown cipher suite %1").arg(static_cast<unsigned>(suite));
}

} // namespace cv::crypto
