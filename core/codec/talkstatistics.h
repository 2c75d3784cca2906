#pragma once

#include "codec/peaksummary.h"

#include <QtGlobal>

namespace cv {

// Who talked how much in a call, read from its waveform overview (PeakSummary) rather than
// the audio: the details pane shows it without decrypting anything. A bucket counts as
// speech on a lane when its peak reaches kSpeechPeak (about -26 dBFS: above line noise and
// comfort noise, below quiet speech). Lane 0 is the agent, lane 1 the customer (the
// stereo layout of our recordings); a mono recording has speech and silence only.
struct TalkStatistics
{
    static constexpr int kSpeechPeak = 13; // of 255, ~5 % of full scale

    qint64 totalMs = 0;
    qint64 agentMs = 0;    // the agent's lane (mono: any speech)
    qint64 customerMs = 0; // 0 for mono
    qint64 overlapMs = 0;  // both at once
    qint64 silenceMs = 0;  // neither
    qint64 longestSilenceMs = 0;
    bool stereo = false;

    static TalkStatistics fromPeaks(const PeakSummary &peaks);
    // Share of the call, 0..100 (0 for an empty call).
    int percentOf(qint64 ms) const;
};

} // namespace cv
