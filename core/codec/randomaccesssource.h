#pragma once

#include "common/result.h"

#include <QtGlobal>

namespace cv {

// Bytes that can be read at any offset: a decrypted container (store/), a file, a buffer.
// The Ogg Opus reader decodes through this, so plaintext audio never has to touch the disk.
class RandomAccessSource
{
public:
    virtual ~RandomAccessSource() = default;
    virtual qint64 size() const = 0;
    // Reads up to `length` bytes at `offset`; returns the count read (0 at the end).
    virtual Result<qint64> readAt(qint64 offset, char *buffer, qint64 length) = 0;
};

} // namespace cv
