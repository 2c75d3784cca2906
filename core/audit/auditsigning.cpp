#include "auditsigning.h"

#include "common/bytes.h"
#include "crypto/cryptoutil.h"
#include "crypto/ed25519keypair.h"

#include <QStringList>

namespace cv::auditsigning {

namespace {
constexpr char kCheckpointMagic[] = "callvault-audit-checkpoint-v1";
constexpr char kExtractMagic[] = "callvault-audit-extract-v1";
} // namespace

QString keyId(const QByteArray &ed25519Public)
{
    return QString::fromLatin1(crypto::sha256(ed25519Public).toHex());
}

QString keyFingerprint(const QByteArray &ed25519Public)
{
    const QString hex = keyId(ed25519Public);
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return QStringLiteral("SHA256:") + groups.join(QLatin1Char(':'));
}

QByteArray checkpointMessage(const QUuid &siteId, const AuditCheckpointRow &checkpoint)
{
    QByteArray out(kCheckpointMagic, sizeof(kCheckpointMagic) - 1);
    out.append(siteId.toRfc4122());
    bytes::appendU64(out, static_cast<std::uint64_t>(checkpoint.auditRowId));
    out.append(checkpoint.headHash);
    bytes::appendU64(out, static_cast<std::uint64_t>(checkpoint.rowCount));
    bytes::appendU64(out, static_cast<std::uint64_t>(checkpoint.atMs));
    out.append(checkpoint.prevCheckpointHash);
    return out;
}

QByteArray checkpointDigest(const QUuid &siteId, const AuditCheckpointRow &checkpoint)
{
    return crypto::sha256(checkpointMessage(siteId, checkpoint));
}

Result<void> signCheckpoint(const crypto::Ed25519KeyPair &key, const QUuid &siteId,
                            AuditCheckpointRow &checkpoint)
{
    if (checkpoint.headHash.size() != kHashSize ||
        checkpoint.prevCheckpointHash.size() != kHashSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("An audit checkpoint needs 32-byte hashes."));
    auto signature = key.sign(checkpointMessage(siteId, checkpoint));
    if (!signature)
        return signature.error();
    checkpoint.signerKeyId = keyId(key.publicKey());
    checkpoint.signature = signature.value();
    return {};
}

bool checkpointSignatureValid(const QByteArray &ed25519Public, const QUuid &siteId,
                              const AuditCheckpointRow &checkpoint)
{
    return checkpoint.signerKeyId == keyId(ed25519Public) &&
           checkpoint.signature.size() == kSignatureSize &&
           crypto::Ed25519KeyPair::verify(ed25519Public, checkpointMessage(siteId, checkpoint),
                                          checkpoint.signature);
}

QByteArray extractSignedMessage(const QByteArray &canonicalDigest)
{
    return QByteArray(kExtractMagic, sizeof(kExtractMagic) - 1) + canonicalDigest;
}

} // namespace cv::auditsigning
