#include "reporttext.h"

#include <QDateTime>
#include <QLocale>

namespace cv {

QString ReportText::score(const std::optional<double> &score)
{
    return score ? QLocale().toString(*score, 'f', 1) : QStringLiteral("–");
}

QString ReportText::percent(const std::optional<double> &rate)
{
    return rate ? QLocale().toString(*rate * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("–");
}

QString ReportText::date(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date().toString(Qt::ISODate);
}

QString ReportText::bucket(const ReportTrendPoint &point, const ReportFilter &filter)
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(point.startMs, filter.timeZone).date();
    if (filter.grouping == ReportGrouping::Month)
        return first.toString(QStringLiteral("yyyy-MM"));
    return tr("Week of %1").arg(first.toString(Qt::ISODate));
}

QString ReportText::kind(const ReportQuestion &question)
{
    if (question.fatal)
        return tr("fatal");
    if (question.critical)
        return tr("critical");
    return QString();
}

QString ReportText::failText(const ReportQuestion &question)
{
    const auto rate = question.failRate();
    if (!rate)
        return (question.critical || question.fatal) ? tr("not answered") : QString();
    if (question.failed == 0)
        return tr("none failed");
    return tr("%1 failed (%2 of %3)")
        .arg(percent(rate), QLocale().toString(question.failed), QLocale().toString(question.answered));
}

QString ReportText::overall(const ReportGroup &overall)
{
    return tr("Evaluations: %1 · average %2 · lowest %3 · highest %4 · disputed %5")
        .arg(QLocale().toString(overall.count), score(overall.average()), score(overall.minScore),
             score(overall.maxScore), percent(overall.disputeRate()));
}

QStringList ReportText::filterLines(const ReportFilter &filter, const QString &teamName,
                                    const QString &agentName, const QString &formName)
{
    const QString grouping =
        filter.grouping == ReportGrouping::Month ? tr("by month") : tr("by week");
    return {tr("Calls from %1 to %2, %3").arg(date(filter.fromMs, filter.timeZone),
                                             date(filter.toMs - 1, filter.timeZone), grouping),
            tr("Team: %1").arg(filter.teamId.isEmpty() ? tr("all teams") : teamName),
            tr("Agent: %1").arg(filter.agentId.isEmpty() ? tr("all agents") : agentName),
            tr("Form: %1").arg(filter.formId.isEmpty() ? tr("all forms") : formName)};
}

QaReportCsv::Labels ReportText::csvLabels()
{
    QaReportCsv::Labels l;
    l.agentsTitle = tr("Agents");
    l.questionsTitle = tr("Questions");
    l.trendTitle = tr("Trend");
    l.agentColumns = {tr("Agent id"), tr("Agent"), tr("Team"), tr("Evaluations"), tr("Average score"),
                      tr("Lowest"), tr("Highest"), tr("Dispute rate (%)"), tr("Critical fail rate (%)")};
    l.questionColumns = {tr("Form"), tr("Version"), tr("Question id"), tr("Question"), tr("Critical"),
                         tr("Shown"), tr("Answered"), tr("N/A"), tr("Average points (%)"),
                         tr("Fail rate (%)")};
    l.trendColumns = {tr("Period start"), tr("Period end"), tr("Evaluations"), tr("Average score")};
    l.criticalWord = tr("critical");
    l.fatalWord = tr("fatal");
    return l;
}

} // namespace cv
