#pragma once

#include "qa/qareport.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cv {

// The charts of a QA report (Qt Charts), for the view and for the PDF: the average score per
// period (a line over the buckets that have evaluations; x is the bucket's start in ms since
// the epoch, on a date axis), and the average score per agent or per team (bars, one per
// group, in the report's order). Scores are on a 0..100 axis.
class QaReportCharts final
{
    Q_DECLARE_TR_FUNCTIONS(cv::QaReportCharts)

public:
    static std::unique_ptr<QChart> trend(const QaReport &report);
    static std::unique_ptr<QChart> averages(const QVector<ReportGroup> &groups, const QString &title);

    // Every font of the chart in pixels (title, axes, legend, labels): a chart laid out with
    // pixel fonts keeps its proportions when it is drawn scaled into a PDF.
    static void usePixelFonts(QChart &chart, int pixels, const QStringList &families);
};

} // namespace cv
