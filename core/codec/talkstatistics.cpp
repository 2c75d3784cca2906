#include "codec/talkstatistics.h"

namespace cv {

namespace {

bool speaks(const QByteArray &lane, qint64 bucket)
{
    return static_cast<quint8>(lane.at(bucket)) >= TalkStatistics::kSpeechPeak;
}

} // namespace

TalkStatistics TalkStatistics::fromPeaks(const PeakSummary &peaks)
{
    TalkStatistics stats;
    const qint64 buckets = peaks.bucketCount();
    if (buckets == 0 || peaks.lanes.isEmpty())
        return stats;
    stats.stereo = peaks.lanes.size() >= 2;
    const qint64 step = peaks.bucketMs;
    qint64 silentRun = 0;
    for (qint64 b = 0; b < buckets; ++b) {
        const bool agent = speaks(peaks.lanes.at(0), b);
        const bool customer = stats.stereo && speaks(peaks.lanes.at(1), b);
        stats.agentMs += agent ? step : 0;
        stats.customerMs += customer ? step : 0;
        stats.overlapMs += agent && customer ? step : 0;
        if (!agent && !customer) {
            stats.silenceMs += step;
            silentRun += step;
            stats.longestSilenceMs = qMax(stats.longestSilenceMs, silentRun);
        } else {
            silentRun = 0;
        }
    }
    stats.totalMs = buckets * step;
    return stats;
}

int TalkStatistics::percentOf(qint64 ms) const
{
    return totalMs <= 0 ? 0 : static_cast<int>((ms * 100 + totalMs / 2) / totalMs);
}

} // namespace cv
