#include "callaudioassembler.h"

#include <algorithm>

namespace cv::rtp {

CallAudioAssembler::CallAudioAssembler(const LegReceiver::Options &options)
    : m_agent(options), m_customer(options), m_agentMasker(m_agent.outputRate()),
      m_customerMasker(m_customer.outputRate()),
      m_delayUs(qint64(std::clamp(options.jitterMs, 0, 1000)) * 1000 +
                qint64(audio::DtmfMasker::kDelayMs) * 1000)
{
    // The recorder pulls every few tens of ms; 125 ms of room is reserved once so the
    // steady state does not allocate (more grows the vectors once, and they keep it).
    const int reserve = m_agent.outputRate() / 8;
    m_agentRaw.reserve(reserve);
    m_customerRaw.reserve(reserve);
    m_agentOut.reserve(reserve);
    m_customerOut.reserve(reserve);
}

void CallAudioAssembler::interleave(QVector<qint16> &interleaved)
{
    // Both legs run on the same clock, so the lanes come out equally long; should one be
    // ahead anyway, its surplus waits for the other.
    const qsizetype frames = std::min(m_agentOut.size(), m_customerOut.size());
    if (frames > 0) {
        const qsizetype base = interleaved.size();
        interleaved.resize(base + 2 * frames);
        qint16 *dst = interleaved.data() + base;
        const qint16 *left = m_agentOut.constData();
        const qint16 *right = m_customerOut.constData();
        for (qsizetype i = 0; i < frames; ++i) {
            dst[2 * i] = left[i];
            dst[2 * i + 1] = right[i];
        }
        m_agentOut.remove(0, frames);
        m_customerOut.remove(0, frames);
        m_framesOut += frames;
    }
    m_legSpans += m_agent.takeMaskedSpans();
    m_legSpans += m_customer.takeMaskedSpans();
}

void CallAudioAssembler::pullUntil(qint64 nowUs, QVector<qint16> &interleaved)
{
    if (m_finished)
        return;
    m_agentRaw.resize(0);
    m_customerRaw.resize(0);
    m_agent.pullUntil(nowUs, m_agentRaw);
    m_customer.pullUntil(nowUs, m_customerRaw);
    m_agentMasker.process(m_agentRaw.constData(), int(m_agentRaw.size()), m_agentOut);
    m_customerMasker.process(m_customerRaw.constData(), int(m_customerRaw.size()), m_customerOut);
    interleave(interleaved);
}

void CallAudioAssembler::finishAt(qint64 endUs, QVector<qint16> &interleaved)
{
    if (m_finished)
        return;
    m_agentRaw.resize(0);
    m_customerRaw.resize(0);
    m_agent.finishAt(endUs, m_agentRaw);
    m_customer.finishAt(endUs, m_customerRaw);
    m_agentMasker.process(m_agentRaw.constData(), int(m_agentRaw.size()), m_agentOut);
    m_customerMasker.process(m_customerRaw.constData(), int(m_customerRaw.size()), m_customerOut);
    m_agentMasker.flush(m_agentOut);
    m_customerMasker.flush(m_customerOut);
    // Equal lengths at the end too: pad the shorter lane (only if a leg was finished
    // earlier than the other by a caller).
    const qsizetype frames = std::max(m_agentOut.size(), m_customerOut.size());
    m_agentOut.resize(frames, 0);
    m_customerOut.resize(frames, 0);
    interleave(interleaved);
    m_finished = true;
}

QVector<audio::MaskedSpan> CallAudioAssembler::maskedSpans() const
{
    QVector<audio::MaskedSpan> all = m_legSpans;
    all += m_agentMasker.spans();
    all += m_customerMasker.spans();
    return audio::MaskedSpan::merged(all);
}

} // namespace cv::rtp
