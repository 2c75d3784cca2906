#include "containerwriter.h"

#include "common/logging.h"
#include "crypto/aesgcm.h"
#include "crypto/cryptoutil.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace cv {

Error fileWriteError(const QFile &file, const QString &what)
{
    const int err = errno;
    if (err == ENOSPC || err == EFBIG || err == EDQUOT)
        return makeError(ErrorCode::DiskFull,
                         QStringLiteral("The disk holding %1 is full (%2); free some space and try again.")
                             .arg(file.fileName(), QString::fromLocal8Bit(std::strerror(err))));
    return makeError(ErrorCode::Io, QStringLiteral("Could not write %1 to %2: %3.")
                                        .arg(what, file.fileName(), QString::fromLocal8Bit(std::strerror(err))));
}

ContainerWriter::ContainerWriter(const QString &path, ContainerHeader header, SecretBytes dataKey, bool durable)
    : m_file(path), m_header(std::move(header)), m_dataKey(std::move(dataKey)), m_durable(durable)
{
}

ContainerWriter::~ContainerWriter() = default;

Result<std::unique_ptr<ContainerWriter>> ContainerWriter::create(const QString &path, ContainerHeader header,
                                                                 SecretBytes dataKey, bool durable)
{
    if (dataKey.size() != static_cast<std::size_t>(crypto::kAeadKeySize))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A data key must be 32 bytes."));
    auto prefix = crypto::randomBytes(ContainerHeader::kNoncePrefixSize);
    if (!prefix)
        return prefix.error();
    header.noncePrefix = prefix.value();
    std::unique_ptr<ContainerWriter> writer(new ContainerWriter(path, std::move(header), std::move(dataKey), durable));
    // NewOnly: a recording file is never overwritten.
    if (!writer->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        return makeError(ErrorCode::Io, QStringLiteral("Could not create recording file %1: %2.")
                                            .arg(path, writer->m_file.errorString()));
    const QByteArray headerBytes = writer->m_header.serialize();
    writer->m_headerHash = crypto::sha256(headerBytes);
    if (auto written = writer->writeDurably(headerBytes); !written)
        return written.error();
    return writer;
}

Result<void> ContainerWriter::writeDurably(const QByteArray &bytes)
{
    const int fd = m_file.handle();
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            // Leave the file ending at the last complete record: a torn record would make a
            // reader think the file was cut mid-chunk.
            const Error error = fileWriteError(m_file, QStringLiteral("recording data"));
            if (::ftruncate(fd, m_fileOffset) != 0)
                qCWarning(lcStore) << "could not trim torn record in" << m_file.fileName();
            return error;
        }
        done += n;
    }
    if (m_durable && ::fdatasync(fd) != 0)
        return fileWriteError(m_file, QStringLiteral("recording data (sync)"));
    m_fileOffset += bytes.size();
    m_hash.addData(bytes);
    return {};
}

Result<void> ContainerWriter::writeRecord(ChunkKind kind, const QByteArray &plaintext, std::uint32_t audioEndMs)
{
    if (m_finished)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The recording file is already sealed."));
    ChunkPrefix prefix;
    prefix.kind = kind;
    prefix.audioEndMs = audioEndMs;
    prefix.sealedLength = static_cast<std::uint32_t>(plaintext.size() + crypto::kAeadTagSize);
    if (prefix.sealedLength > ChunkPrefix::kMaxSealedLength)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A recording chunk is too large."));
    const std::uint32_t index = m_nextIndex;
    auto sealed = crypto::AesGcm::seal(m_dataKey, chunkNonce(m_header.noncePrefix, index),
                                       chunkAad(m_headerHash, index, prefix), plaintext);
    if (!sealed)
        return sealed.error();
    const qint64 recordOffset = m_fileOffset;
    if (auto written = writeDurably(prefix.serialize() + sealed.value()); !written)
        return written;
    if (kind == ChunkKind::Data) {
        m_index.append({recordOffset, m_plaintextOffset, audioEndMs});
        m_plaintextOffset += plaintext.size();
    }
    ++m_nextIndex;
    return {};
}

Result<void> ContainerWriter::appendChunk(const QByteArray &plaintext, std::uint32_t audioEndMs)
{
    return writeRecord(ChunkKind::Data, plaintext, audioEndMs);
}

Result<void> ContainerWriter::finish(ContainerTrailer trailer)
{
    trailer.dataChunkCount = static_cast<std::uint32_t>(m_index.size());
    trailer.plaintextBytes = m_plaintextOffset;
    trailer.index = m_index;
    const auto endMs = static_cast<std::uint32_t>(trailer.durationMs);
    if (auto written = writeRecord(ChunkKind::Final, trailer.serialize(), endMs); !written)
        return written;
    m_finished = true;
    m_digest = m_hash.result();
    m_dataKey.clear();
    m_file.close();
    return {};
}

QByteArray ContainerWriter::sha256() const
{
    return m_digest; // empty until finish()
}

} // namespace cv
