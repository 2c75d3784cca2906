#include "legreceiver.h"

#include "common/logging.h"
#include "rtp/telephoneevent.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace cv::rtp {

namespace {

constexpr qint64 kSeqOffset = 65536; // extended numbers stay positive
constexpr qint64 kTsOffset = qint64(1) << 32;
constexpr qint64 kMaxDropout = 3000;  // RFC 3550 A.1: a bigger jump is a restart
constexpr int kOpenEventHoldMs = 250; // an event without its end bit mutes this far
constexpr int kStaleEventMs = 1000;   // ... and is closed after this long unheard
constexpr int kSlotKeepBytes = 512;   // slot buffers above this are given back
constexpr int kStragglerMs = 500;     // old-SSRC packets this soon after a change
constexpr int kSlipEarlyMs = 5;       // a packet this much early moves the stream
constexpr int kSlipWindowMs = 2000;   // lateness is judged over this long

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// floor(delta * mul / div) with delta clamped to +-2^40 (12 days in µs, 2^40 RTP ticks):
// garbage times or timestamps from a broken sender must not overflow the product.
qint64 scale(qint64 delta, qint64 mul, qint64 div)
{
    constexpr qint64 kLimit = qint64(1) << 40;
    return floorDiv(std::clamp(delta, -kLimit, kLimit) * mul, div);
}

} // namespace

LegReceiver::LegReceiver(Options options) : m_options(std::move(options))
{
    m_options.outputRate = std::clamp(m_options.outputRate, 8000, 48000);
    m_options.jitterMs = std::clamp(m_options.jitterMs, 0, 1000);
    m_options.maxPayloadBytes = std::clamp(m_options.maxPayloadBytes, 1, 8192);
    m_jitterSamples = qint64(m_options.jitterMs) * m_options.outputRate / 1000;
    m_slots.resize(kSlots);
}

LegReceiver::~LegReceiver() = default;

qint64 LegReceiver::positionAt(qint64 us) const
{
    qint64 delta = 0;
    if (__builtin_sub_overflow(us, m_options.originUs, &delta))
        delta = us < 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return scale(delta, m_options.outputRate, 1000000);
}

void LegReceiver::setPayloadFormats(const QHash<int, PayloadFormat> &formats,
                                    int telephoneEventPayloadType)
{
    m_options.payloadFormats = formats;
    if (telephoneEventPayloadType >= 0)
        m_options.telephoneEventPayloadType = telephoneEventPayloadType;
    m_cachedPt = -1;
    m_cachedFormat = nullptr;
    if (m_decoder) {
        const PayloadFormat *format = formatFor(m_decoderPt);
        if (!format || *format != m_decoder->format()) {
            m_decoder.reset();
            m_decoderPt = -1;
        }
    }
}

const PayloadFormat *LegReceiver::formatFor(int payloadType)
{
    if (payloadType == m_cachedPt)
        return m_cachedFormat;
    m_cachedPt = payloadType;
    m_cachedFormat = nullptr;
    const auto it = m_options.payloadFormats.constFind(payloadType);
    if (it != m_options.payloadFormats.constEnd()) {
        m_cachedFormat = &it.value();
    } else {
        m_staticFormat = PayloadFormat::forStaticType(payloadType);
        if (m_staticFormat)
            m_cachedFormat = &*m_staticFormat;
    }
    if (!m_stats.payloadTypes.contains(payloadType) && m_stats.payloadTypes.size() < 16)
        m_stats.payloadTypes.append(payloadType);
    return m_cachedFormat;
}

void LegReceiver::anchor(qint64 extTimestamp, qint64 arrivalPos)
{
    m_anchorTs = extTimestamp;
    m_anchorPos = arrivalPos;
    m_lateRun = 0;
    m_haveTransit = false;
    m_windowValid = false;
}

