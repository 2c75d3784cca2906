// Fuzz target: the SIPREC server's request handling (SiprecUas::handle) on arbitrary bytes,
// as one message and, split at the first byte's offset, as an INVITE followed by a second
// request in the same dialog. Whatever comes in: every response parses as a SIP response,
// ports allocated are all released when the sessions end, and no port is handed out twice.

#include "recorder/siprecuas.h"
#include "sip/sipmessage.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    QSet<quint16> bound;
    quint16 next = 30000;
    cv::recorder::SiprecUas::Options options;
    options.maxSessions = 4;
    {
        cv::recorder::SiprecUas uas(
            options,
            [&]() -> cv::Result<quint16> {
                if (bound.size() >= 6)
                    return cv::makeError(cv::ErrorCode::Io, QStringLiteral("pool empty"));
                next = quint16(next + 2);
                if (bound.contains(next))
                    std::abort();
                bound.insert(next);
                return next;
            },
            [&](quint16 port) {
                if (!bound.remove(port))
                    std::abort(); // released twice, or never allocated
            });
        cv::recorder::SiprecUas::Peer peer;
        peer.address = QHostAddress::LocalHost;
        peer.port = 5060;
        peer.local = QHostAddress::LocalHost;
        peer.localPort = 5080;
        const int cut = size > 0 ? int(data[0]) * int(size) / 256 : 0;
        for (const QByteArray &message : {bytes, bytes.left(cut), bytes.mid(cut), bytes}) {
            const auto out = uas.handle(message, peer);
            for (const QByteArray &response : out.responses) {
                auto parsed = cv::sip::SipMessage::parse(response);
                if (!parsed || parsed->isRequest())
                    std::abort();
            }
        }
        (void)uas.retransmissions(0);
        (void)uas.endAll();
        if (!bound.isEmpty())
            std::abort();
    }
    return 0;
}
