#pragma once

#include "codec/peaksummary.h"

#include <QVector>

namespace cv {

// Where "skip silences" jumps: the stretches in which neither party makes a sound for longer
// than kMinGapMs, found in the stored peaks (no decoding needed). kKeepMs of each gap stays
// at both ends, so the jump sounds like a short pause and no syllable is clipped.
class SilenceMap final
{
public:
    static constexpr qint64 kMinGapMs = 1000;
    static constexpr qint64 kKeepMs = 250;
    // Peak byte (0..255 of full scale) at or under which a bucket counts as silent: 3/255 is
    // about -39 dBFS, above decoded digital silence and line hiss, below any speech.
    static constexpr int kSilentPeak = 3;

    struct Span
    {
        qint64 startMs = 0; // the part that is skipped: [startMs, endMs)
        qint64 endMs = 0;
    };

    SilenceMap() = default;
    static SilenceMap fromPeaks(const PeakSummary &peaks, qint64 minGapMs = kMinGapMs);

    // Where playback that reached `ms` continues: the end of the skipped span `ms` is in, or
    // `ms` itself when it is not in one.
    qint64 skipTarget(qint64 ms) const;
    const QVector<Span> &spans() const { return m_spans; }
    bool isEmpty() const { return m_spans.isEmpty(); }

private:
    QVector<Span> m_spans; // ordered, disjoint
};

} // namespace cv
