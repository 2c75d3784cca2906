#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/qareport.h"
#include "qa/reportfilter.h"

namespace cv {

class Database;

// QA reports on behalf of a person (docs/qa-reports.md): by agent, team, form, question and
// period, over the evaluations past the draft of the calls within the person's scope.
//
// Needs evaluation.resolve (supervisors) or recording.score (QA evaluators); every other
// person is refused, the refusal audited as 'qa.report.view' (target "qa.reports"). Viewing
// a report writes no audit row; exporting one (CSV, PDF) does: recordExport() writes
// 'qa.report.export' with the filter and the format before the file is written.
class QaReportQuery final
{
public:
    enum class ExportFormat : int
    {
        Csv = 1,
        Pdf = 2,
    };

    explicit QaReportQuery(Database &db);

    Result<QaReport> run(const Principal &principal, const ReportFilter &filter);
    // The audit row of an export of `report` (its filter and how many evaluations it
    // counts); refused (and the refusal audited under the same action) like run().
    Result<void> recordExport(const Principal &principal, const QaReport &report, ExportFormat format);

    static QString target(); // "qa.reports"

private:
    Result<void> mayRun(const Principal &principal, const QString &action);

    Database &m_db;
};

} // namespace cv
