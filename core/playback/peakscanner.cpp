#include "playback/peakscanner.h"

#include "playback/decodedaudiosource.h"

#include <vector>

namespace cv {

Result<PeakSummary> scanPeaks(DecodedAudioSource &source, const std::atomic<bool> *cancel)
{
    constexpr qint64 kBlockFrames = 4800;
    if (auto rewound = source.seekMs(0); !rewound)
        return rewound.error();
    PeakSummaryBuilder builder(DecodedAudioSource::kRate, DecodedAudioSource::kChannels);
    std::vector<qint16> block(
        static_cast<std::size_t>(kBlockFrames * DecodedAudioSource::kChannels));
    for (;;) {
        if (cancel && cancel->load())
            return makeError(ErrorCode::Cancelled,
                             QStringLiteral("The waveform was not computed (cancelled)."));
        auto n = source.read(block.data(), kBlockFrames);
        if (!n)
            return n.error();
        if (n.value() == 0)
            break;
        builder.add(block.data(), n.value());
    }
    return builder.finish();
}

} // namespace cv