qint64 LegReceiver::slip(qint64 pos, qint64 arrivalPos)
{
    // The anchor follows the FASTEST packets: one that arrives earlier than its predicted
    // time shows the anchor packet itself was delayed (or the sender's clock runs fast),
    // so the stream moves earlier; the jitter buffer then absorbs the slower ones.
    const qint64 rate = m_options.outputRate;
    const qint64 early = pos - arrivalPos;
    if (early > qint64(kSlipEarlyMs) * rate / 1000) {
        m_anchorPos -= early;
        pos -= early;
        ++m_stats.slips;
    }
    // If every packet for kSlipWindowMs came more than half the buffer late (the sender's
    // clock runs slow, or the path got longer), move the stream later by the smallest
    // lateness, before packets start missing their time.
    const qint64 offset = pos - arrivalPos;
    if (!m_windowValid) {
        m_windowValid = true;
        m_windowStart = arrivalPos;
        m_windowMaxOffset = offset;
    } else {
        m_windowMaxOffset = std::max(m_windowMaxOffset, offset);
    }
    if (arrivalPos - m_windowStart >= qint64(kSlipWindowMs) * rate / 1000) {
        if (m_windowMaxOffset < -m_jitterSamples / 2) {
            m_anchorPos -= m_windowMaxOffset;
            pos -= m_windowMaxOffset;
            ++m_stats.slips;
        }
        m_windowValid = false;
    }
    return pos;
}

qint64 LegReceiver::extendTimestamp(quint32 ts)
{
    const qint64 ext = m_highestTs + qint32(ts - quint32(m_highestTs));
    if (ext > m_highestTs)
        m_highestTs = ext;
    return ext;
}

void LegReceiver::startStream(const RtpPacket &packet, qint64 arrivalPos)
{
    if (m_haveStream)
        m_lostBefore += std::max<qint64>(0, m_highestSeq - m_baseSeq + 1 - m_receivedInStream);
    m_haveStream = true;
    m_ssrc = packet.ssrc;
    m_highestSeq = m_baseSeq = kSeqOffset + packet.sequence;
    m_receivedInStream = 0;
    m_seen = {};
    m_highestTs = kTsOffset + packet.timestamp;
    m_closedEvents.fill(-1);
    anchor(m_highestTs, arrivalPos);
}

bool LegReceiver::acceptSequence(quint16 seq, qint64 arrivalPos)
{
    Q_UNUSED(arrivalPos);
    const qint64 ext = m_highestSeq + qint16(quint16(seq - quint16(m_highestSeq)));
    const qint64 delta = ext - m_highestSeq;
    if (delta > kMaxDropout || delta < -kMaxDropout) {
        // The sender restarted its numbering without a new SSRC: a new count begins.
        m_lostBefore += std::max<qint64>(0, m_highestSeq - m_baseSeq + 1 - m_receivedInStream);
        m_highestSeq = m_baseSeq = kSeqOffset + seq;
        m_receivedInStream = 1;
        m_seen = {};
        m_seen[0] = 1;
        return true;
    }
    if (delta > 0) {
        // Slide the 256-bit window of seen numbers (bit i = highest - i).
        if (delta >= 256) {
            m_seen = {};
        } else {
            const int words = int(delta / 64);
            const int bits = int(delta % 64);
            for (int w = 3; w >= 0; --w) {
                quint64 v = 0;
                if (w - words >= 0) {
                    v = m_seen[size_t(w - words)] << bits;
                    if (bits && w - words - 1 >= 0)
                        v |= m_seen[size_t(w - words - 1)] >> (64 - bits);
                }
                m_seen[size_t(w)] = v;
            }
        }
        m_highestSeq = ext;
        m_seen[0] |= 1;
    } else {
        const qint64 index = -delta;
        if (index < 256) {
            quint64 &word = m_seen[size_t(index / 64)];
            const quint64 bit = quint64(1) << (index % 64);
            if (word & bit) {
                ++m_stats.duplicates;
                return false;
            }
            word |= bit;
        }
        if (delta < 0)
            ++m_stats.outOfOrder;
        if (ext < m_baseSeq)
            m_baseSeq = ext;
    }
    ++m_receivedInStream;
    return true;
}

