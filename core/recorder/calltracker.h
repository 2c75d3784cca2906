#pragma once

#include "net/endpoint.h"
#include "recorder/callioqueue.h"
#include "recorder/encodingpool.h"
#include "recorder/recordedcall.h"
#include "recorder/recorderconfig.h"
#include "recorder/trackedcall.h"
#include "rtp/payloadformat.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <vector>

namespace cv::sip {
class SipMessage;
class SdpSession;
}
namespace cv::net {
struct Datagram;
}

namespace cv::recorder {

// Follows calls through their SIP dialogs (INVITE, its answer, re-INVITEs, BYE, CANCEL,
// refusals), maps the media addresses of their SDP to the call's two lanes, feeds RTP to
// the call's recording and ends calls on BYE/CANCEL/refusal or when their media stops
// (docs/user-guide-callvault-recorder.md, "What it records, and how it knows"). Every call it saw signalling for ends in one CallOutcome
// handed to the sink, recorded or not, with its completeness. Times are the caller's clock.
// One thread owns a tracker; tick() hands the calls' encoding to an EncodingPool and returns
// at once (each RecordedCall locks itself), and the disk work of starting and ending
// recordings runs on a CallIoQueue: the sink and `recordingStarted` are called on that
// queue's thread, in order. endAll() returns when every outcome has reached the sink.
class CallTracker final
{
public:
    using OutcomeSink = std::function<void(CallOutcome outcome)>;

    struct Options
    {
        QUuid siteId;
        QString node;
        RecordedCall::Options recording;
        QRegularExpression agentPattern;
        qint64 rtpTimeoutUs = 30'000'000;
        qint64 signallingTimeoutUs = 60'000'000;
        int maxCalls = 1000;
        bool recordByDefault = true; // false: only calls the control API starts
        // Threads that encode the calls' audio besides the tracker's own (EncodingPool);
        // -1: EncodingPool::defaultWorkers(). Fixed for the tracker's life.
        int encodingWorkers = -1;
        // Called when a recording starts, with its call's row as it stands (the engine
        // journals it, so that a crash mid-call still names the call; CallJournal).
        std::function<void(const CapturedCallRow &row)> recordingStarted;
    };

    CallTracker(Options options, OutcomeSink sink);
    ~CallTracker();

    void onSip(qint64 nowUs, const sip::SipMessage &message);
    // True when the datagram belonged to a call (RTP to or from a known media address).
    bool onRtp(const net::Datagram &datagram);
    // Encodes what the calls' jitter buffers release and ends calls whose media timed out.
    void tick(qint64 nowUs);
    // Ends every call now (shutdown).
    void endAll(qint64 nowUs);
    // Refuse new calls (disk nearly full): they still get a captured_calls row (disk_error).
    void setAcceptingCalls(bool accepting) { m_accepting = accepting; }
    // A reloaded configuration: timeouts, agent pattern, limits and encoder settings apply
    // to what comes next; open calls keep recording as they were.
    void updateOptions(const Options &options);
    bool acceptingCalls() const { return m_accepting; }

    // For the control API: a call by SIP Call-ID, or by one of its media ports.
    TrackedCall *findByCallId(const QString &callId);
    TrackedCall *findByPorts(quint16 a, quint16 b);
    // Forked RTP without SIP: a call whose two lanes arrive at the given local ports
    // (agent's audio to `agentPort`, customer's to `customerPort`).
    TrackedCall *startByPorts(qint64 nowUs, quint16 agentPort, quint16 customerPort);

    // A SIPREC session (SiprecServer): its two streams arrive at the recorder's own ports.
    struct SiprecCall
    {
        QString callId;           // the SIPREC dialog's Call-ID (captured_calls.sip_call_id)
        quint16 agentPort = 0;    // 0: no stream for that lane
        quint16 customerPort = 0;
        CallParties parties;
        QHash<int, rtp::PayloadFormat> formats[2]; // by LegSide
        int telephoneEvent[2] = {-1, -1};
        QJsonObject siprec;       // details.metadata.siprec: session id, participants, streams
    };
    TrackedCall *startSiprecCall(qint64 nowUs, const SiprecCall &siprec);
    // A re-INVITE or a metadata update: ports, formats, parties and metadata as given now.
    void updateSiprecCall(qint64 nowUs, const SiprecCall &siprec);
    // Ends a call now (a SIPREC BYE); nothing if it already ended.
    void end(qint64 nowUs, const QString &callId) { endCall(nowUs, callId); }
    void startRecording(qint64 nowUs, TrackedCall &call);
    void stopRecording(qint64 nowUs, TrackedCall &call);
    QVector<const TrackedCall *> calls() const;
    int activeCalls() const { return m_calls.size(); }
    qint64 refusedCalls() const { return m_refusedCalls; }
    // Ticks that found the previous encoding batch still running (encoding behind), and the
    // longest run of them: how far encoding fell behind the capture, in 100 ms ticks.
    qint64 lateTicks() const { return m_lateTicks; }
    qint64 maxTicksBehind() const { return m_maxTicksBehind; }

private:
    struct Route
    {
        QString callId;
        LegSide side;
    };

    TrackedCall *beginCall(qint64 nowUs, const sip::SipMessage &invite);
    TrackedCall *admit(qint64 nowUs, std::shared_ptr<TrackedCall> call);
    void applySdp(TrackedCall &call, bool fromCaller, const sip::SdpSession &sdp);
    // `audioEndUs` (when >= 0): where the recording's audio ends, if before the call's end
    // (a call ended by its RTP timeout ends its audio at the last packet).
    void endCall(qint64 nowUs, const QString &callId, qint64 audioEndUs = -1);
    void finishRecording(qint64 nowUs, TrackedCall &call, CapturedCallRow row, qint64 audioEndUs = -1);
    void dropRoutes(const TrackedCall &call);
    RecordedCall::Options recordingOptions() const { return m_options.recording; }
    CapturedCallRow rowFor(const TrackedCall &call, qint64 endUs) const;
    TrackedCall *callOf(const Route &route);
    void applySiprec(TrackedCall &call, const SiprecCall &siprec);
    // A recording whose call ended: sealed on the CallIoQueue once no batch encodes it.
    struct Ending
    {
        std::unique_ptr<RecordedCall> audio;
        CapturedCallRow row;
        qint64 endUs = 0;
        bool encrypted = false;
        bool stoppedByApi = false;
        bool answered = false;
        QString direction;
    };
    void sealRecording(Ending &ending);
    void queueEndings();

    Options m_options;
    OutcomeSink m_sink;
    std::unique_ptr<EncodingPool> m_pool;
    QVector<RecordedCall *> m_batch; // tick's calls to advance, kept to reuse its memory
    std::vector<std::shared_ptr<Ending>> m_endings; // ended since the batch in flight began
    std::unique_ptr<CallIoQueue> m_io;
    QHash<QString, std::shared_ptr<TrackedCall>> m_calls;
    QHash<net::Endpoint, Route> m_routes;  // RTP to this address belongs to this lane
    QHash<quint16, Route> m_portRoutes;    // forked RTP by local port
    bool m_accepting = true;
    qint64 m_refusedCalls = 0;
    qint64 m_lateTicks = 0;
    qint64 m_ticksBehind = 0;
    qint64 m_maxTicksBehind = 0;
    qint64 m_postedUs = 0; // the time the batch in flight encodes up to
};

} // namespace cv::recorder
