#pragma once

#include "common/result.h"
#include "qa/qareport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace cv {

// A QA report as a PDF (QPdfWriter, A4 portrait, 300 dpi; docs/qa-reports.md, "PDF"): the
// title, the filter in words, the site, who generated it and when, the overall figures,
// the trend chart, the charts per agent and per team, the table per agent (name, team,
// evaluations, average score, dispute rate, critical fails) and the table per question,
// with page breaks where a table runs over. Every word and number is drawn as text (the
// charts too, as vector drawings), in a font with CJK glyphs, so a reader can search and
// copy it and Chinese names show.
class QaReportPdf final
{
    Q_DECLARE_TR_FUNCTIONS(cv::QaReportPdf)

public:
    struct Context
    {
        QString siteName;
        QString userName;
        QDateTime generatedAt;
        QStringList filterLines; // ReportText::filterLines
    };

    static Result<void> write(QIODevice &device, const QaReport &report, const Context &context);
    // The font families the PDF asks for: a Latin one, then CJK ones.
    static QStringList fontFamilies();
};

} // namespace cv
