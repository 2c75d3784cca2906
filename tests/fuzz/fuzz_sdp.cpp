// Fuzz target: SdpSession::parse on arbitrary bytes. No crash; a parsed session keeps its
// invariants (limits, rtpmaps only for listed payload types, telephone-event among them).

#include "sip/sdpsession.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = cv::sip::SdpSession::parse(bytes);
    if (!parsed) {
        if (parsed.errorMessage().isEmpty())
            std::abort();
        return 0;
    }
    const auto &sdp = parsed.value();
    if (sdp.media.size() > cv::sip::SdpSession::kMaxMedia)
        std::abort();
    for (const auto &m : sdp.media) {
        if (m.payloadTypes.size() > cv::sip::SdpSession::kMaxFormats)
            std::abort();
        for (const auto &map : m.rtpMaps) {
            if (!m.payloadTypes.contains(map.payloadType) || map.clockRate <= 0 ||
                map.channels <= 0)
                std::abort();
        }
        if (m.telephoneEventPayloadType >= 0 && !m.rtpMap(m.telephoneEventPayloadType))
            std::abort();
        (void)m.holdAddress();
    }
    return 0;
}
