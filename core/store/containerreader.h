#pragma once

#include "codec/randomaccesssource.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "store/containerscanner.h"
#include "store/containertrailer.h"

#include <QFile>

#include <functional>
#include <memory>
#include <optional>

namespace cv {

// Reads a .cvr container with its data key: the Ogg Opus plaintext is served through
// RandomAccessSource, decrypting only the chunks a read touches, in memory only.
class ContainerReader final : public RandomAccessSource
{
public:
    enum class State { Finished, Unfinished };

    static Result<std::unique_ptr<ContainerReader>> open(const QString &path, SecretBytes dataKey);
    ~ContainerReader() override;

    State state() const { return m_layout.hasFinalChunk ? State::Finished : State::Unfinished; }
    const ContainerLayout &layout() const { return m_layout; }
    const ContainerHeader &header() const { return m_layout.header; }
    qint64 durationMs() const { return m_layout.audioEndMs(); }

    qint64 size() const override { return m_layout.plaintextBytes(); }
    Result<qint64> readAt(qint64 offset, char *buffer, qint64 length) override;

    // Authenticates every chunk and checks the trailer against the file's structure.
    // `progress` gets (chunks done, chunk count); returning false cancels.
    Result<void> verify(const std::function<bool(int, int)> &progress = {});
    // The decrypted trailer of a finished file.
    Result<ContainerTrailer> trailer();

private:
    ContainerReader(const QString &path, SecretBytes dataKey, ContainerLayout layout);
    Result<QByteArray> decryptChunk(const ChunkLocation &chunk);
    const ChunkLocation *dataChunkAt(qint64 plaintextOffset) const;

    QFile m_file;
    SecretBytes m_dataKey;
    ContainerLayout m_layout;
    QByteArray m_headerHash;
    int m_dataChunkCount = 0;
    // One decrypted chunk is kept: Ogg reads are sequential within a chunk.
    std::optional<std::uint32_t> m_cachedIndex;
    SecretBytes m_cachedPlaintext;
};

} // namespace cv
