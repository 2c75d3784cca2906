#include "qa/qareportquery.h"

#include "auth/accesscontrol.h"
#include "auth/authtext.h"
#include "catalog/auditlog.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "qa/reportaggregator.h"
#include "qa/reportrepository.h"

#include <QHash>
#include <algorithm>

namespace cv {

QaReportQuery::QaReportQuery(Database &db) : m_db(db) {}

QString QaReportQuery::target()
{
    return QStringLiteral("qa.reports");
}

Result<void> QaReportQuery::mayRun(const Principal &principal, const QString &action)
{
    return AccessControl(m_db).requireAny(
        principal, {Permission::EvaluationResolve, Permission::RecordingScore}, target(), action);
}

Result<QaReport> QaReportQuery::run(const Principal &principal, const ReportFilter &filter)
{
    if (auto allowed = mayRun(principal, QStringLiteral("qa.report.view")); !allowed)
        return allowed.error();
    if (auto checked = filter.check(); !checked)
        return checked.error();
    AccessControl access(m_db);
    auto recordingScope = access.recordingScope(principal);
    if (!recordingScope)
        return recordingScope.error();
    QaReport report;
    report.filter = filter;
    ReportScope scope;
    switch (recordingScope->kind) {
    case RoleScope::All:
        scope.kind = ReportScope::Kind::All;
        break;
    case RoleScope::Teams:
        scope.kind = ReportScope::Kind::TeamsOfUser;
        scope.userId = principal.userId;
        break;
    case RoleScope::Own:
        scope.kind = ReportScope::Kind::Agent;
        scope.agentId = recordingScope->agentId;
        break;
    }
    if (recordingScope->reachesNothing()) { // no teams, no agent id: the period's empty trend
        ReportAggregator(filter, [](const QString &, int) -> Result<EvaluationForm> {
            return makeError(ErrorCode::NotFound, QString());
        }).fillInto(report);
        return report;
    }

    ReportRepository repository(m_db);
    auto agents = repository.byAgent(filter, scope);
    if (!agents)
        return agents.error();
    auto forms = repository.byForm(filter, scope);
    if (!forms)
        return forms.error();
    auto evaluations = repository.evaluations(filter, scope);
    if (!evaluations)
        return evaluations.error();
    report.agents = agents.takeValue();
    report.forms = forms.takeValue();

    // The pinned form versions, read as the person (every role that may run a report reads
    // forms); the latest title of each form names it.
    FormLibrary library(m_db);
    QHash<QString, QString> titles;
    ReportAggregator answers(filter, [&](const QString &formId, int version) -> Result<EvaluationForm> {
        auto row = library.version(principal, formId, version);
        if (!row)
            return row.error();
        titles.insert(formId, row->title);
        return FormPublisher::formOf(row.value());
    });
    for (const ReportEvaluation &evaluation : evaluations.value())
        answers.add(evaluation);
    answers.fillInto(report);

    for (ReportGroup &form : report.forms)
        form.name = titles.value(form.id, form.id);
    QHash<QString, int> teamIndex;
    for (const ReportGroup &agent : report.agents) {
        report.overall.add(agent);
        auto it = teamIndex.find(agent.teamId);
        if (it == teamIndex.end()) {
            ReportGroup team;
            team.id = agent.teamId;
            team.name = agent.teamName;
            it = teamIndex.insert(agent.teamId, int(report.teams.size()));
            report.teams.append(team);
        }
        report.teams[*it].add(agent);
    }
    std::sort(report.teams.begin(), report.teams.end(),
              [](const ReportGroup &a, const ReportGroup &b) { return a.name < b.name; });
    return report;
}

Result<void> QaReportQuery::recordExport(const Principal &principal, const QaReport &report,
                                         ExportFormat format)
{
    const QString action = QStringLiteral("qa.report.export");
    if (auto allowed = mayRun(principal, action); !allowed)
        return allowed.error();
    QJsonObject details = report.filter.toJson();
    details.insert(QStringLiteral("format"),
                   format == ExportFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    details.insert(QStringLiteral("evaluations"), report.overall.count);
    auto appended = AuditLog(m_db).append(
        principal.auditEvent(action, target(), true, authtext::json(details)));
    if (!appended)
        return appended.error();
    return {};
}

} // namespace cv
