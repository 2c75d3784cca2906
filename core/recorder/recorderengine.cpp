#include "recorderengine.h"

#include "net/datagram.h"
#include "recorder/recorderlogging.h"
#include "sip/sipmessage.h"
#include "sip/sipstreamframer.h"

namespace cv::recorder {

namespace {

constexpr qint64 kTickUs = 100'000;
constexpr int kMaxTcpStreams = 4096;
constexpr qint64 kSweepUs = 60'000'000;      // look for idle TCP streams once a minute
constexpr qint64 kTcpIdleUs = 300'000'000;   // a SIP TCP connection silent for 5 minutes is gone

// SIP starts with "SIP/2.0 " (a response) or a method token and a space (a request); RTP
// with version 2 in its first two bits. The two never collide: letters are 0x41.. 0x5A.
bool looksLikeSip(const QByteArray &payload)
{
    if (payload.startsWith("SIP/2.0 "))
        return true;
    int i = 0;
    while (i < payload.size() && i < 16 && payload.at(i) >= 'A' && payload.at(i) <= 'Z')
        ++i;
    return i >= 3 && i < payload.size() && payload.at(i) == ' ';
}

} // namespace

RecorderEngine::RecorderEngine(CallTracker::Options options, CallTracker::OutcomeSink sink)
    : m_tracker(std::move(options), std::move(sink))
{
}

RecorderEngine::~RecorderEngine() = default;

void RecorderEngine::onSipBytes(const QByteArray &bytes)
{
    auto message = sip::SipMessage::parse(bytes);
    if (!message) {
        ++m_counters.sipMalformed;
        qCDebug(lcRecorder) << "malformed SIP:" << message.errorMessage();
        return;
    }
    ++m_counters.sipMessages;
    m_tracker.onSip(m_nowUs, message.value());
}

void RecorderEngine::onTcp(const net::Datagram &datagram)
{
    const auto key = qMakePair(datagram.source, datagram.destination);
    auto it = m_tcpStreams.find(key);
    if (it == m_tcpStreams.end()) {
        if (!looksLikeSip(datagram.payload)) {
            ++m_counters.unmatched;
            return;
        }
        if (m_tcpStreams.size() >= kMaxTcpStreams) {
            // Full: the stream heard from least recently makes room (phones reconnect; a
            // table that only refuses would shut SIP over TCP out for good).
            auto oldest = m_tcpStreams.begin();
            for (auto s = m_tcpStreams.begin(); s != m_tcpStreams.end(); ++s) {
                if (s->lastUs < oldest->lastUs)
                    oldest = s;
            }
            m_tcpStreams.erase(oldest);
            ++m_counters.tcpStreamsDropped;
        }
        it = m_tcpStreams.insert(key, TcpStream{std::make_shared<sip::SipStreamFramer>(), datagram.timestampUs});
    }
    it->lastUs = datagram.timestampUs;
    sip::SipStreamFramer &framer = *it->framer;
    if (datagram.discontinuity)
        framer.reset(); // bytes were lost: look for the next message start
    framer.append(datagram.payload);
    for (;;) {
        auto next = framer.next();
        if (!next) {
            ++m_counters.sipMalformed;
            m_tcpStreams.erase(it); // resynchronise on the next message that starts cleanly
            return;
        }
        if (!next->has_value())
            return;
        onSipBytes(*next.value());
    }
}

void RecorderEngine::onDatagram(const net::Datagram &datagram)
{
    ++m_counters.datagrams;
    advanceTo(datagram.timestampUs);
    if (datagram.transport == net::Transport::Tcp) {
        onTcp(datagram);
        return;
    }
    if (looksLikeSip(datagram.payload)) {
        onSipBytes(datagram.payload);
        return;
    }
    if (m_tracker.onRtp(datagram))
        ++m_counters.rtpPackets;
    else
        ++m_counters.unmatched;
}

void RecorderEngine::advanceTo(qint64 nowUs)
{
    if (nowUs <= m_nowUs)
        return; // capture time never runs backwards for the calls
    m_nowUs = nowUs;
    if (m_lastTickUs == 0)
        m_lastTickUs = nowUs;
    if (nowUs - m_lastTickUs >= kTickUs) {
        m_lastTickUs = nowUs;
        m_tracker.tick(nowUs);
    }
    if (nowUs - m_lastSweepUs >= kSweepUs) {
        m_lastSweepUs = nowUs;
        forgetIdleStreams();
    }
}

void RecorderEngine::forgetIdleStreams()
{
    for (auto it = m_tcpStreams.begin(); it != m_tcpStreams.end();)
        it = m_nowUs - it->lastUs > kTcpIdleUs ? m_tcpStreams.erase(it) : std::next(it);
}

void RecorderEngine::finish(qint64 nowUs)
{
    advanceTo(nowUs);
    m_tracker.endAll(m_nowUs);
}

} // namespace cv::recorder
