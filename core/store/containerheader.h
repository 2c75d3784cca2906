#pragma once

#include "common/result.h"
#include "crypto/ciphersuite.h"

#include <QByteArray>
#include <QDateTime>
#include <QUuid>

#include <cstdint>

namespace cv {

// The plaintext header of a .cvr container (docs/container-format.md, "Header"). Its bytes
// are hashed into the AAD of every chunk, so no header field can be changed unnoticed.
struct ContainerHeader
{
    static constexpr int kMinimumSize = 96;
    static constexpr int kMaximumSize = 4096;
    static constexpr std::uint16_t kFormatVersion = 1;
    static constexpr std::uint8_t kCodecOggOpus = 1;
    static constexpr int kNoncePrefixSize = 8;

    std::uint16_t formatVersion = kFormatVersion;
    crypto::CipherSuite suite = crypto::CipherSuite::Aes256Gcm;
    QUuid recordingId;
    QByteArray siteKeyId; // 32 bytes
    qint64 createdAtMs = 0;
    std::uint8_t codec = kCodecOggOpus;
    std::uint8_t channels = 2;
    std::uint32_t sampleRate = 16000;
    std::uint32_t bitrate = 32000;
    std::uint8_t complexity = 5;
    std::uint8_t frameMs = 20;
    std::uint16_t chunkTargetMs = 800;
    QByteArray noncePrefix; // 8 random bytes, unique per file

    QByteArray serialize() const;
    // Parses the header at the start of `bytes` (which may hold more). On success `size`
    // receives the header's length in bytes.
    static Result<ContainerHeader> parse(const QByteArray &bytes, int *size);
};

// The magic bytes every container starts with.
QByteArray containerMagic();

} // namespace cv
