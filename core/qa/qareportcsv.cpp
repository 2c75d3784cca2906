#include "qa/qareportcsv.h"

#include <QDateTime>

namespace cv {

namespace {

const QString kCrLf = QStringLiteral("\r\n");

QString number(const std::optional<double> &value, int decimals, double scale = 1)
{
    return value ? QString::number(*value * scale, 'f', decimals) : QString();
}

} // namespace

QString QaReportCsv::field(const QString &raw)
{
    // A text starting like a formula (an agent named "=HYPERLINK(...)", a question text "-1")
    // would run as one in a spreadsheet: a leading apostrophe keeps it text (OWASP's advice
    // for CSV injection). Numbers this file writes never start with these characters.
    static const QString formula = QStringLiteral("=+-@\t\r");
    const QString value = !raw.isEmpty() && formula.contains(raw.front()) ? QLatin1Char('\'') + raw : raw;
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (const QChar c : value)
        quote = quote || special.contains(c);
    if (!quote)
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1String("\""), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString QaReportCsv::record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(QLatin1Char(','));
}

QByteArray QaReportCsv::toCsv(const QaReport &report)
{
    return toCsv(report, Labels());
}

QByteArray QaReportCsv::toCsv(const QaReport &report, const Labels &labels)
{
    const QTimeZone zone = report.filter.timeZone;
    const auto date = labels.formatDate ? labels.formatDate : [zone](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, zone).date().toString(Qt::ISODate);
    };
    QString out;
    out += record({labels.agentsTitle}) + kCrLf;
    out += record(labels.agentColumns) + kCrLf;
    for (const ReportGroup &a : report.agents)
        out += record({a.id, a.name, a.teamName, QString::number(a.count), number(a.average(), 2),
                       number(a.minScore, 2), number(a.maxScore, 2), number(a.disputeRate(), 1, 100),
                       number(a.criticalFailRate(), 1, 100)}) +
               kCrLf;
    out += kCrLf + record({labels.questionsTitle}) + kCrLf;
    out += record(labels.questionColumns) + kCrLf;
    for (const ReportQuestion &q : report.questions)
        out += record({q.formId, QString::number(q.formVersion), q.questionId, q.text,
                       q.fatal ? labels.fatalWord : (q.critical ? labels.criticalWord : QString()),
                       QString::number(q.shown), QString::number(q.answered),
                       QString::number(q.notApplicable), number(q.averageFraction(), 1, 100),
                       number(q.failRate(), 1, 100)}) +
               kCrLf;
    out += kCrLf + record({labels.trendTitle}) + kCrLf;
    out += record(labels.trendColumns) + kCrLf;
    for (const ReportTrendPoint &p : report.trend)
        out += record({date(p.startMs), date(p.endMs - 1), QString::number(p.count),
                       number(p.average(), 2)}) +
               kCrLf;
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace cv
