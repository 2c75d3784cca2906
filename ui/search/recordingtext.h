#pragma once

#include "catalog/catalogtypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace cv {

// How the workstation writes a recording's fields for people, in the UI language and the
// user's locale: one place, so the results table, the details pane and the player agree.
class RecordingText final
{
    Q_DECLARE_TR_FUNCTIONS(cv::RecordingText)

public:
    static QString dateTime(const QDateTime &utc);      // local time, locale's short format
    static QString duration(qint64 ms);                 // "4:05", "1:02:03"
    static QString direction(Direction direction);
    static QString status(RecordingStatus status);
    static QString sentiment(std::optional<double> value); // "+0.42 (positive)", "" when unknown
    static QString size(qint64 bytes);                  // locale's data size format
};

} // namespace cv
