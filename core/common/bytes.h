#pragma once

#include <QByteArray>
#include <QtEndian>

#include <cstdint>

namespace cv::bytes {

// Big-endian field helpers for our binary formats (container, wrapped keys). Every
// on-disk integer is big-endian, as docs/container-format.md says.
inline void appendU8(QByteArray &out, std::uint8_t v) { out.append(static_cast<char>(v)); }
inline void appendU16(QByteArray &out, std::uint16_t v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}
inline void appendU32(QByteArray &out, std::uint32_t v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}
inline void appendU64(QByteArray &out, std::uint64_t v)
{
    char b[8];
    qToBigEndian(v, b);
    out.append(b, 8);
}
inline std::uint8_t readU8(const char *p) { return static_cast<std::uint8_t>(*p); }
inline std::uint16_t readU16(const char *p) { return qFromBigEndian<std::uint16_t>(p); }
inline std::uint32_t readU32(const char *p) { return qFromBigEndian<std::uint32_t>(p); }
inline std::uint64_t readU64(const char *p) { return qFromBigEndian<std::uint64_t>(p); }

} // namespace cv::bytes
