#pragma once

#include "common/result.h"

#include <QByteArray>
#include <optional>

namespace cv::sip {

// Cuts the byte stream of SIP over TCP (or TLS, once decrypted) into messages: headers up
// to the blank line, then Content-Length bytes of body (RFC 3261 section 18.3; a missing
// Content-Length means no body). CRLF keep-alives (RFC 5626) between messages are skipped.
// A message over SipMessage::kMaxMessageBytes, or a header block that never ends within
// it, is an error: the buffered bytes are discarded and the framer resynchronises on the
// next SIP start line (found by its "SIP/2.0", even mid-line: after lost bytes the next
// message may follow a body directly), so one bad message does not lose the stream.
class SipStreamFramer final
{
public:
    void append(const QByteArray &bytes);
    // One complete message, nullopt if more bytes are needed, or an error (see above).
    Result<std::optional<QByteArray>> next();
    // Drops everything buffered and resynchronises (call it on Datagram::discontinuity).
    void reset();
    qsizetype buffered() const { return m_buffer.size(); }
    quint64 discardedBytes() const { return m_discarded; }

private:
    void discard(qsizetype bytes);
    bool resynchronise();

    QByteArray m_buffer;
    bool m_resync = false; // looking for a start line after an error or a reset
    quint64 m_discarded = 0;
};

} // namespace cv::sip
