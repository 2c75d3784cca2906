#include "dtmfmasker.h"

#include <algorithm>
#include <limits>

namespace cv::audio {

DtmfMasker::DtmfMasker(int sampleRate, QString cause)
    : m_detector(sampleRate), m_cause(std::move(cause)),
      m_delay(m_detector.sampleRate() * kDelayMs / 1000),
      m_guard(m_detector.sampleRate() * kGuardMs / 1000)
{
    m_ring.resize(2 * m_delay);
    m_transitions.reserve(8);
    m_intervals.reserve(8);
}

void DtmfMasker::closeInterval(Interval &interval)
{
    interval.open = false;
    const qint64 rate = m_detector.sampleRate();
    m_spans.append(
        MaskedSpan{interval.start * 1000 / rate, (interval.end * 1000 + rate - 1) / rate, m_cause});
}

void DtmfMasker::applyTransitions()
{
    const qint64 block = m_detector.blockSize();
    for (const DtmfDetector::Transition &t : std::as_const(m_transitions)) {
        if (t.on) {
            // The tone may have begun anywhere in the block before the first confirmed
            // one; what already left the delay line cannot be muted any more.
            const qint64 start = std::max(m_out, t.position - block - m_guard);
            if (!m_intervals.isEmpty() && m_intervals.last().open)
                continue; // cannot happen (off always precedes on); be safe
            m_intervals.append(
                Interval{std::max<qint64>(0, start), std::numeric_limits<qint64>::max(), true});
        } else if (!m_intervals.isEmpty() && m_intervals.last().open) {
            Interval &interval = m_intervals.last();
            // The tone may run on into the block that first missed it.
            interval.end = std::max(interval.start, t.position + block + m_guard);
            closeInterval(interval);
        }
    }
    m_transitions.clear();
}

void DtmfMasker::emitUntil(qint64 position, QVector<qint16> &out)
{
    const qint64 count = position - m_out;
    if (count <= 0)
        return;
    const qsizetype base = out.size();
    out.resize(base + qsizetype(count));
    qint16 *dst = out.data() + base;
    // At most two contiguous stretches of the ring.
    const qint64 ringSize = m_ring.size();
    const qint64 at = m_out % ringSize;
    const qint64 first = std::min(count, ringSize - at);
    std::copy_n(m_ring.constData() + at, first, dst);
    std::copy_n(m_ring.constData(), count - first, dst + first);
    // Mute the parts of this stretch that fall in a DTMF interval.
    for (const Interval &interval : std::as_const(m_intervals)) {
        const qint64 a = std::max(interval.start, m_out);
        const qint64 b = std::min(interval.end, position);
        if (a < b) {
            std::fill(dst + (a - m_out), dst + (b - m_out), qint16(0));
            m_maskedSamples += b - a;
        }
    }
    m_out = position;
    m_intervals.erase(
        std::remove_if(m_intervals.begin(), m_intervals.end(),
                       [this](const Interval &i) { return !i.open && i.end <= m_out; }),
        m_intervals.end());
}

void DtmfMasker::process(const qint16 *in, int n, QVector<qint16> &out)
{
    if (m_finished || n <= 0)
        return;
    const qint64 ringSize = m_ring.size();
    int done = 0;
    while (done < n) {
        // At most `delay` new samples at a time, so the ring (2 * delay) never overwrites
        // samples that have not left yet.
        const int piece = std::min(n - done, m_delay);
        const qint64 at = m_in % ringSize;
        const qint64 first = std::min<qint64>(piece, ringSize - at);
        std::copy_n(in + done, first, m_ring.data() + at);
        std::copy_n(in + done + first, piece - first, m_ring.data());
        m_detector.process(in + done, piece, m_transitions);
        m_in += piece;
        done += piece;
        applyTransitions();
        emitUntil(std::max<qint64>(0, m_in - m_delay), out);
    }
}

void DtmfMasker::flush(QVector<qint16> &out)
{
    if (m_finished)
        return;
    m_detector.finish(m_transitions);
    applyTransitions();
    for (Interval &interval : m_intervals) {
        if (interval.open) {
            interval.end = m_in;
            closeInterval(interval);
        }
    }
    emitUntil(m_in, out);
    m_finished = true;
}

QVector<MaskedSpan> DtmfMasker::takeSpans()
{
    QVector<MaskedSpan> spans = MaskedSpan::merged(m_spans);
    m_spans.clear();
    return spans;
}

} // namespace cv::audio
