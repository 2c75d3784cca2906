#pragma once

#include "common/result.h"

#include <QByteArray>

#include <cstdint>

namespace cv {

// One chunk record on disk (docs/container-format.md, "Chunks"):
//   u32 sealed length (ciphertext + 16-byte tag) | u8 kind | u32 audio end (ms) | sealed bytes
// The 9-byte prefix is authenticated: it is part of the chunk's AAD.
enum class ChunkKind : std::uint8_t {
    Data = 0,  // Ogg Opus bytes
    Final = 1, // the trailer: seek index, totals, peaks. Only ever the last chunk.
};

struct ChunkPrefix
{
    static constexpr int kSize = 9;
    // A chunk never legitimately exceeds this (a second of 48 kHz stereo Opus at 510 kb/s is
    // ~64 KiB; a trailer for a 24 h call is ~2 MiB). A larger length means corruption.
    static constexpr std::uint32_t kMaxSealedLength = 16u * 1024u * 1024u;

    std::uint32_t sealedLength = 0;
    ChunkKind kind = ChunkKind::Data;
    std::uint32_t audioEndMs = 0;

    QByteArray serialize() const;
    static Result<ChunkPrefix> parse(const char *data);
};

// Where one chunk lies in the file and in the plaintext stream.
struct ChunkLocation
{
    std::uint32_t index = 0;
    qint64 fileOffset = 0;      // of the prefix
    ChunkPrefix prefix;
    qint64 plaintextOffset = 0; // of this chunk's plaintext in the Ogg stream (data chunks)
    qint64 plaintextLength() const;
    qint64 recordSize() const { return ChunkPrefix::kSize + prefix.sealedLength; }
};

// The nonce and AAD of chunk `index` (STREAM construction: counter in the nonce, header hash,
// index and the authenticated prefix in the AAD).
QByteArray chunkNonce(const QByteArray &noncePrefix, std::uint32_t index);
QByteArray chunkAad(const QByteArray &headerHash, std::uint32_t index, const ChunkPrefix &prefix);

} // namespace cv
