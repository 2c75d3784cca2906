#include "callcontrol.h"

#include <QJsonArray>

namespace cv::control {

QString CallSelector::describe() const
{
    if (ports)
        return QStringLiteral("port pair %1-%2").arg(ports->first).arg(ports->second);
    return QStringLiteral("Call-ID \"%1\"").arg(callId);
}

QJsonObject CallInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("call_id"), callId);
    o.insert(QStringLiteral("state"), state);
    if (!recordingId.isNull())
        o.insert(QStringLiteral("recording_id"), recordingId.toString(QUuid::WithoutBraces));
    if (startedAt.isValid())
        o.insert(QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (!agentId.isEmpty())
        o.insert(QStringLiteral("agent_id"), agentId);
    if (!customerNumber.isEmpty())
        o.insert(QStringLiteral("customer_number"), customerNumber);
    if (!crmTicketId.isEmpty())
        o.insert(QStringLiteral("crm_ticket_id"), crmTicketId);
    if (!direction.isEmpty())
        o.insert(QStringLiteral("direction"), direction);
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    if (!metadata.isEmpty())
        o.insert(QStringLiteral("metadata"), metadata);
    if (!rtpPorts.isEmpty()) {
        QJsonArray ports;
        for (const quint16 port : rtpPorts)
            ports.append(int(port));
        o.insert(QStringLiteral("rtp_ports"), ports);
    }
    o.insert(QStringLiteral("legs"), legs);
    o.insert(QStringLiteral("packets"), QJsonValue(packets));
    o.insert(QStringLiteral("packets_lost"), QJsonValue(packetsLost));
    return o;
}

Result<CallInfo> CallControl::find(const CallSelector &call) const
{
    const QVector<CallInfo> all = calls();
    for (const CallInfo &info : all) {
        if (call.ports) {
            if (info.rtpPorts.contains(call.ports->first) &&
                info.rtpPorts.contains(call.ports->second))
                return info;
        } else if (info.callId == call.callId) {
            return info;
        }
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("no active call with %1").arg(call.describe()));
}

} // namespace cv::control
