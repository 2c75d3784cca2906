#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"
#include "qa/qareport.h"
#include "qa/reportrepository.h"

#include <QHash>
#include <QMap>
#include <QVector>
#include <functional>

namespace cv {

// The figures of a QA report that need each evaluation's answers JSON (docs/qa-reports.md):
// the per-question figures, the critical-fail counts per agent / team / form, and the trend.
// Fed one evaluation at a time; pure (the forms come from `formOf`).
class ReportAggregator final
{
public:
    // The form version an evaluation was scored with; an error leaves the evaluation out of
    // the question figures (its score still counts).
    using FormLookup = std::function<Result<EvaluationForm>(const QString &formId, int version)>;

    ReportAggregator(const ReportFilter &filter, FormLookup formOf);

    void add(const ReportEvaluation &evaluation);

    // Fills report.questions, report.trend, report.unreadAnswers, and answersRead /
    // criticalFailed of report.agents, report.forms (teams and overall are sums of agents).
    void fillInto(QaReport &report) const;

private:
    struct Critical
    {
        int read = 0;
        int failed = 0;
    };
    const EvaluationForm *form(const QString &formId, int version);
    void addAnswers(const ReportEvaluation &evaluation);

    ReportFilter m_filter;
    FormLookup m_formOf;
    QMap<QPair<QString, int>, std::optional<EvaluationForm>> m_forms;
    QMap<QPair<QString, int>, QVector<ReportQuestion>> m_questions; // form order
    QHash<QString, Critical> m_byAgent;
    QHash<QString, Critical> m_byForm;
    QMap<qint64, ReportTrendPoint> m_trend; // by bucket start
    int m_unread = 0;
};

} // namespace cv
