#pragma once

#include "audio/dtmfmasker.h"
#include "audio/maskedspan.h"
#include "rtp/legreceiver.h"

#include <QVector>

namespace cv::rtp {

// The two legs of a call made into one stereo stream: agent = left, customer = right,
// s16 interleaved at Options::outputRate, with in-band DTMF muted on each lane (and the
// RFC 4733 events already muted by the legs). Both lanes always have the same number of
// frames; frame i is call sample i (from LegReceiver::Options::originUs).
//
// Latency: pullUntil(now) gives audio up to now - jitterMs - DtmfMasker::kDelayMs.
class CallAudioAssembler final
{
public:
    explicit CallAudioAssembler(const LegReceiver::Options &options);

    LegReceiver &agent() { return m_agent; }
    LegReceiver &customer() { return m_customer; }
    const LegReceiver &agent() const { return m_agent; }
    const LegReceiver &customer() const { return m_customer; }
    int outputRate() const { return m_agent.outputRate(); }
    // How far the output lags the `now` given to pullUntil (jitter buffer + DTMF look-ahead).
    qint64 delayUs() const { return m_delayUs; }

    void pullUntil(qint64 nowUs, QVector<qint16> &interleaved);
    void finishAt(qint64 endUs, QVector<qint16> &interleaved);

    // Every span muted so far on either lane, in ms from the call's start, merged per cause.
    QVector<audio::MaskedSpan> maskedSpans() const;
    qint64 framesOut() const { return m_framesOut; }

private:
    void interleave(QVector<qint16> &interleaved);

    LegReceiver m_agent;
    LegReceiver m_customer;
    audio::DtmfMasker m_agentMasker;
    audio::DtmfMasker m_customerMasker;
    QVector<qint16> m_agentRaw;
    QVector<qint16> m_customerRaw;
    QVector<qint16> m_agentOut; // masked, waiting for the other lane
    QVector<qint16> m_customerOut;
    QVector<audio::MaskedSpan> m_legSpans;
    qint64 m_framesOut = 0;
    qint64 m_delayUs = 0;
    bool m_finished = false;
};

} // namespace cv::rtp
