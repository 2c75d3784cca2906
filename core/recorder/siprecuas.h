#pragma once

#include "recorder/calltracker.h"
#include "sip/sdpsession.h"
#include "sip/siprecmetadata.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QRegularExpression>

#include <deque>
#include <functional>

namespace cv::sip {
class SipMessage;
}

namespace cv::recorder {

// The SIP side of the SIPREC recording server (RFC 7866; docs/recorder-protocols.md,
// "SIPREC server"), without sockets: takes the bytes of one SIP message, returns the
// responses to send back and what the recorder must do (start, update or end a call).
// Owns the sessions (dialogs), their RTP ports (through the allocate/release functions
// the server gives it), answered SDP and metadata. Transactions are kept simple: a
// retransmitted request gets the response it got before (a cache of the last 512), the
// 2xx to an INVITE over UDP is retransmitted (500 ms doubling to 4 s) until its ACK or
// 32 s. One thread uses an instance.
class SiprecUas final
{
public:
    static constexpr int kMaxStreams = 2;            // streams recorded per session (two lanes)
    static constexpr int kResponseCacheSize = 512;

    struct Options
    {
        QRegularExpression agentPattern{QStringLiteral("^[0-9]{2,6}$")};
        int maxSessions = 1000;
        QByteArray userAgent = "callvault-recorder";
    };
    // Where a message came from; responses go back the same way.
    struct Peer
    {
        QByteArray transport = "UDP"; // UDP, TCP or TLS (Via and Contact transport)
        QHostAddress address;
        quint16 port = 0;
        quintptr connection = 0;      // the server's handle of a TCP/TLS connection
        QHostAddress local;           // the recorder's address the message arrived at
        quint16 localPort = 0;
    };
    struct Event
    {
        enum class Kind { Start, Update, End };
        Kind kind = Kind::Start;
        CallTracker::SiprecCall call; // only callId for End
    };
    struct Output
    {
        QList<QByteArray> responses; // to the peer, in order
        QList<Event> events;
    };
    using AllocatePort = std::function<Result<quint16>()>;
    using ReleasePort = std::function<void(quint16)>;

    SiprecUas(Options options, AllocatePort allocate, ReleasePort release);
    ~SiprecUas();

    Output handle(const QByteArray &bytes, const Peer &peer);
    // 2xx responses due for retransmission (UDP sessions without ACK yet); nowMs is a
    // monotonic clock in ms, 0 = now.
    QList<QPair<Peer, QByteArray>> retransmissions(qint64 nowMs = 0);
    // Shutdown: every session ends (End events), its ports released. A closed TCP/TLS
    // connection ends nothing: an SRC may send the BYE on a new connection.
    Output endAll();
    int sessionCount() const { return int(m_sessions.size()); }
    void setAgentPattern(const QRegularExpression &pattern) { m_options.agentPattern = pattern; }

private:
    struct Stream
    {
        QByteArray label;
        quint16 port = 0;       // ours; 0 = rejected
        int payloadType = -1;   // the answered codec
        sip::SdpSession::RtpMap codec;
        int telephoneEvent = -1;
    };
    struct Session
    {
        QString callId;
        QByteArray toTag;
        Peer peer;
        QList<Stream> streams;
        sip::SiprecMetadata metadata;
        quint32 sdpVersion = 1;
        QByteArray pending2xx;  // unacknowledged 2xx (UDP)
        qint64 nextRetransmitMs = 0;
        int retransmitIntervalMs = 500;
        qint64 pendingSinceMs = 0;
    };

    Output handleRequest(const sip::SipMessage &request, const Peer &peer);
    Output invite(const sip::SipMessage &request, const Peer &peer, Session *session);
    Output endSession(const QString &callId);
    QByteArray refuse(const sip::SipMessage &request, int code, const QByteArray &reason, const QByteArray &toTag = {}) const;
    QByteArray answerSdp(const Session &session, const Peer &peer) const;
    CallTracker::SiprecCall callOf(const Session &session) const;
    void remember(const QByteArray &key, const QByteArray &response);
    void releasePorts(const Session &session);

    Options m_options;
    AllocatePort m_allocate;
    ReleasePort m_release;
    QHash<QString, Session> m_sessions; // by Call-ID
    QHash<QByteArray, QByteArray> m_responseCache;
    std::deque<QByteArray> m_cacheOrder;
};

} // namespace cv::recorder
