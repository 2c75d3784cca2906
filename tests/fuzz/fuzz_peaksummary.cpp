// Fuzz target: PeakSummary::parse on arbitrary bytes. Whatever parses must be consistent
// and serialize back to exactly the same bytes.

#include "codec/peaksummary.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = cv::PeakSummary::parse(bytes);
    if (!parsed) {
        if (parsed.errorMessage().isEmpty())
            std::abort();
        return 0;
    }
    const cv::PeakSummary &summary = parsed.value();
    if (summary.channels < 1 || summary.channels > 2 || summary.lanes.size() != summary.channels)
        std::abort();
    for (const QByteArray &lane : summary.lanes) {
        if (lane.size() != summary.bucketCount())
            std::abort();
    }
    if (summary.serialize() != bytes)
        std::abort();
    return 0;
}
