#include "catalogtypes.h"

namespace cv {

QString directionToText(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return QStringLiteral("in");
    case Direction::Outbound:
        return QStringLiteral("out");
    case Direction::Internal:
        return QStringLiteral("internal");
    }
    return QString();
}

std::optional<Direction> directionFromText(const QString &text)
{
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Internal}) {
        if (text == directionToText(d))
            return d;
    }
    return std::nullopt;
}

QString recordingStatusToText(RecordingStatus status)
{
    switch (status) {
    case RecordingStatus::Normal:
        return QStringLiteral("normal");
    case RecordingStatus::Unfinished:
        return QStringLiteral("unfinished");
    case RecordingStatus::Recovered:
        return QStringLiteral("recovered");
    }
    return QString();
}

std::optional<RecordingStatus> recordingStatusFromText(const QString &text)
{
    for (RecordingStatus s :
         {RecordingStatus::Normal, RecordingStatus::Unfinished, RecordingStatus::Recovered}) {
        if (text == recordingStatusToText(s))
            return s;
    }
    return std::nullopt;
}

} // namespace cv
