#include "containertrailer.h"

#include "common/bytes.h"

namespace cv {

namespace {
constexpr int kFixedSize = 1 + 4 + 8 + 8 + 8 + 4;
constexpr int kEntrySize = 8 + 8 + 4;
} // namespace

QByteArray ContainerTrailer::serialize() const
{
    QByteArray out;
    out.reserve(kFixedSize + peaks.size() + 4 + index.size() * kEntrySize);
    bytes::appendU8(out, kVersion);
    bytes::appendU32(out, dataChunkCount);
    bytes::appendU64(out, static_cast<std::uint64_t>(plaintextBytes));
    bytes::appendU64(out, static_cast<std::uint64_t>(durationMs));
    bytes::appendU64(out, static_cast<std::uint64_t>(inputFrames));
    bytes::appendU32(out, static_cast<std::uint32_t>(peaks.size()));
    out.append(peaks);
    bytes::appendU32(out, static_cast<std::uint32_t>(index.size()));
    for (const IndexEntry &e : index) {
        bytes::appendU64(out, static_cast<std::uint64_t>(e.fileOffset));
        bytes::appendU64(out, static_cast<std::uint64_t>(e.plaintextOffset));
        bytes::appendU32(out, e.audioEndMs);
    }
    return out;
}

Result<ContainerTrailer> ContainerTrailer::parse(const QByteArray &bytes)
{
    const auto fail = [](const QString &what) {
        return makeError(ErrorCode::Format, QStringLiteral("The recording's trailer is malformed: %1.").arg(what));
    };
    if (bytes.size() < kFixedSize)
        return fail(QStringLiteral("too short"));
    const char *p = bytes.constData();
    if (bytes::readU8(p) != kVersion)
        return fail(QStringLiteral("unknown trailer version %1").arg(bytes::readU8(p)));
    ContainerTrailer t;
    t.dataChunkCount = bytes::readU32(p + 1);
    t.plaintextBytes = static_cast<qint64>(bytes::readU64(p + 5));
    t.durationMs = static_cast<qint64>(bytes::readU64(p + 13));
    t.inputFrames = static_cast<qint64>(bytes::readU64(p + 21));
    const qint64 peaksSize = bytes::readU32(p + 29);
    qint64 pos = kFixedSize;
    if (peaksSize > bytes.size() - pos - 4)
        return fail(QStringLiteral("peaks overrun"));
    t.peaks = bytes.mid(pos, peaksSize);
    pos += peaksSize;
    const qint64 count = bytes::readU32(p + pos);
    pos += 4;
    if (count != t.dataChunkCount || count * kEntrySize != bytes.size() - pos)
        return fail(QStringLiteral("index size does not match the chunk count"));
    t.index.reserve(count);
    for (qint64 i = 0; i < count; ++i, pos += kEntrySize) {
        IndexEntry e;
        e.fileOffset = static_cast<qint64>(bytes::readU64(p + pos));
        e.plaintextOffset = static_cast<qint64>(bytes::readU64(p + pos + 8));
        e.audioEndMs = bytes::readU32(p + pos + 16);
        t.index.append(e);
    }
    if (t.plaintextBytes < 0 || t.durationMs < 0 || t.inputFrames < 0)
        return fail(QStringLiteral("negative totals"));
    return t;
}

} // namespace cv
