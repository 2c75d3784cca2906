// Fuzz target: SipMessage::parse and SipStreamFramer on arbitrary bytes. A message that
// parses must serialize to bytes that parse again to the same dialog identifiers, and a
// response built from a request must parse. The framer is fed the bytes in chunks (size from
// the first byte) and must never hand out more than it was given or exceed its limits.

#include "sip/multipartbody.h"
#include "sip/sipmessage.h"
#include "sip/sipstreamframer.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkMessage(const QByteArray &bytes)
{
    auto parsed = cv::sip::SipMessage::parse(bytes);
    if (!parsed) {
        if (parsed.errorMessage().isEmpty())
            std::abort();
        return;
    }
    const auto &m = parsed.value();
    (void)m.from();
    (void)m.to();
    (void)m.pAssertedIdentities();
    (void)m.headerValues("via");
    (void)m.headerValues("contact");
    (void)m.mediaType();
    if (m.body().size() > bytes.size())
        std::abort();
    auto again = cv::sip::SipMessage::parse(m.serialize());
    if (!again || again.value().callId() != m.callId() || again.value().body() != m.body() ||
        again.value().cseq().number != m.cseq().number)
        std::abort();
    if (m.isRequest()) {
        auto response = cv::sip::SipMessage::response(m, 200, "OK", "fuzz");
        if (!cv::sip::SipMessage::parse(response.serialize()))
            std::abort();
    }
    if (m.mediaType().startsWith("multipart/"))
        (void)cv::sip::MultipartBody::parse(m.contentType(), m.body());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkMessage(bytes);

    const int chunk = size > 0 ? 1 + data[0] % 97 : 1;
    cv::sip::SipStreamFramer framer;
    qsizetype handedOut = 0;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        framer.append(bytes.mid(at, chunk));
        for (int guard = 0; guard < 10000; ++guard) {
            auto next = framer.next();
            if (!next)
                continue; // an error: the framer resynchronises, try again
            if (!next.value())
                break;
            if (next.value()->size() > cv::sip::SipMessage::kMaxMessageBytes)
                std::abort();
            handedOut += next.value()->size();
            checkMessage(*next.value());
        }
        if (framer.buffered() > 2 * cv::sip::SipMessage::kMaxMessageBytes + chunk)
            std::abort();
    }
    if (handedOut > bytes.size())
        std::abort();
    return 0;
}
