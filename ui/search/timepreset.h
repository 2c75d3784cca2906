#pragma once

#include <QDateTime>
#include <QLocale>
#include <optional>

namespace cv {

// The quick choices of the search panel's time filter, as [from, to) in local time.
enum class TimePreset : int
{
    AnyTime = 0,
    Today,
    Yesterday,
    ThisWeek,   // from the locale's first day of this week
    Last7Days,  // today and the 6 days before
    Last30Days, // today and the 29 days before
    Custom,     // the person's own from/to
};

struct TimeRange
{
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
};

// The range of a preset at `now` (local time); nullopt for AnyTime and Custom.
std::optional<TimeRange> timePresetRange(TimePreset preset, const QDateTime &now,
                                         const QLocale &locale = QLocale());

} // namespace cv
