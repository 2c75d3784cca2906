#include "qa/reportfilter.h"

#include <QDateTime>

namespace cv {

QString reportGroupingName(ReportGrouping grouping)
{
    return grouping == ReportGrouping::Month ? QStringLiteral("month") : QStringLiteral("week");
}

Result<void> ReportFilter::check() const
{
    if (toMs <= fromMs)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The report's period is empty: its end must be after its start."));
    if (toMs - fromMs > qint64(kMaxDays) * 24 * 3600 * 1000)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The report's period is longer than %1 days; choose a shorter one.")
                             .arg(kMaxDays));
    if (!timeZone.isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The report's time zone is not valid."));
    return {};
}

QJsonObject ReportFilter::toJson() const
{
    QJsonObject o{{QStringLiteral("from"), fromMs},
                  {QStringLiteral("to"), toMs},
                  {QStringLiteral("grouping"), reportGroupingName(grouping)}};
    if (!teamId.isEmpty())
        o.insert(QStringLiteral("team"), teamId);
    if (!agentId.isEmpty())
        o.insert(QStringLiteral("agent"), agentId);
    if (!formId.isEmpty())
        o.insert(QStringLiteral("form"), formId);
    return o;
}

qint64 reportBucketStart(qint64 ms, ReportGrouping grouping, const QTimeZone &zone)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, zone).date();
    const QDate first = grouping == ReportGrouping::Month ? QDate(day.year(), day.month(), 1)
                                                          : day.addDays(1 - day.dayOfWeek());
    return QDateTime(first, QTime(0, 0), zone).toMSecsSinceEpoch();
}

qint64 reportNextBucket(qint64 bucketStartMs, ReportGrouping grouping, const QTimeZone &zone)
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(bucketStartMs, zone).date();
    const QDate next = grouping == ReportGrouping::Month ? first.addMonths(1) : first.addDays(7);
    return QDateTime(next, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace cv