void LegReceiver::push(qint64 arrivalUs, const RtpPacket &packet)
{
    if (m_finished)
        return;
    ++m_stats.packets;
    m_stats.bytes += std::max(0, packet.payloadSize);
    const qint64 arrivalPos = positionAt(arrivalUs);
    const PayloadFormat *format = formatFor(packet.payloadType);
    const bool isEvent = packet.payloadType == m_options.telephoneEventPayloadType ||
                         (format && format->isTelephoneEvent());
    const int clockRate = format ? std::max(1, format->clockRate) : m_clockRate;

    if (!m_haveStream) {
        m_clockRate = clockRate;
        startStream(packet, arrivalPos);
    } else if (packet.ssrc != m_ssrc) {
        // A straggler of the stream just replaced is dropped; after kStragglerMs the old
        // SSRC coming back is a real change (a PBX switching back from music on hold).
        if (m_havePreviousSsrc && packet.ssrc == m_previousSsrc &&
            arrivalPos - m_ssrcChangePos < qint64(kStragglerMs) * m_options.outputRate / 1000) {
            ++m_stats.late;
            return;
        }
        ++m_stats.ssrcChanges;
        m_previousSsrc = m_ssrc;
        m_havePreviousSsrc = true;
        m_ssrcChangePos = arrivalPos;
        m_clockRate = clockRate;
        startStream(packet, arrivalPos);
    }
    if (!acceptSequence(packet.sequence, arrivalPos))
        return;
    if (!format && !isEvent) {
        ++m_stats.undecodable;
        return;
    }
    if (format && format->isComfortNoise())
        return; // silence is what a gap becomes anyway

    const qint64 rate = m_options.outputRate;
    const qint64 extTs = extendTimestamp(packet.timestamp);
    if (clockRate != m_clockRate) {
        // Another clock (a re-INVITE to Opus): timestamps of the two do not compare.
        m_clockRate = clockRate;
        anchor(extTs, arrivalPos);
        ++m_stats.reanchors;
    }
    qint64 pos = m_anchorPos + scale(extTs - m_anchorTs, rate, m_clockRate);
    const qint64 maxDeviation = qint64(kMaxDeviationMs) * rate / 1000;

    if (isEvent) {
        handleEvent(packet, extTs, pos, m_clockRate, arrivalPos);
        return;
    }
    if (std::abs(pos - arrivalPos) > maxDeviation) {
        anchor(extTs, arrivalPos);
        ++m_stats.reanchors;
        pos = arrivalPos;
    }
    pos = slip(pos, arrivalPos);

    // RFC 3550 6.4.1 interarrival jitter, in RTP clock units.
    const qint64 arrivalClock = scale(positionAt(arrivalUs), m_clockRate, m_options.outputRate);
    const qint64 transit = arrivalClock - extTs;
    if (m_haveTransit) {
        const double d = double(std::abs(transit - m_lastTransit));
        m_jitter += (d - m_jitter) / 16.0;
    }
    m_lastTransit = transit;
    m_haveTransit = true;

    if (pos < m_outPos) {
        ++m_stats.late;
        if (++m_lateRun < kLateRunReanchor)
            return;
        // Consistently late: the sender's clock runs slow against ours, or the path got
        // longer. Start again from this packet's arrival.
        anchor(extTs, arrivalPos);
        ++m_stats.reanchors;
        pos = arrivalPos;
        if (pos < m_outPos)
            return;
        --m_stats.late;
    } else {
        m_lateRun = 0;
    }
    store(packet, pos);
}

void LegReceiver::store(const RtpPacket &packet, qint64 pos)
{
    const int size = packet.payloadSize;
    if (size <= 0 || size > m_options.maxPayloadBytes) {
        ++m_stats.dropped;
        return;
    }
    for (;;) {
        Slot *freeSlot = nullptr;
        Slot *latest = nullptr;
        for (Slot &slot : m_slots) {
            if (!slot.used) {
                if (!freeSlot)
                    freeSlot = &slot;
            } else if (!latest || slot.pos > latest->pos) {
                latest = &slot;
            }
        }
        if (freeSlot && m_bufferedBytes + size <= kMaxBufferedBytes) {
            freeSlot->used = true;
            freeSlot->payloadType = packet.payloadType;
            freeSlot->pos = pos;
            freeSlot->size = size;
            freeSlot->data.assign(packet.payload, packet.payload + size);
            m_bufferedBytes += size;
            ++m_audioPackets;
            return;
        }
        // Full: keep what plays soonest.
        ++m_stats.dropped;
        if (!latest || latest->pos <= pos)
            return;
        latest->used = false;
        m_bufferedBytes -= latest->size;
    }
}

