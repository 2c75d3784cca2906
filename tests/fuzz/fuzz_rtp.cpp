// Fuzz target: RTP parsing, RFC 4733 events and the call assembler (two LegReceivers with
// their jitter buffers, decoders and DTMF maskers) fed arbitrary packets at arbitrary
// arrival times. The input is a list of records:
//   u8 flags (bit 0: customer leg, bit 1: pull after, bit 2: time goes back)
//   u16 time step in 0.1 ms, u16 length, then `length` bytes of packet.
// Whatever the bytes, nothing may crash, the buffers must stay within their bounds, and
// both lanes must come out equally long.

#include "rtp/callaudioassembler.h"
#include "rtp/rtppacket.h"
#include "rtp/telephoneevent.h"

#include <QLoggingCategory>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QLoggingCategory::setFilterRules(QStringLiteral("callvault.*=false"));
    if (size > 1 << 20)
        return 0;
    // The whole input as one packet, too.
    if (const auto whole = cv::rtp::RtpPacket::parse(data, int(size))) {
        if (whole->payloadSize < 0 || whole->payload + whole->payloadSize > data + size)
            std::abort();
        (void)cv::rtp::TelephoneEvent::parse(whole->payload, whole->payloadSize);
    }
    (void)cv::rtp::RtpPacket::looksLikeRtp(data, int(size));

    cv::rtp::LegReceiver::Options options;
    options.originUs = 1000000;
    options.telephoneEventPayloadType = 101;
    options.payloadFormats.insert(111, cv::rtp::PayloadFormat{"opus", 48000, 2});
    options.payloadFormats.insert(9, cv::rtp::PayloadFormat{"G722", 8000, 1});
    cv::rtp::CallAudioAssembler call(options);
    QVector<qint16> out;
    qint64 now = options.originUs;
    size_t at = 0;
    while (at + 5 <= size) {
        const int flags = data[at];
        const qint64 step = qint64((data[at + 1] << 8) | data[at + 2]) * 100;
        const size_t length = size_t((data[at + 3] << 8) | data[at + 4]);
        at += 5;
        if (length > size - at)
            break;
        now += (flags & 4) ? -step : step;
        if (const auto packet = cv::rtp::RtpPacket::parse(data + at, int(length))) {
            cv::rtp::LegReceiver &leg = (flags & 1) ? call.customer() : call.agent();
            leg.push(now, *packet);
            if (leg.bufferedBytes() > cv::rtp::LegReceiver::kMaxBufferedBytes)
                std::abort();
        }
        at += length;
        if (flags & 2) {
            call.pullUntil(now, out);
            if (out.size() > 16 * 8000 * 2)
                out.clear(); // keep the harness itself small
        }
    }
    // At most a minute past the last packet, so a far-off time cannot make a huge output.
    call.finishAt(std::min(now + 1000000, options.originUs + 60 * 1000000LL), out);
    if (out.size() % 2 != 0 || call.agent().samplesOut() != call.customer().samplesOut())
        std::abort();
    (void)call.maskedSpans();
    return 0;
}
