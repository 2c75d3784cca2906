#pragma once

#include "qa/qareport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace cv {

// A QA report as CSV (docs/qa-reports.md, "CSV"): RFC 4180 (fields with a comma, a quote,
// CR or LF are quoted, quotes doubled, CRLF line ends), UTF-8 with a byte order mark so
// that Excel reads Chinese names correctly. Three tables one after the other, each under a
// title line and a header line, separated by an empty line: per agent, per question, trend.
// Numbers are written with a '.' decimal point whatever the language (a spreadsheet reads
// them as numbers); scores with two decimals, rates as percentages with one.
//
// Core has no translations: the caller passes every heading in the person's language
// (the workstation's tr() strings); the defaults are English.
class QaReportCsv final
{
public:
    struct Labels
    {
        QString agentsTitle = QStringLiteral("Agents");
        QString questionsTitle = QStringLiteral("Questions");
        QString trendTitle = QStringLiteral("Trend");
        QStringList agentColumns = {QStringLiteral("Agent id"), QStringLiteral("Agent"),
                                    QStringLiteral("Team"), QStringLiteral("Evaluations"),
                                    QStringLiteral("Average score"), QStringLiteral("Lowest"),
                                    QStringLiteral("Highest"), QStringLiteral("Dispute rate (%)"),
                                    QStringLiteral("Critical fail rate (%)")};
        QStringList questionColumns = {QStringLiteral("Form"), QStringLiteral("Version"),
                                       QStringLiteral("Question id"), QStringLiteral("Question"),
                                       QStringLiteral("Critical"), QStringLiteral("Shown"),
                                       QStringLiteral("Answered"), QStringLiteral("N/A"),
                                       QStringLiteral("Average points (%)"),
                                       QStringLiteral("Fail rate (%)")};
        QStringList trendColumns = {QStringLiteral("Period start"), QStringLiteral("Period end"),
                                    QStringLiteral("Evaluations"), QStringLiteral("Average score")};
        QString criticalWord = QStringLiteral("critical");
        QString fatalWord = QStringLiteral("fatal");
        // How a bucket's bounds are written (default: ISO date in the filter's zone).
        std::function<QString(qint64 ms)> formatDate;
    };

    static QByteArray toCsv(const QaReport &report); // English headings
    static QByteArray toCsv(const QaReport &report, const Labels &labels);

    // One CSV record (no line end) / a whole table with CRLF line ends.
    static QString record(const QStringList &fields);
    static QString field(const QString &value);
};

} // namespace cv