void LegReceiver::handleEvent(const RtpPacket &packet, qint64 extTs, qint64 pos, int clockRate,
                              qint64 arrivalPos)
{
    const std::optional<TelephoneEvent> event =
        TelephoneEvent::parse(packet.payload, packet.payloadSize);
    if (!event) {
        ++m_stats.undecodable;
        return;
    }
    const qint64 rate = m_options.outputRate;
    const qint64 duration = qint64(event->duration) * rate / clockRate;
    // An event's packets keep its start timestamp for its whole length: judge the time of
    // its current end against the arrival, and trust the arrival when they disagree.
    if (std::abs(pos + duration - arrivalPos) > qint64(kMaxDeviationMs) * rate / 1000)
        pos = arrivalPos - duration;

    for (Event &e : m_events) {
        if (e.used && e.extTimestamp == extTs) {
            e.end = std::max(e.end, pos + duration);
            e.ended = e.ended || event->end; // repeated end packets change nothing
            e.lastUpdate = arrivalPos;
            return;
        }
    }
    // The end packet is sent three times; copies arriving after the event was closed
    // belong to it, not to a new key press.
    if (std::find(m_closedEvents.begin(), m_closedEvents.end(), extTs) != m_closedEvents.end())
        return;
    ++m_stats.dtmfEvents;
    if (pos + duration + qint64(kEventGuardMs) * rate / 1000 <= m_outPos) {
        rememberClosed(extTs); // entirely in audio already written: nothing left to mute
        return;
    }
    Event *slot = nullptr;
    for (Event &e : m_events) {
        if (!e.used) {
            slot = &e;
            break;
        }
    }
    if (!slot) {
        // Four overlapping events only come from a broken sender: close the oldest.
        slot = &*std::min_element(m_events.begin(), m_events.end(),
                                  [](const Event &a, const Event &b) { return a.start < b.start; });
        rememberClosed(slot->extTimestamp);
        if (slot->mutedUntil > slot->start)
            m_spans.append(audio::MaskedSpan{slot->start * 1000 / rate,
                                             (slot->mutedUntil * 1000 + rate - 1) / rate,
                                             QStringLiteral("dtmf-rfc4733")});
    }
    const qint64 start = std::max(pos, m_outPos);
    *slot =
        Event{true, event->end, extTs, start, std::max(start, pos + duration), start, arrivalPos};
}

void LegReceiver::rememberClosed(qint64 extTimestamp)
{
    m_closedEvents[size_t(m_closedNext)] = extTimestamp;
    m_closedNext = (m_closedNext + 1) % int(m_closedEvents.size());
}

qint64 LegReceiver::eventEnd(const Event &event) const
{
    const qint64 rate = m_options.outputRate;
    return event.end + (event.ended ? kEventGuardMs : kOpenEventHoldMs) * rate / 1000;
}

void LegReceiver::applyEvents(qint64 from, qint64 to, qint16 *pcm, qint64 nowPos, bool finishing)
{
    const qint64 rate = m_options.outputRate;
    for (Event &e : m_events) {
        if (!e.used)
            continue;
        if (!e.ended && (finishing || nowPos - e.lastUpdate > qint64(kStaleEventMs) * rate / 1000))
            e.ended = true; // its end packets were lost
        const qint64 a = std::max(e.start, from);
        const qint64 b = std::min(eventEnd(e), to);
        if (a < b) {
            std::fill(pcm + (a - from), pcm + (b - from), qint16(0));
            e.mutedUntil = std::max(e.mutedUntil, b);
        }
        if (e.ended && (finishing || to >= eventEnd(e))) {
            if (e.mutedUntil > e.start) {
                m_spans.append(audio::MaskedSpan{e.start * 1000 / rate,
                                                 (e.mutedUntil * 1000 + rate - 1) / rate,
                                                 QStringLiteral("dtmf-rfc4733")});
            }
            e.used = false;
            rememberClosed(e.extTimestamp);
        }
    }
}

