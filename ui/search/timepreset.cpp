#include "timepreset.h"

namespace cv {

std::optional<TimeRange> timePresetRange(TimePreset preset, const QDateTime &now, const QLocale &locale)
{
    const QDate today = now.toLocalTime().date();
    const auto days = [](const QDate &first, const QDate &afterLast) {
        return TimeRange{first.startOfDay(), afterLast.startOfDay()};
    };
    switch (preset) {
    case TimePreset::Today:
        return days(today, today.addDays(1));
    case TimePreset::Yesterday:
        return days(today.addDays(-1), today);
    case TimePreset::ThisWeek: {
        const int back = (today.dayOfWeek() - static_cast<int>(locale.firstDayOfWeek()) + 7) % 7;
        const QDate first = today.addDays(-back);
        return days(first, first.addDays(7));
    }
    case TimePreset::Last7Days:
        return days(today.addDays(-6), today.addDays(1));
    case TimePreset::Last30Days:
        return days(today.addDays(-29), today.addDays(1));
    case TimePreset::AnyTime:
    case TimePreset::Custom:
        break;
    }
    return std::nullopt;
}

} // namespace cv
