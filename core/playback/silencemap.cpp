#include "playback/silencemap.h"

#include <algorithm>

namespace cv {

SilenceMap SilenceMap::fromPeaks(const PeakSummary &peaks, qint64 minGapMs)
{
    SilenceMap map;
    const qint64 buckets = peaks.bucketCount();
    if (buckets == 0 || peaks.bucketMs <= 0)
        return map;
    auto silent = [&](qint64 bucket) {
        for (const QByteArray &lane : peaks.lanes) {
            if (static_cast<quint8>(lane.at(bucket)) > kSilentPeak)
                return false;
        }
        return true;
    };
    qint64 runStart = -1;
    for (qint64 b = 0; b <= buckets; ++b) {
        const bool quiet = b < buckets && silent(b);
        if (quiet && runStart < 0)
            runStart = b;
        if (quiet || runStart < 0)
            continue;
        const qint64 startMs = runStart * peaks.bucketMs;
        const qint64 endMs = b * peaks.bucketMs;
        runStart = -1;
        if (endMs - startMs <= minGapMs)
            continue;
        map.m_spans.append({startMs + kKeepMs, endMs - kKeepMs});
    }
    return map;
}

qint64 SilenceMap::skipTarget(qint64 ms) const
{
    // The first span that ends after `ms`; it contains `ms` when it also starts at or before.
    auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), ms,
                               [](qint64 value, const Span &span) { return value < span.endMs; });
    if (it != m_spans.cend() && it->startMs <= ms)
        return it->endMs;
    return ms;
}

} // namespace cv
