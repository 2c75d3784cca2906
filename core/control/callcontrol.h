#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv::control {

// Which call a control request means: by SIP Call-ID, or by the RTP port pair of its two
// media legs (what a PBX that knows only its RTP ports can give; either order matches).
struct CallSelector
{
    QString callId;
    std::optional<QPair<quint16, quint16>> ports;

    static CallSelector byCallId(const QString &callId) { return {callId, std::nullopt}; }
    static CallSelector byPorts(quint16 a, quint16 b)
    {
        return {QString(), QPair<quint16, quint16>(a, b)};
    }
    // "Call-ID \"abc\"" or "port pair 10000-10002", for messages.
    QString describe() const;
};

// A live call as the control API reports it.
struct CallInfo
{
    QString callId;
    QUuid recordingId;   // null while nothing is recorded
    QDateTime startedAt; // UTC
    QString state;       // "signalling", "recording", "paused", "stopped" ...
    QString agentId;
    QString customerNumber;
    QString crmTicketId;
    QString direction; // "inbound", "outbound", "internal", "" when unknown
    QStringList tags;
    QJsonObject metadata;      // further fields the recorder wants to show
    QVector<quint16> rtpPorts; // local media ports of the legs (for the port-pair form)
    int legs = 0;
    qint64 packets = 0;
    qint64 packetsLost = 0;

    // snake_case keys as the API documents them; null/empty fields are omitted except
    // call_id and state.
    QJsonObject toJson() const;
};

// What the control API needs from the recorder. The recorder implements it; the server
// calls it only on its own thread, and every call must return quickly (hand work to the
// recorder's threads, do not wait for disk). Errors map to HTTP in one place
// (ControlRouter::statusFor): NotFound -> 404, Conflict -> 409 (e.g. start on a call
// already recording), InvalidArgument/Format/Unsupported -> 400, PermissionDenied -> 403,
// DiskFull -> 507, Cancelled -> 503, anything else -> 500. Error messages are shown to the
// API client as they are: English, naming the call and what to do.
class CallControl
{
public:
    virtual ~CallControl() = default;

    virtual Result<CallInfo> start(const CallSelector &call) = 0;
    virtual Result<CallInfo> stop(const CallSelector &call) = 0;
    virtual Result<CallInfo> pause(const CallSelector &call) = 0;
    virtual Result<CallInfo> resume(const CallSelector &call) = 0;
    // Adds tags (already validated: 1-64 characters, no control characters, at most 32).
    virtual Result<CallInfo> tag(const CallSelector &call, const QStringList &tags) = 0;
    // fields: only agent_id, customer_number, crm_ticket_id, string values (the server
    // validates this before calling; an implementation may refuse more, with
    // InvalidArgument naming the field).
    virtual Result<CallInfo> attachMetadata(const CallSelector &call,
                                            const QJsonObject &fields) = 0;
    virtual QVector<CallInfo> calls() const = 0;
    // version, uptime, counts, disk, whether new calls are accepted: shown as it is.
    virtual QJsonObject status() const = 0;

    // One call (GET /api/v1/calls/{id}, GET /api/v1/ports/{a}-{b}). The default searches
    // calls(); the recorder may override it with a direct lookup.
    virtual Result<CallInfo> find(const CallSelector &call) const;
};

} // namespace cv::control
