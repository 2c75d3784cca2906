#pragma once

#include "control/callcontrol.h"

#include <QDateTime>

#include <functional>

namespace cv::recorder {

class CallTracker;
class RecorderService;
struct TrackedCall;

// The control API's view of the running recorder (docs/recorder-protocols.md, "Control
// API"): each request is posted to the capture thread, which owns the calls, and answered
// from there; the server's thread waits at most a second for it (the capture loop turns at
// least every 100 ms), so a stuck recorder gives 503, never a hung client.
class RecorderControl final : public control::CallControl
{
public:
    explicit RecorderControl(RecorderService &service);

    Result<control::CallInfo> start(const control::CallSelector &call) override;
    Result<control::CallInfo> stop(const control::CallSelector &call) override;
    Result<control::CallInfo> pause(const control::CallSelector &call) override;
    Result<control::CallInfo> resume(const control::CallSelector &call) override;
    Result<control::CallInfo> tag(const control::CallSelector &call, const QStringList &tags) override;
    Result<control::CallInfo> attachMetadata(const control::CallSelector &call, const QJsonObject &fields) override;
    QVector<control::CallInfo> calls() const override;
    QJsonObject status() const override;
    Result<control::CallInfo> find(const control::CallSelector &call) const override;

    static control::CallInfo infoOf(const TrackedCall &call);

private:
    using Action = std::function<Result<control::CallInfo>(CallTracker &tracker, TrackedCall &call, qint64 nowUs)>;
    // Runs `action` on the capture thread on the selected call (NotFound when there is none;
    // `createByPorts`: a port-pair start makes the call).
    Result<control::CallInfo> onCall(const control::CallSelector &selector, Action action, bool createByPorts = false) const;

    RecorderService &m_service;
    QDateTime m_startedAt;
};

} // namespace cv::recorder
