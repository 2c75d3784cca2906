#include "legstatistics.h"

#include <QJsonArray>
#include <cmath>

namespace cv::rtp {

QJsonObject LegStatistics::toJson() const
{
    QJsonArray types;
    for (int pt : payloadTypes)
        types.append(pt);
    return QJsonObject{
        {QStringLiteral("packets"), packets},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("late"), late},
        {QStringLiteral("outOfOrder"), outOfOrder},
        {QStringLiteral("duplicates"), duplicates},
        {QStringLiteral("dropped"), dropped},
        {QStringLiteral("undecodable"), undecodable},
        {QStringLiteral("concealedMs"), concealedMs},
        {QStringLiteral("jitterMs"), std::round(jitterMs * 100.0) / 100.0},
        {QStringLiteral("ssrcChanges"), ssrcChanges},
        {QStringLiteral("reanchors"), reanchors},
        {QStringLiteral("slips"), slips},
        {QStringLiteral("payloadTypes"), types},
        {QStringLiteral("dtmfEvents"), dtmfEvents},
    };
}

} // namespace cv::rtp
