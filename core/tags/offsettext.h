#pragma once

#include <QString>
#include <optional>

namespace cv::offsettext {

// A position in a recording as people read and type it (bookmarks).

// "2:03.456" under an hour, "1:02:03.456" from an hour on.
QString format(qint64 ms);
// "83000" (milliseconds), "1:23", "01:23.5", "1:02:03", "1:02:03.250"; seconds and minutes
// after the first field are 0..59. Nothing for anything else (negative, empty, "1:60").
std::optional<qint64> parse(const QString &text);

} // namespace cv::offsettext
