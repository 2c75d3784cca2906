#include "containerreader.h"

#include "crypto/aesgcm.h"
#include "crypto/cryptoutil.h"

#include <algorithm>
#include <cstring>

namespace cv {

ContainerReader::ContainerReader(const QString &path, SecretBytes dataKey, ContainerLayout layout)
    : m_file(path), m_dataKey(std::move(dataKey)), m_layout(std::move(layout))
{
    m_headerHash = crypto::sha256(m_layout.headerBytes);
    m_dataChunkCount = static_cast<int>(m_layout.chunks.size()) - (m_layout.hasFinalChunk ? 1 : 0);
}

ContainerReader::~ContainerReader() = default;

Result<std::unique_ptr<ContainerReader>> ContainerReader::open(const QString &path, SecretBytes dataKey)
{
    auto layout = ContainerScanner::scan(path);
    if (!layout)
        return layout.error();
    std::unique_ptr<ContainerReader> reader(new ContainerReader(path, std::move(dataKey), layout.takeValue()));
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not open recording file %1: %2.")
                                            .arg(path, reader->m_file.errorString()));
    return reader;
}

Result<QByteArray> ContainerReader::decryptChunk(const ChunkLocation &chunk)
{
    if (!m_file.seek(chunk.fileOffset + ChunkPrefix::kSize))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1.").arg(m_file.fileName()));
    const QByteArray sealed = m_file.read(chunk.prefix.sealedLength);
    if (sealed.size() != static_cast<qsizetype>(chunk.prefix.sealedLength))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1.").arg(m_file.fileName()));
    auto plain = crypto::AesGcm::open(m_dataKey, chunkNonce(m_layout.header.noncePrefix, chunk.index),
                                      chunkAad(m_headerHash, chunk.index, chunk.prefix), sealed);
    if (!plain)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("Recording %1 failed authentication at chunk %2 (byte %3): it was modified, "
                                        "spliced or is not readable with this key.")
                             .arg(m_layout.header.recordingId.toString(QUuid::WithoutBraces))
                             .arg(chunk.index)
                             .arg(chunk.fileOffset));
    return plain;
}

const ChunkLocation *ContainerReader::dataChunkAt(qint64 plaintextOffset) const
{
    const auto begin = m_layout.chunks.cbegin();
    const auto end = begin + m_dataChunkCount;
    auto it = std::upper_bound(begin, end, plaintextOffset,
                               [](qint64 off, const ChunkLocation &c) { return off < c.plaintextOffset; });
    if (it == begin)
        return nullptr;
    --it;
    if (plaintextOffset >= it->plaintextOffset + it->plaintextLength())
        return nullptr;
    return &*it;
}

Result<qint64> ContainerReader::readAt(qint64 offset, char *buffer, qint64 length)
{
    qint64 done = 0;
    while (done < length) {
        const ChunkLocation *chunk = dataChunkAt(offset + done);
        if (!chunk)
            break;
        if (m_cachedIndex != chunk->index) {
            auto plain = decryptChunk(*chunk);
            if (!plain)
                return plain.error();
            m_cachedPlaintext = SecretBytes::fromByteArray(plain.value());
            crypto::secureZero(plain.value());
            m_cachedIndex = chunk->index;
        }
        const qint64 within = offset + done - chunk->plaintextOffset;
        const qint64 n = std::min(length - done, chunk->plaintextLength() - within);
        std::memcpy(buffer + done, m_cachedPlaintext.data() + within, static_cast<std::size_t>(n));
        done += n;
    }
    return done;
}

Result<ContainerTrailer> ContainerReader::trailer()
{
    if (!m_layout.hasFinalChunk)
        return makeError(ErrorCode::NotFound, QStringLiteral("The recording is unfinished: it has no trailer."));
    auto plain = decryptChunk(m_layout.chunks.last());
    if (!plain)
        return plain.error();
    return ContainerTrailer::parse(plain.value());
}

Result<void> ContainerReader::verify(const std::function<bool(int, int)> &progress)
{
    const int total = static_cast<int>(m_layout.chunks.size());
    for (int i = 0; i < m_dataChunkCount; ++i) {
        auto plain = decryptChunk(m_layout.chunks.at(i));
        if (!plain)
            return plain.error();
        crypto::secureZero(plain.value());
        if (progress && !progress(i + 1, total))
            return makeError(ErrorCode::Cancelled, QStringLiteral("Verification was cancelled."));
    }
    if (!m_layout.hasFinalChunk)
        return {};
    auto t = trailer();
    if (!t)
        return t.error();
    const ContainerTrailer &tr = t.value();
    bool consistent = tr.dataChunkCount == static_cast<std::uint32_t>(m_dataChunkCount)
                      && tr.plaintextBytes == m_layout.plaintextBytes()
                      && tr.durationMs == m_layout.chunks.last().prefix.audioEndMs;
    for (int i = 0; consistent && i < m_dataChunkCount; ++i) {
        const ChunkLocation &c = m_layout.chunks.at(i);
        const ContainerTrailer::IndexEntry &e = tr.index.at(i);
        consistent = e.fileOffset == c.fileOffset && e.plaintextOffset == c.plaintextOffset
                     && e.audioEndMs == c.prefix.audioEndMs;
    }
    if (!consistent)
        return makeError(ErrorCode::Tampered, QStringLiteral("The recording's trailer does not match its chunks."));
    if (progress)
        progress(total, total);
    return {};
}

} // namespace cv
