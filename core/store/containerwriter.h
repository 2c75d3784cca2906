#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/cryptoutil.h"
#include "store/containerheader.h"
#include "store/containertrailer.h"

#include <QFile>
#include <QString>

#include <memory>

namespace cv {

// Writes a .cvr container: header, then AEAD chunks, each made durable (fdatasync) before
// appendChunk() returns, then the final chunk with the trailer. Holds the data key only in
// memory. A crash leaves a valid prefix that ContainerReader reads as 'unfinished'.
class ContainerWriter final
{
public:
    // `header.noncePrefix` is filled with fresh random bytes.
    static Result<std::unique_ptr<ContainerWriter>> create(const QString &path, ContainerHeader header,
                                                           SecretBytes dataKey, bool durable = true);
    ~ContainerWriter();
    ContainerWriter(const ContainerWriter &) = delete;
    ContainerWriter &operator=(const ContainerWriter &) = delete;

    Result<void> appendChunk(const QByteArray &plaintext, std::uint32_t audioEndMs);
    // Seals the file with the trailer (its index is filled in here) and closes it.
    Result<void> finish(ContainerTrailer trailer);

    const ContainerHeader &header() const { return m_header; }
    qint64 bytesWritten() const { return m_fileOffset; }
    std::uint32_t chunkCount() const { return m_nextIndex; }
    QString path() const { return m_file.fileName(); }
    // SHA-256 of every byte written so far (the catalog keeps it for the finished file).
    QByteArray sha256() const;

private:
    ContainerWriter(const QString &path, ContainerHeader header, SecretBytes dataKey, bool durable);
    Result<void> writeRecord(ChunkKind kind, const QByteArray &plaintext, std::uint32_t audioEndMs);
    Result<void> writeDurably(const QByteArray &bytes);

    QFile m_file;
    ContainerHeader m_header;
    QByteArray m_headerHash;
    SecretBytes m_dataKey;
    bool m_durable;
    bool m_finished = false;
    std::uint32_t m_nextIndex = 0;
    qint64 m_fileOffset = 0;
    qint64 m_plaintextOffset = 0;
    QVector<ContainerTrailer::IndexEntry> m_index;
    crypto::Sha256 m_hash;
    QByteArray m_digest;
};

// Turns a failed write into an error that says whether the disk is full.
Error fileWriteError(const QFile &file, const QString &what);

} // namespace cv
