#pragma once

#include "common/result.h"

#include <QtGlobal>

class QIODevice;

namespace cv {

// Writes a canonical 16-bit PCM WAV file (44-byte header) for export. The sizes in the
// header are patched by finish(), so the device must be seekable (a file, a buffer).
class WavWriter final
{
public:
    // The device is owned by the caller, open for writing, and must outlive the writer.
    explicit WavWriter(QIODevice &device);

    Result<void> begin(int sampleRate, int channels);
    Result<void> write(const qint16 *interleaved, qint64 frames);
    Result<void> finish();

    qint64 framesWritten() const { return m_frames; }

private:
    Result<void> writeBytes(const char *data, qint64 size);

    QIODevice &m_device;
    qint64 m_start = 0; // device position of the RIFF header
    int m_sampleRate = 0;
    int m_channels = 0;
    qint64 m_frames = 0;
    bool m_begun = false;
    bool m_finished = false;
};

} // namespace cv