bool LegReceiver::decodeSlot(Slot &slot)
{
    if (slot.payloadType != m_decoderPt) {
        m_decoderPt = slot.payloadType;
        m_decoder.reset();
        if (const PayloadFormat *format = formatFor(slot.payloadType)) {
            Result<std::unique_ptr<PayloadDecoder>> decoder =
                PayloadDecoder::create(*format, m_options.outputRate);
            if (decoder.ok()) {
                m_decoder = decoder.takeValue();
            } else {
                if (!m_decoderError)
                    qCWarning(lcRtp) << "RTP leg:" << decoder.errorMessage();
                m_decoderError = decoder.error();
            }
        }
    }
    if (!m_decoder || m_decoder->decode(slot.data.data(), slot.size, m_pending) < 0) {
        ++m_stats.undecodable;
        return false;
    }
    return true;
}

void LegReceiver::fillGap(qint64 samples, QVector<qint16> &pcm)
{
    const qint64 maxConceal = qint64(kMaxConcealMs) * m_options.outputRate / 1000;
    if (m_afterAudio && m_decoder && m_concealRun < maxConceal) {
        const int n = int(std::min(samples, maxConceal - m_concealRun));
        const qsizetype before = pcm.size();
        m_decoder->conceal(n, pcm);
        pcm.resize(before + n, 0); // exactly n, whatever the decoder did
        m_concealRun += n;
        m_concealedSamples += n;
        m_outPos += n;
        samples -= n;
    }
    if (samples > 0) {
        pcm.resize(pcm.size() + qsizetype(samples), 0);
        m_outPos += samples;
        m_afterAudio = false;
    }
}

void LegReceiver::produceUntil(qint64 target, QVector<qint16> &pcm)
{
    while (m_outPos < target) {
        const qsizetype available = m_pending.size() - m_pendingRead;
        if (available > 0) {
            const qsizetype n = qsizetype(std::min<qint64>(available, target - m_outPos));
            const qsizetype at = pcm.size();
            pcm.resize(at + n);
            std::copy_n(m_pending.constData() + m_pendingRead, n, pcm.data() + at);
            m_pendingRead += n;
            m_outPos += n;
            continue;
        }
        m_pending.resize(0);
        m_pendingRead = 0;

        Slot *next = nullptr;
        for (Slot &slot : m_slots) {
            if (slot.used && (!next || slot.pos < next->pos))
                next = &slot;
        }
        if (next && next->pos <= m_outPos) {
            const bool decoded = decodeSlot(*next);
            next->used = false;
            m_bufferedBytes -= next->size;
            if (next->data.capacity() > size_t(kSlotKeepBytes))
                std::vector<uchar>().swap(next->data);
            if (decoded) {
                // A packet that overlaps what was already played loses its head.
                const qint64 head = m_outPos - next->pos;
                if (head >= m_pending.size())
                    m_pending.resize(0);
                else
                    m_pendingRead = qsizetype(head);
                m_afterAudio = true;
                m_concealRun = 0;
            }
            continue;
        }
        fillGap((next ? std::min(next->pos, target) : target) - m_outPos, pcm);
    }
}

void LegReceiver::pullUntil(qint64 nowUs, QVector<qint16> &pcm)
{
    if (m_finished)
        return;
    const qint64 nowPos = positionAt(nowUs);
    const qint64 from = m_outPos;
    const qsizetype base = pcm.size();
    produceUntil(nowPos - m_jitterSamples, pcm);
    applyEvents(from, m_outPos, pcm.data() + base, nowPos, false);
}

void LegReceiver::finishAt(qint64 endUs, QVector<qint16> &pcm)
{
    if (m_finished)
        return;
    const qint64 endPos = positionAt(endUs);
    const qint64 from = m_outPos;
    const qsizetype base = pcm.size();
    produceUntil(endPos, pcm);
    applyEvents(from, m_outPos, pcm.data() + base, endPos, true);
    m_finished = true;
}

LegStatistics LegReceiver::statistics() const
{
    LegStatistics stats = m_stats;
    stats.lost = m_lostBefore;
    if (m_haveStream)
        stats.lost += std::max<qint64>(0, m_highestSeq - m_baseSeq + 1 - m_receivedInStream);
    stats.jitterMs = m_jitter * 1000.0 / std::max(1, m_clockRate);
    stats.concealedMs = m_concealedSamples * 1000 / m_options.outputRate;
    return stats;
}

QVector<audio::MaskedSpan> LegReceiver::takeMaskedSpans()
{
    QVector<audio::MaskedSpan> spans;
    spans.swap(m_spans);
    return spans;
}

} // namespace cv::rtp
