#include "containerheader.h"

#include "common/bytes.h"

namespace cv {

namespace {
constexpr char kMagic[8] = {'C', 'V', 'R', 'E', 'C', '\r', '\n', '\x1a'};
}

QByteArray containerMagic()
{
    return QByteArray(kMagic, sizeof kMagic);
}

QByteArray ContainerHeader::serialize() const
{
    QByteArray out = containerMagic();
    bytes::appendU16(out, formatVersion);
    bytes::appendU16(out, kMinimumSize);
    bytes::appendU16(out, static_cast<std::uint16_t>(suite));
    bytes::appendU16(out, 0); // flags, none defined yet
    out.append(recordingId.toRfc4122());
    out.append(siteKeyId.leftJustified(32, '\0', true));
    bytes::appendU64(out, static_cast<std::uint64_t>(createdAtMs));
    bytes::appendU8(out, codec);
    bytes::appendU8(out, channels);
    bytes::appendU16(out, 0); // reserved
    bytes::appendU32(out, sampleRate);
    bytes::appendU32(out, bitrate);
    bytes::appendU8(out, complexity);
    bytes::appendU8(out, frameMs);
    bytes::appendU16(out, chunkTargetMs);
    out.append(noncePrefix.leftJustified(kNoncePrefixSize, '\0', true));
    Q_ASSERT(out.size() == kMinimumSize);
    return out;
}

Result<ContainerHeader> ContainerHeader::parse(const QByteArray &bytes, int *size)
{
    const auto fail = [](const QString &what) {
        return makeError(ErrorCode::Format, QStringLiteral("Not a valid CallVault recording: %1.").arg(what));
    };
    if (bytes.size() < 12 || !bytes.startsWith(containerMagic()))
        return fail(QStringLiteral("the file does not start with the .cvr signature"));
    const char *p = bytes.constData();
    ContainerHeader h;
    h.formatVersion = bytes::readU16(p + 8);
    if (h.formatVersion != kFormatVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This recording uses container format version %1; this program reads version %2.")
                             .arg(h.formatVersion)
                             .arg(kFormatVersion));
    const int headerSize = bytes::readU16(p + 10);
    if (headerSize < kMinimumSize || headerSize > kMaximumSize)
        return fail(QStringLiteral("header length %1 is out of range").arg(headerSize));
    if (bytes.size() < headerSize)
        return fail(QStringLiteral("the header is truncated"));
    h.suite = static_cast<crypto::CipherSuite>(bytes::readU16(p + 12));
    if (!crypto::isSupported(h.suite))
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This recording is encrypted with cipher suite %1, which this program does not support.")
                             .arg(static_cast<int>(h.suite)));
    if (bytes::readU16(p + 14) != 0)
        return fail(QStringLiteral("unknown header flags"));
    h.recordingId = QUuid::fromRfc4122(QByteArrayView(p + 16, 16));
    h.siteKeyId = QByteArray(p + 32, 32);
    h.createdAtMs = static_cast<qint64>(bytes::readU64(p + 64));
    h.codec = bytes::readU8(p + 72);
    h.channels = bytes::readU8(p + 73);
    h.sampleRate = bytes::readU32(p + 76);
    h.bitrate = bytes::readU32(p + 80);
    h.complexity = bytes::readU8(p + 84);
    h.frameMs = bytes::readU8(p + 85);
    h.chunkTargetMs = bytes::readU16(p + 86);
    h.noncePrefix = QByteArray(p + 88, kNoncePrefixSize);
    if (h.codec != kCodecOggOpus)
        return makeError(ErrorCode::Unsupported, QStringLiteral("Unknown codec id %1 in recording header.").arg(h.codec));
    if (h.channels < 1 || h.channels > 2)
        return fail(QStringLiteral("channel count %1").arg(h.channels));
    if (h.recordingId.isNull())
        return fail(QStringLiteral("the recording id is empty"));
    if (size)
        *size = headerSize;
    return h;
}

} // namespace cv
