#include "recordercontrol.h"

#include "recorder/finalizerqueue.h"
#include "recorder/recorderservice.h"
#include "recorder/trackedcall.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <future>
#include <memory>

namespace cv::recorder {

namespace {

constexpr int kAnswerWithinMs = 1000;

QString apiDirection(const QString &direction)
{
    if (direction == QLatin1String("in"))
        return QStringLiteral("inbound");
    if (direction == QLatin1String("out"))
        return QStringLiteral("outbound");
    return direction;
}

Error busy()
{
    return Error{ErrorCode::Cancelled,
                 QStringLiteral("The recorder did not answer within a second (capture thread busy or stopping); try again.")};
}

// Runs `work` on the capture thread and waits for its result.
template<typename T>
std::optional<T> onCaptureThread(RecorderService &service, std::function<T(RecorderEngine &)> work)
{
    auto promise = std::make_shared<std::promise<T>>();
    std::future<T> future = promise->get_future();
    service.post([promise, work = std::move(work)](RecorderEngine &engine) { promise->set_value(work(engine)); });
    if (future.wait_for(std::chrono::milliseconds(kAnswerWithinMs)) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

} // namespace

RecorderControl::RecorderControl(RecorderService &service)
    : m_service(service), m_startedAt(QDateTime::currentDateTimeUtc())
{
}

control::CallInfo RecorderControl::infoOf(const TrackedCall &call)
{
    control::CallInfo info;
    info.callId = call.callId;
    info.startedAt = QDateTime::fromMSecsSinceEpoch(call.invitedUs / 1000, Qt::UTC);
    if (call.audio) {
        info.recordingId = call.audio->recordingId();
        info.state = call.audio->isPaused() ? QStringLiteral("paused") : QStringLiteral("recording");
        info.packets = call.audio->packets();
        info.legs = int(call.audio->sideHasMedia(LegSide::Agent)) + int(call.audio->sideHasMedia(LegSide::Customer));
    } else {
        info.state = call.stoppedByApi ? QStringLiteral("stopped") : QStringLiteral("signalling");
    }
    info.agentId = call.metadata.value(QStringLiteral("agent_id")).toString(call.parties.agentId);
    info.customerNumber = call.metadata.value(QStringLiteral("customer_number")).toString(call.parties.customerPhone);
    info.crmTicketId = call.metadata.value(QStringLiteral("crm_ticket_id")).toString();
    info.direction = apiDirection(call.parties.direction);
    info.tags = call.tags;
    for (const net::Endpoint &media : {call.callerMedia, call.calleeMedia}) {
        if (media.port != 0)
            info.rtpPorts << media.port;
    }
    info.metadata.insert(QStringLiteral("answered"), call.answered);
    if (call.encrypted)
        info.metadata.insert(QStringLiteral("encrypted"), true);
    return info;
}

Result<control::CallInfo> RecorderControl::onCall(const control::CallSelector &selector, Action action,
                                                  bool createByPorts) const
{
    auto answer = onCaptureThread<Result<control::CallInfo>>(m_service, [=](RecorderEngine &engine) -> Result<control::CallInfo> {
        CallTracker &tracker = engine.tracker();
        const qint64 now = engine.nowUs() > 0 ? engine.nowUs() : QDateTime::currentMSecsSinceEpoch() * 1000;
        TrackedCall *call = nullptr;
        if (selector.ports) {
            call = tracker.findByPorts(selector.ports->first, selector.ports->second);
            if (!call)
                call = tracker.findByCallId(QStringLiteral("ports:%1-%2").arg(selector.ports->first).arg(selector.ports->second));
            if (!call && createByPorts)
                call = tracker.startByPorts(now, selector.ports->first, selector.ports->second);
        } else {
            call = tracker.findByCallId(selector.callId);
        }
        if (!call)
            return Error{ErrorCode::NotFound, QStringLiteral("No active call with %1.").arg(selector.describe())};
        return action(tracker, *call, now);
    });
    if (!answer)
        return busy();
    return *answer;
}

Result<control::CallInfo> RecorderControl::start(const control::CallSelector &selector)
{
    return onCall(
        selector,
        [](CallTracker &tracker, TrackedCall &call, qint64 now) -> Result<control::CallInfo> {
            // Starting a call that records already answers with its state (a port-pair
            // start creates the call recording).
            if (!call.audio)
                tracker.startRecording(now, call);
            return infoOf(call);
        },
        true);
}

Result<control::CallInfo> RecorderControl::stop(const control::CallSelector &selector)
{
    return onCall(selector, [](CallTracker &tracker, TrackedCall &call, qint64 now) -> Result<control::CallInfo> {
        if (!call.audio)
            return Error{ErrorCode::Conflict, QStringLiteral("Call %1 is not being recorded.").arg(call.callId)};
        tracker.stopRecording(now, call);
        return infoOf(call);
    });
}

Result<control::CallInfo> RecorderControl::pause(const control::CallSelector &selector)
{
    return onCall(selector, [](CallTracker &, TrackedCall &call, qint64 now) -> Result<control::CallInfo> {
        if (!call.audio)
            return Error{ErrorCode::Conflict, QStringLiteral("Call %1 is not being recorded.").arg(call.callId)};
        if (call.audio->isPaused())
            return Error{ErrorCode::Conflict, QStringLiteral("Call %1 is already paused.").arg(call.callId)};
        call.audio->pause(now);
        return infoOf(call);
    });
}

Result<control::CallInfo> RecorderControl::resume(const control::CallSelector &selector)
{
    return onCall(selector, [](CallTracker &, TrackedCall &call, qint64 now) -> Result<control::CallInfo> {
        if (!call.audio || !call.audio->isPaused())
            return Error{ErrorCode::Conflict, QStringLiteral("Call %1 is not paused.").arg(call.callId)};
        call.audio->resume(now);
        return infoOf(call);
    });
}

Result<control::CallInfo> RecorderControl::tag(const control::CallSelector &selector, const QStringList &tags)
{
    return onCall(selector, [tags](CallTracker &, TrackedCall &call, qint64) -> Result<control::CallInfo> {
        for (const QString &t : tags) {
            if (!call.tags.contains(t))
                call.tags << t;
        }
        return infoOf(call);
    });
}

Result<control::CallInfo> RecorderControl::attachMetadata(const control::CallSelector &selector, const QJsonObject &fields)
{
    return onCall(selector, [fields](CallTracker &, TrackedCall &call, qint64) -> Result<control::CallInfo> {
        for (auto it = fields.begin(); it != fields.end(); ++it)
            call.metadata.insert(it.key(), it.value());
        return infoOf(call);
    });
}

Result<control::CallInfo> RecorderControl::find(const control::CallSelector &selector) const
{
    return onCall(selector, [](CallTracker &, TrackedCall &call, qint64) -> Result<control::CallInfo> { return infoOf(call); });
}

QVector<control::CallInfo> RecorderControl::calls() const
{
    auto answer = onCaptureThread<QVector<control::CallInfo>>(m_service, [](RecorderEngine &engine) {
        QVector<control::CallInfo> out;
        for (const TrackedCall *call : engine.tracker().calls())
            out << infoOf(*call);
        return out;
    });
    return answer.value_or(QVector<control::CallInfo>{});
}

QJsonObject RecorderControl::status() const
{
    const RecorderService::Snapshot s = m_service.snapshot();
    return QJsonObject{
        {QStringLiteral("program"), QStringLiteral("callvault-recorder")},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("node"), m_service.nodeName()},
        {QStringLiteral("uptime_s"), static_cast<double>(m_startedAt.secsTo(QDateTime::currentDateTimeUtc()))},
        {QStringLiteral("active_calls"), s.activeCalls},
        {QStringLiteral("accepting_calls"), s.acceptingCalls},
        {QStringLiteral("disk_free_mb"), static_cast<double>(s.diskFreeMb)},
        {QStringLiteral("catalog_queue"), s.catalogQueue},
        {QStringLiteral("catalog_queue_age_ms"), static_cast<double>(s.catalogQueueAgeMs)},
        {QStringLiteral("catalog_error"), s.catalogError},
    };
}

} // namespace cv::recorder
