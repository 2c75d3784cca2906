#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace cv {

// How a report's trend groups evaluations in time: calendar weeks (Monday to Sunday) or
// calendar months, in ReportFilter::timeZone. Stored in audit details by name.
enum class ReportGrouping : int
{
    Week = 1,
    Month = 2,
};

QString reportGroupingName(ReportGrouping grouping); // "week", "month"

// What a QA report covers (docs/qa-reports.md). The period is of the calls' start times
// (evaluations.started_at_ms, copied from the recording), half open: [fromMs, toMs).
// Empty team / agent / form ids mean "every one" (within the principal's scope).
struct ReportFilter
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    ReportGrouping grouping = ReportGrouping::Week;
    QString teamId;
    QString agentId;
    QString formId;
    // Where weeks and months begin (the workstation passes the system's zone).
    QTimeZone timeZone = QTimeZone::utc();

    // InvalidArgument when the period is empty or reversed, or longer than kMaxDays.
    Result<void> check() const;
    // For the audit trail: {"agent","form","from","grouping","team","to"} (empty ids left out).
    QJsonObject toJson() const;

    static constexpr int kMaxDays = 3 * 366;
};

// The calendar buckets of a trend: the start of the week / month that holds `ms`, and the
// start of the next one, in the zone (daylight-saving changes included).
qint64 reportBucketStart(qint64 ms, ReportGrouping grouping, const QTimeZone &zone);
qint64 reportNextBucket(qint64 bucketStartMs, ReportGrouping grouping, const QTimeZone &zone);

} // namespace cv
