#pragma once

#include "qa/qareport.h"
#include "qa/qareportcsv.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace cv {

// How the QA report's figures read on screen, in the PDF and in the CSV headings, in the
// person's language. Scores with one decimal in the locale's digits ("70.0"); rates as
// percentages with one decimal ("33.3%"); dates as ISO dates (2024-04-01) in both languages.
class ReportText final
{
    Q_DECLARE_TR_FUNCTIONS(cv::ReportText)

public:
    static QString score(const std::optional<double> &score);
    static QString percent(const std::optional<double> &rate);
    static QString date(qint64 ms, const QTimeZone &zone);
    // "Week of 2024-04-01" / "2024-04".
    static QString bucket(const ReportTrendPoint &point, const ReportFilter &filter);
    // "critical", "fatal" or empty.
    static QString kind(const ReportQuestion &question);
    // For critical and fatal questions: "33.3% failed (1 of 3)"; "none failed"; empty otherwise.
    static QString failText(const ReportQuestion &question);
    // "Evaluations: 5 · average 82.0 · lowest 50.0 · highest 100.0 · disputed 40.0%".
    static QString overall(const ReportGroup &overall);
    // The filter in words, one line each: period and grouping, team, agent, form.
    static QStringList filterLines(const ReportFilter &filter, const QString &teamName,
                                   const QString &agentName, const QString &formName);
    static QaReportCsv::Labels csvLabels();
};

} // namespace cv
