#include "chunkrecord.h"

#include "common/bytes.h"
#include "crypto/ciphersuite.h"

namespace cv {

QByteArray ChunkPrefix::serialize() const
{
    QByteArray out;
    out.reserve(kSize);
    bytes::appendU32(out, sealedLength);
    bytes::appendU8(out, static_cast<std::uint8_t>(kind));
    bytes::appendU32(out, audioEndMs);
    return out;
}

Result<ChunkPrefix> ChunkPrefix::parse(const char *data)
{
    ChunkPrefix prefix;
    prefix.sealedLength = bytes::readU32(data);
    const std::uint8_t kind = bytes::readU8(data + 4);
    prefix.audioEndMs = bytes::readU32(data + 5);
    if (kind > static_cast<std::uint8_t>(ChunkKind::Final))
        return makeError(ErrorCode::Format, QStringLiteral("unknown chunk kind %1").arg(kind));
    prefix.kind = static_cast<ChunkKind>(kind);
    if (prefix.sealedLength < static_cast<std::uint32_t>(crypto::kAeadTagSize)
        || prefix.sealedLength > kMaxSealedLength)
        return makeError(ErrorCode::Format, QStringLiteral("chunk length %1 is out of range").arg(prefix.sealedLength));
    return prefix;
}

qint64 ChunkLocation::plaintextLength() const
{
    return static_cast<qint64>(prefix.sealedLength) - crypto::kAeadTagSize;
}

QByteArray chunkNonce(const QByteArray &noncePrefix, std::uint32_t index)
{
    QByteArray nonce = noncePrefix;
    bytes::appendU32(nonce, index);
    return nonce;
}

QByteArray chunkAad(const QByteArray &headerHash, std::uint32_t index, const ChunkPrefix &prefix)
{
    QByteArray aad = headerHash;
    bytes::appendU32(aad, index);
    aad.append(prefix.serialize());
    return aad;
}

} // namespace cv
