#pragma once

#include "common/result.h"
#include "store/chunkrecord.h"
#include "store/containerheader.h"

#include <QString>
#include <QVector>

namespace cv {

// The layout of a container found by walking its chunk prefixes. Needs no key: capture nodes
// and `recover` use it to see how far a file got; readers use it as their chunk table.
struct ContainerLayout
{
    ContainerHeader header;
    QByteArray headerBytes;
    QVector<ChunkLocation> chunks; // data chunks, then the final chunk if present
    bool hasFinalChunk = false;
    qint64 fileSize = 0;
    qint64 validEnd = 0; // end of the last complete chunk record
    qint64 tornBytes() const { return fileSize - validEnd; } // an incomplete record at the tail
    std::uint32_t audioEndMs() const;                    // of the last complete chunk
    qint64 plaintextBytes() const;                       // of the data chunks
};

class ContainerScanner final
{
public:
    // Fails with ErrorCode::Format when the structure is broken in a way a crash cannot
    // cause (a bad prefix before the end, bytes after the final chunk).
    static Result<ContainerLayout> scan(const QString &path);
};

} // namespace cv
