#pragma once

#include "audio/maskedspan.h"
#include "common/result.h"
#include "rtp/legstatistics.h"
#include "rtp/payloaddecoder.h"
#include "rtp/payloadformat.h"
#include "rtp/rtppacket.h"

#include <QHash>
#include <QVector>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace cv::rtp {

// One direction of a call: jitter buffer, decoder, statistics and RFC 4733 events, turning
// RTP packets into mono PCM on the CALL's timeline (sample 0 = Options::originUs).
//
// Time comes only from the caller (capture timestamps on replay, the wall clock live). A
// stream (SSRC) is anchored at its first packet: RTP timestamp T arriving at time a maps to
// the call sample of `a`; later packets land at anchor + (timestamp - T). Playout runs
// jitterMs behind the caller's clock, so both legs of a call, anchored to the same clock,
// stay aligned whatever their RTP timestamps are. Gaps become concealment (up to 100 ms
// after real audio) then silence: a 30 s hold gives 30 s of silence. A packet whose time
// was already played is late (dropped). The anchor follows the fastest packets (one more
// than 5 ms early moves the stream earlier; 2 s of packets all over 40 ms late move it
// later), which absorbs a delayed first packet and sender clock drift ("slips"). An SSRC
// change, a timestamp more than 1 s away from its arrival, or 8 late packets in a row
// re-anchor the stream.
// Telephone events mute their span (plus a guard) and record it; digits are never kept.
//
// Memory is bounded: at most kSlots packets of at most Options::maxPayloadBytes wait in the
// buffer (kMaxBufferedBytes in all); more is dropped and counted.
class LegReceiver final
{
public:
    static constexpr int kSlots = 64;
    static constexpr int kMaxBufferedBytes = 24 * 1024;
    static constexpr int kMaxConcealMs = 100;
    static constexpr int kMaxDeviationMs = 1000;
    static constexpr int kLateRunReanchor = 8;
    static constexpr int kEventGuardMs = 20;

    struct Options
    {
        int outputRate = 8000;
        int jitterMs = 80;
        qint64 originUs = 0;                      // the call's start: the same for both legs
        QHash<int, PayloadFormat> payloadFormats; // dynamic types from SDP; static ones known
        int telephoneEventPayloadType = -1;
        int maxPayloadBytes = 1500;
    };

    explicit LegReceiver(Options options);
    ~LegReceiver();
    LegReceiver(const LegReceiver &) = delete;
    LegReceiver &operator=(const LegReceiver &) = delete;

    // A re-INVITE may change the formats (and the telephone-event type, -1 keeps it).
    void setPayloadFormats(const QHash<int, PayloadFormat> &formats,
                           int telephoneEventPayloadType = -1);

    void push(qint64 arrivalUs, const RtpPacket &packet);
    // Appends this leg's audio up to the call sample of `nowUs - jitterMs`.
    void pullUntil(qint64 nowUs, QVector<qint16> &pcm);
    // Appends everything up to the call sample of `endUs` (no jitter delay) and closes open
    // events. Later pulls add nothing.
    void finishAt(qint64 endUs, QVector<qint16> &pcm);

    LegStatistics statistics() const;
    bool hasMedia() const { return m_audioPackets > 0; }
    qint64 samplesOut() const { return m_outPos; }
    // Payload bytes waiting in the jitter buffer (at most kMaxBufferedBytes).
    int bufferedBytes() const { return m_bufferedBytes; }
    int outputRate() const { return m_options.outputRate; }
    // Masked spans (cause "dtmf-rfc4733") closed since the last call, ms from call start.
    QVector<audio::MaskedSpan> takeMaskedSpans();
    // The last decoder error (e.g. ErrorCode::Unsupported "codec ..."), if any.
    std::optional<Error> decoderError() const { return m_decoderError; }
    // Call sample of a caller time (floor).
    qint64 positionAt(qint64 us) const;

private:
    struct Slot
    {
        bool used = false;
        int payloadType = 0;
        qint64 pos = 0;
        int size = 0;
        std::vector<uchar> data;
    };
    struct Event
    {
        bool used = false;
        bool ended = false;
        qint64 extTimestamp = 0;
        qint64 start = 0;
        qint64 end = 0;        // start + duration
        qint64 mutedUntil = 0; // furthest sample muted for it
        qint64 lastUpdate = 0; // call sample of the last packet's arrival
    };

    const PayloadFormat *formatFor(int payloadType);
    void startStream(const RtpPacket &packet, qint64 arrivalPos);
    void anchor(qint64 extTimestamp, qint64 arrivalPos);
    qint64 extendTimestamp(quint32 ts);
    qint64 slip(qint64 pos, qint64 arrivalPos);
    bool acceptSequence(quint16 seq, qint64 arrivalPos);
    void handleEvent(const RtpPacket &packet, qint64 extTs, qint64 pos, int clockRate,
                     qint64 arrivalPos);
    void store(const RtpPacket &packet, qint64 pos);
    void produceUntil(qint64 target, QVector<qint16> &pcm);
    bool decodeSlot(Slot &slot);
    void fillGap(qint64 samples, QVector<qint16> &pcm);
    void applyEvents(qint64 from, qint64 to, qint16 *pcm, qint64 nowPos, bool finishing);
    qint64 eventEnd(const Event &event) const;
    void rememberClosed(qint64 extTimestamp);

    Options m_options;
    qint64 m_jitterSamples;

    // Stream state (current SSRC).
    bool m_haveStream = false;
    quint32 m_ssrc = 0;
    bool m_havePreviousSsrc = false;
    quint32 m_previousSsrc = 0;
    qint64 m_ssrcChangePos = 0;
    qint64 m_highestSeq = 0;
    qint64 m_baseSeq = 0;
    qint64 m_receivedInStream = 0;
    std::array<quint64, 4> m_seen{}; // bit window of the last 256 sequence numbers
    qint64 m_highestTs = 0;
    int m_clockRate = 8000;
    qint64 m_anchorTs = 0;
    qint64 m_anchorPos = 0;
    int m_lateRun = 0;
    bool m_windowValid = false;
    qint64 m_windowStart = 0;
    qint64 m_windowMaxOffset = 0;
    bool m_haveTransit = false;
    qint64 m_lastTransit = 0;
    double m_jitter = 0.0; // RTP clock units

    // Format and decoder caches: looked up only when the payload type changes.
    int m_cachedPt = -1;
    const PayloadFormat *m_cachedFormat = nullptr;
    std::optional<PayloadFormat> m_staticFormat;
    int m_decoderPt = -1;
    std::unique_ptr<PayloadDecoder> m_decoder;
    std::optional<Error> m_decoderError;

    std::vector<Slot> m_slots;
    int m_bufferedBytes = 0;
    QVector<qint16> m_pending; // decoded audio starting at m_outPos + 0
    qsizetype m_pendingRead = 0;
    qint64 m_outPos = 0;
    qint64 m_concealRun = 0;
    bool m_afterAudio = false;
    bool m_finished = false;

    std::array<Event, 4> m_events{};
    std::array<qint64, 4> m_closedEvents{-1, -1, -1, -1}; // timestamps of recent events
    int m_closedNext = 0;
    QVector<audio::MaskedSpan> m_spans;

    LegStatistics m_stats;
    qint64 m_audioPackets = 0;
    qint64 m_lostBefore = 0; // losses of earlier streams
    qint64 m_concealedSamples = 0;
};

} // namespace cv::rtp
