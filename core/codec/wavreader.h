#pragma once

#include "common/result.h"

#include <QtGlobal>
#include <memory>

class QIODevice;

namespace cv {

// Reads 16-bit PCM RIFF/WAVE files for import (untrusted bytes: every field is checked,
// and a file whose data chunk is cut short is refused rather than imported in part).
// Accepted: format 1 (PCM) or WAVE_FORMAT_EXTENSIBLE with the PCM sub-format, 16 bits,
// 8000, 16000 or 48000 Hz (any rate with RateCheck::AnyRate), mono or stereo. Unknown chunks (LIST,
// bext, fact...) are skipped, at most 64 of them before the audio data.
class WavReader final
{
public:
    static constexpr int kMaxChunksBeforeData = 64;
    static constexpr int kMaxFmtChunkSize = 1024;

    enum class RateCheck : int
    {
        CallRates = 0, // 8000, 16000 or 48000 Hz: what a recording may be imported at
        AnyRate = 1,   // 1000..384000 Hz, for audio the caller resamples itself (prompts, TTS)
    };

    // The device must be open for reading and positioned at the start of the file; it is
    // owned by the caller and must outlive the reader. It may be sequential (a pipe): the
    // data length is then checked while reading.
    static Result<std::unique_ptr<WavReader>> open(QIODevice &device,
                                                   RateCheck rateCheck = RateCheck::CallRates);

    int sampleRate() const { return m_sampleRate; }
    int channels() const { return m_channels; }
    qint64 frameCount() const { return m_frameCount; }
    qint64 durationMs() const { return m_frameCount * 1000 / m_sampleRate; }
    // Reads up to maxFrames frames (interleaved, host byte order); 0 at the end.
    Result<qint64> read(qint16 *interleaved, qint64 maxFrames);

private:
    explicit WavReader(QIODevice &device);

    QIODevice &m_device;
    int m_sampleRate = 0;
    int m_channels = 0;
    qint64 m_frameCount = 0;
    qint64 m_dataBytes = 0;
    qint64 m_framesRead = 0;
};

} // namespace cv
