#include "keyrotationrecord.h"

#include "crypto/ed25519keypair.h"

namespace cv::keyrotationrecord {

QByteArray signedBytes(const QUuid &siteId, const KeyRotationRow &row)
{
    QByteArray bytes("CallVault key rotation v1\n");
    bytes += siteId.toString(QUuid::WithoutBraces).toLatin1() + '\n';
    bytes += QByteArray::number(row.id) + '\n';
    bytes += row.oldKeyId.toLatin1() + '\n';
    bytes += row.newKeyId.toLatin1() + '\n';
    bytes += QByteArray::number(row.startedAtMs) + '\n';
    bytes += row.startedBy.toUtf8().toBase64() + '\n'; // a name cannot fake a line break
    bytes += QByteArray::number(row.finishedAtMs.value_or(0)) + '\n';
    bytes += QByteArray::number(row.rewrapped) + '\n';
    return bytes;
}

Result<QByteArray> sign(const QUuid &siteId, const KeyRotationRow &row, const crypto::Ed25519KeyPair &signing)
{
    return signing.sign(signedBytes(siteId, row));
}

bool verify(const QUuid &siteId, const KeyRotationRow &row, const QByteArray &signingPublicKey)
{
    return !row.signature.isEmpty()
        && crypto::Ed25519KeyPair::verify(signingPublicKey, signedBytes(siteId, row), row.signature);
}

} // namespace cv::keyrotationrecord
