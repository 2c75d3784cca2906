#pragma once

#include "codec/peaksummary.h"
#include "common/result.h"

#include <atomic>

namespace cv {

class DecodedAudioSource;

// The waveform of a recording that has no stored peaks (a recovered recording: the crash
// came before the trailer that carries them), computed by decoding it once, in memory.
// Slow for long calls, so the player runs it off the GUI thread on a source of its own;
// `cancel` stops it early (ErrorCode::Cancelled).
Result<PeakSummary> scanPeaks(DecodedAudioSource &source,
                              const std::atomic<bool> *cancel = nullptr);

} // namespace cv
