#pragma once

#include "net/endpoint.h"
#include "recorder/calltracker.h"

#include <QHash>
#include <QPair>

#include <memory>

namespace cv::net {
struct Datagram;
}
namespace cv::sip {
class SipStreamFramer;
}

namespace cv::recorder {

// What arrives on the wire, sorted: SIP (over UDP, or reassembled TCP streams framed into
// messages) to the CallTracker, RTP to the call whose media address it matches, the rest
// counted. Drives the tracker's clock: the calls advance every 100 ms of capture time, so a
// pcap replays the same way at any speed. One thread owns an engine.
class RecorderEngine final
{
public:
    struct Counters
    {
        qint64 datagrams = 0;
        qint64 sipMessages = 0;
        qint64 sipMalformed = 0;
        qint64 rtpPackets = 0;      // RTP of a known call
        qint64 unmatched = 0;       // neither SIP nor RTP of a known call
        qint64 tcpStreamsDropped = 0;
    };

    RecorderEngine(CallTracker::Options options, CallTracker::OutcomeSink sink);
    ~RecorderEngine();

    void onDatagram(const net::Datagram &datagram);
    // Moves the calls' clock to `nowUs` (capture time); ticks the tracker every 100 ms.
    void advanceTo(qint64 nowUs);
    // Ends every call at `nowUs` (shutdown or end of a pcap file).
    void finish(qint64 nowUs);

    CallTracker &tracker() { return m_tracker; }
    const Counters &counters() const { return m_counters; }
    qint64 nowUs() const { return m_nowUs; }

private:
    void onSipBytes(const QByteArray &bytes);
    void onTcp(const net::Datagram &datagram);

    CallTracker m_tracker;
    Counters m_counters;
    qint64 m_nowUs = 0;
    qint64 m_lastTickUs = 0;
    struct TcpStream
    {
        std::shared_ptr<sip::SipStreamFramer> framer;
        qint64 lastUs = 0;
    };
    void forgetIdleStreams();
    QHash<QPair<net::Endpoint, net::Endpoint>, TcpStream> m_tcpStreams;
    qint64 m_lastSweepUs = 0;
};

} // namespace cv::recorder
