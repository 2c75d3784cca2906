#pragma once

#include <QRegularExpression>
#include <QString>

namespace cv::recorder {

// Who is who in a call seen in SIP: the agent is the party whose number is an extension
// (RecorderConfig::agentPattern), the customer the other one. Caller = From (or
// P-Asserted-Identity, which a trunk sets to the real calling number), callee = To.
struct CallParties
{
    QString agentId;       // empty when neither party looks like an extension
    QString customerPhone;
    QString direction;     // "in", "out" or "internal" (RecordingMetadata::direction)
    bool agentIsCaller = false;

    static CallParties identify(const QString &callerNumber, const QString &calleeNumber,
                                const QRegularExpression &agentPattern);
    // "sip:+8613800000000@gw;user=phone" -> "+8613800000000"; "tel:1001" -> "1001".
    static QString numberOfUri(const QString &uri);
};

} // namespace cv::recorder
