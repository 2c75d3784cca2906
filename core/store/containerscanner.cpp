#include "containerscanner.h"

#include <QFile>

namespace cv {

std::uint32_t ContainerLayout::audioEndMs() const
{
    return chunks.isEmpty() ? 0 : chunks.last().prefix.audioEndMs;
}

qint64 ContainerLayout::plaintextBytes() const
{
    qint64 total = 0;
    for (const ChunkLocation &c : chunks) {
        if (c.prefix.kind == ChunkKind::Data)
            total += c.plaintextLength();
    }
    return total;
}

Result<ContainerLayout> ContainerScanner::scan(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not open recording file %1: %2.").arg(path, file.errorString()));
    ContainerLayout layout;
    layout.fileSize = file.size();
    const QByteArray head = file.read(ContainerHeader::kMaximumSize);
    int headerSize = 0;
    auto header = ContainerHeader::parse(head, &headerSize);
    if (!header)
        return makeError(header.error().code, QStringLiteral("%1 (%2)").arg(header.errorMessage(), path));
    layout.header = header.value();
    layout.headerBytes = head.left(headerSize);

    const auto broken = [&path](qint64 offset, const QString &what) {
        return makeError(ErrorCode::Format, QStringLiteral("Recording file %1 is damaged at byte %2: %3.")
                                                .arg(path)
                                                .arg(offset)
                                                .arg(what));
    };
    qint64 offset = headerSize;
    qint64 plaintextOffset = 0;
    std::uint32_t index = 0;
    while (offset + ChunkPrefix::kSize <= layout.fileSize) {
        if (layout.hasFinalChunk)
            return broken(offset, QStringLiteral("data follows the final chunk"));
        if (!file.seek(offset))
            return makeError(ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path));
        const QByteArray raw = file.read(ChunkPrefix::kSize);
        if (raw.size() != ChunkPrefix::kSize)
            return makeError(ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path));
        auto prefix = ChunkPrefix::parse(raw.constData());
        if (!prefix)
            return broken(offset, prefix.errorMessage());
        ChunkLocation loc;
        loc.index = index;
        loc.fileOffset = offset;
        loc.prefix = prefix.value();
        loc.plaintextOffset = plaintextOffset;
        if (offset + loc.recordSize() > layout.fileSize)
            break; // torn tail: the writer died mid-record
        if (!layout.chunks.isEmpty() && loc.prefix.audioEndMs < layout.chunks.last().prefix.audioEndMs)
            return broken(offset, QStringLiteral("chunk times go backwards"));
        layout.chunks.append(loc);
        if (loc.prefix.kind == ChunkKind::Final)
            layout.hasFinalChunk = true;
        else
            plaintextOffset += loc.plaintextLength();
        offset += loc.recordSize();
        ++index;
    }
    layout.validEnd = offset;
    if (layout.hasFinalChunk && layout.validEnd != layout.fileSize)
        return broken(layout.validEnd, QStringLiteral("data follows the final chunk"));
    return layout;
}

} // namespace cv
