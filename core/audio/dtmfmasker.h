#pragma once

#include "audio/dtmfdetector.h"
#include "audio/maskedspan.h"

#include <QString>
#include <QVector>

namespace cv::audio {

// Mutes in-band DTMF in one mono lane. The detector needs about two blocks (26 ms) to be
// sure of a tone, so the audio goes through a fixed look-ahead delay of kDelayMs: by the
// time a sample leaves, the detector has seen 60 ms past it and the tone's START can be
// muted too, not only what follows the decision. Muted spans get kGuardMs on both sides.
//
// Sample i out is sample i in (muted or not); it only leaves delaySamples() later, so
// process() returns delaySamples() fewer samples than it took until flush() gives the rest. Spans
// are kept as times only: the digits are never stored or logged.
class DtmfMasker final
{
public:
    static constexpr int kDelayMs = 60;
    static constexpr int kGuardMs = 20;

    explicit DtmfMasker(int sampleRate, QString cause = QStringLiteral("dtmf-inband"));

    int sampleRate() const { return m_detector.sampleRate(); }
    int delaySamples() const { return m_delay; }

    // Appends the delayed, masked audio (max(0, total in - delay) samples so far).
    void process(const qint16 *in, int n, QVector<qint16> &out);
    // Appends the last delaySamples() (or fewer) samples; the masker is then finished.
    void flush(QVector<qint16> &out);

    // Spans closed so far, in ms from the first sample (merged).
    QVector<MaskedSpan> spans() const { return MaskedSpan::merged(m_spans); }
    QVector<MaskedSpan> takeSpans();
    qint64 maskedSamples() const { return m_maskedSamples; }

private:
    struct Interval
    {
        qint64 start = 0;
        qint64 end = 0; // exclusive; open while the tone lasts
        bool open = true;
    };

    void applyTransitions();
    void emitUntil(qint64 position, QVector<qint16> &out);
    void closeInterval(Interval &interval);

    DtmfDetector m_detector;
    QString m_cause;
    int m_delay;
    int m_guard;
    QVector<qint16> m_ring; // capacity 2 * delay: pieces of up to `delay` samples at a time
    qint64 m_in = 0;        // samples received
    qint64 m_out = 0;       // samples emitted
    QVector<DtmfDetector::Transition> m_transitions;
    QVector<Interval> m_intervals; // not yet fully emitted
    QVector<MaskedSpan> m_spans;
    qint64 m_maskedSamples = 0;
    bool m_finished = false;
};

} // namespace cv::audio
