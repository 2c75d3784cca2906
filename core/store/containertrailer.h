#pragma once

#include "common/result.h"
#include "store/chunkrecord.h"

#include <QByteArray>
#include <QVector>

namespace cv {

// Plaintext of the final chunk (docs/container-format.md, "Trailer"): totals, the seek index
// and the waveform peaks, so a container is self-describing even without its catalog row.
struct ContainerTrailer
{
    static constexpr std::uint8_t kVersion = 1;

    struct IndexEntry
    {
        qint64 fileOffset = 0;
        qint64 plaintextOffset = 0;
        std::uint32_t audioEndMs = 0;
    };

    std::uint32_t dataChunkCount = 0;
    qint64 plaintextBytes = 0;
    qint64 durationMs = 0;
    qint64 inputFrames = 0; // PCM frames fed, at the native rate
    QByteArray peaks;       // PeakSummary::serialize()
    QVector<IndexEntry> index;

    QByteArray serialize() const;
    static Result<ContainerTrailer> parse(const QByteArray &bytes);
};

} // namespace cv
