#include "qareportcharts.h"

#include "reporttext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace cv {

namespace {

QValueAxis *scoreAxis()
{
    auto *axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

} // namespace

std::unique_ptr<QChart> QaReportCharts::trend(const QaReport &report)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(tr("Average score per period"));
    auto *series = new QLineSeries;
    series->setName(tr("Average score"));
    series->setPointsVisible(true);
    for (const ReportTrendPoint &point : report.trend) {
        if (const auto average = point.average())
            series->append(double(point.startMs), *average);
    }
    chart->addSeries(series);
    auto *time = new QDateTimeAxis;
    time->setFormat(report.filter.grouping == ReportGrouping::Month ? QStringLiteral("yyyy-MM")
                                                                     : QStringLiteral("yyyy-MM-dd"));
    if (!report.trend.isEmpty())
        time->setRange(QDateTime::fromMSecsSinceEpoch(report.trend.first().startMs, report.filter.timeZone),
                       QDateTime::fromMSecsSinceEpoch(report.trend.last().startMs, report.filter.timeZone));
    time->setTickCount(std::clamp(int(report.trend.size()), 2, 8));
    chart->addAxis(time, Qt::AlignBottom);
    auto *scores = scoreAxis();
    chart->addAxis(scores, Qt::AlignLeft);
    series->attachAxis(time);
    series->attachAxis(scores);
    chart->legend()->hide();
    return chart;
}

std::unique_ptr<QChart> QaReportCharts::averages(const QVector<ReportGroup> &groups, const QString &title)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(title);
    auto *set = new QBarSet(tr("Average score"));
    QStringList names;
    for (const ReportGroup &group : groups) {
        *set << group.average().value_or(0);
        names << (group.name.isEmpty() ? group.id : group.name);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(names);
    chart->addAxis(categories, Qt::AlignBottom);
    auto *scores = scoreAxis();
    chart->addAxis(scores, Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(scores);
    chart->legend()->hide();
    return chart;
}

void QaReportCharts::usePixelFonts(QChart &chart, int pixels, const QStringList &families)
{
    auto font = [&](int px, bool bold) {
        QFont f;
        f.setFamilies(families);
        f.setPixelSize(px);
        f.setBold(bold);
        return f;
    };
    chart.setTitleFont(font(pixels + 3, true));
    chart.legend()->setFont(font(pixels, false));
    for (QAbstractAxis *axis : chart.axes())
        axis->setLabelsFont(font(pixels, false));
    for (QAbstractSeries *series : chart.series()) {
        if (auto *bars = qobject_cast<QBarSeries *>(series))
            for (QBarSet *set : bars->barSets())
                set->setLabelFont(font(pixels, false));
    }
}

} // namespace cv
