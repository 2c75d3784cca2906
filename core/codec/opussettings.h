#pragma once

#include "common/result.h"

namespace cv {

// Encoder parameters of a recording. The defaults are what a call recording needs:
// 16 kHz wideband, agent on the left and customer on the right, 32 kbit/s (16 kbit/s per
// voice, transparent for speech), 20 ms frames (the Opus sweet spot for VoIP).
struct OpusSettings final
{
    int sampleRate = 16000; // native capture rate: 8000, 12000, 16000, 24000 or 48000 Hz
    int channels = 2;       // 1 (mono) or 2 (stereo: agent left, customer right)
    int bitrate = 32000;    // bit/s for the whole stream, 6000..510000
    int complexity = 5;     // 0 (fastest) .. 10 (best)
    int frameMs = 20;       // Opus frame duration: 10, 20, 40 or 60 ms

    // Frames (samples per channel) in one Opus frame at the native rate.
    int frameSamples() const { return sampleRate / 1000 * frameMs; }

    // Checks every field; the message names the field, the bad value and what is allowed.
    Result<void> validate() const;
};

} // namespace cv
