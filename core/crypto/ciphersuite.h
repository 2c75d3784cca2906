#pragma once

#include <QString>

#include <cstdint>

namespace cv::crypto {

// Travels with every wrapped key and every container so that another suite (SM4-GCM, which
// GB/T 39786 asks of Chinese regulated sites) can be added without a format break. Stored
// on disk: the numbers never change.
enum class CipherSuite : std::uint16_t {
    Aes256Gcm = 1, // AES-256-GCM chunks; X25519 + HKDF-SHA256 + AES-256-GCM key wrapping
    Sm4Gcm = 2,    // reserved for GB/T 39786 sites; isSupported() says no until it lands
};

bool isSupported(CipherSuite suite);
QString cipherSuiteName(CipherSuite suite);

constexpr int kAeadKeySize = 32;
constexpr int kAeadNonceSize = 12;
constexpr int kAeadTagSize = 16;

} // namespace cv::crypto
