#include "opussettings.h"

namespace cv {

Result<void> OpusSettings::validate() const
{
    if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000 &&
        sampleRate != 48000) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Opus sample rate %1 Hz is not supported; use 8000, 12000, "
                                        "16000, 24000 or 48000 Hz.")
                             .arg(sampleRate));
    }
    if (channels != 1 && channels != 2) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Opus channel count %1 is not supported; use 1 (mono) or "
                                        "2 (stereo).")
                             .arg(channels));
    }
    if (bitrate < 6000 || bitrate > 510000) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Opus bitrate %1 bit/s is out of range; use 6000 to "
                                        "510000 bit/s (32000 is right for stereo speech).")
                             .arg(bitrate));
    }
    if (complexity < 0 || complexity > 10) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("Opus complexity %1 is out of range; use 0 to 10.").arg(complexity));
    }
    if (frameMs != 10 && frameMs != 20 && frameMs != 40 && frameMs != 60) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Opus frame duration %1 ms is not supported; use 10, 20, "
                                        "40 or 60 ms.")
                             .arg(frameMs));
    }
    return {};
}

} // namespace cv
