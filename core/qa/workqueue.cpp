#include "qa/workqueue.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "auth/authtext.h"
#include "catalog/recordingrepository.h"
#include "qa/evaluationworkflow.h"
#include "qa/evaluatordirectory.h"

#include <QJsonObject>

namespace cv {

namespace {

const QString kMine = QStringLiteral("qa.workitem.mine");
const QString kList = QStringLiteral("qa.workitem.list");
const QString kStart = QStringLiteral("qa.workitem.start");
const QString kReassign = QStringLiteral("qa.workitem.reassign");

QString recordingTarget(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool reaches(const RecordingScope &scope, const WorkItemRow &row)
{
    switch (scope.kind) {
    case RoleScope::All:
        return true;
    case RoleScope::Teams:
        return scope.teams.contains(row.team);
    case RoleScope::Own:
        return !scope.agentId.isEmpty() && scope.agentId == row.agentId;
    }
    return false;
}

} // namespace

QString workItemStateName(WorkItemState state)
{
    switch (state) {
    case WorkItemState::Open:
        return QStringLiteral("open");
    case WorkItemState::InProgress:
        return QStringLiteral("in_progress");
    case WorkItemState::Done:
        return QStringLiteral("done");
    }
    return QString();
}

WorkQueue::WorkQueue(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

WorkItemView WorkQueue::view(const WorkItemRow &row) const
{
    WorkItemView v;
    v.item = row;
    if (!row.evaluationState)
        v.state = WorkItemState::Open;
    else if (*row.evaluationState == EvaluationState::Draft)
        v.state = WorkItemState::InProgress;
    else
        v.state = WorkItemState::Done;
    v.overdue = v.state != WorkItemState::Done && m_clock() > row.deadlineAtMs;
    return v;
}

Result<QVector<WorkItemView>> WorkQueue::inScope(const Principal &principal,
                                                 const QVector<WorkItemRow> &rows)
{
    auto scope = AccessControl(m_db).recordingScope(principal);
    if (!scope)
        return scope.error();
    QVector<WorkItemView> views;
    for (const WorkItemRow &row : rows) {
        if (reaches(scope.value(), row))
            views.append(view(row));
    }
    return views;
}

Result<WorkItemRow> WorkQueue::load(qint64 itemId)
{
    auto row = WorkItemRepository(m_db).find(itemId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("There is no work item %1.").arg(itemId));
    return *row.value();
}

Result<QVector<WorkItemView>> WorkQueue::mine(const Principal &principal)
{
    if (auto allowed = AccessControl(m_db).require(principal, Permission::RecordingScore,
                                                   QStringLiteral("work-queue"), kMine);
        !allowed)
        return allowed.error();
    auto rows = WorkItemRepository(m_db).listForEvaluator(principal.name, true);
    if (!rows)
        return rows.error();
    return inScope(principal, rows.value());
}

Result<QVector<WorkItemView>> WorkQueue::ofRule(const Principal &principal, qint64 ruleId)
{
    if (auto allowed =
            AccessControl(m_db).require(principal, Permission::QaFormsManage,
                                        QStringLiteral("sampling-rule/%1").arg(ruleId), kList);
        !allowed)
        return allowed.error();
    auto rows = WorkItemRepository(m_db).listForRule(ruleId);
    if (!rows)
        return rows.error();
    return inScope(principal, rows.value());
}

Result<EvaluationRow> WorkQueue::start(const Principal &principal, qint64 itemId)
{
    auto item = load(itemId);
    if (!item)
        return item.error();
    if (item->evaluator != principal.name)
        return AccessControl(m_db).deny(
            principal, kStart, recordingTarget(item->recordingId),
            QStringLiteral("Permission denied: work item %1 is %2's.")
                .arg(itemId)
                .arg(authtext::forAudit(item->evaluator)),
            QJsonObject{{QStringLiteral("item"), itemId},
                        {QStringLiteral("reason"), QStringLiteral("not the assignee")}});
    EvaluationRepository evaluations(m_db);
    if (item->evaluationId) {
        auto existing = evaluations.find(*item->evaluationId);
        if (!existing)
            return existing.error();
        if (existing.value())
            return *existing.value();
    }
    // A draft of this call with the item's form by the caller that a failed link left behind
    // is taken up rather than a second one started.
    auto drafts = evaluations.listByRecording(item->recordingId);
    if (!drafts)
        return drafts.error();
    std::optional<EvaluationRow> draft;
    for (const EvaluationRow &row : drafts.value()) {
        if (row.state == EvaluationState::Draft && row.evaluator == principal.name &&
            row.formId == item->formId && row.formVersion == item->formVersion)
            draft = row;
    }
    if (!draft) {
        auto started =
            EvaluationWorkflow(m_db, m_clock)
                .startDraft(principal, item->recordingId, item->formId, item->formVersion);
        if (!started)
            return started.error();
        draft = started.takeValue();
    }
    auto linked = WorkItemRepository(m_db).linkEvaluation(itemId, draft->id);
    if (!linked)
        return linked.error();
    return *draft;
}

Result<WorkItemView> WorkQueue::reassign(const Principal &principal, qint64 itemId,
                                         const QString &evaluator)
{
    auto item = load(itemId);
    if (!item)
        return item.error();
    auto recording = RecordingRepository(m_db).get(item->recordingId);
    if (!recording)
        return recording.error();
    AccessControl access(m_db);
    if (auto allowed = access.requireRecording(principal, Permission::QaFormsManage,
                                               recording.value(), kReassign);
        !allowed)
        return allowed.error();
    if (view(item.value()).state == WorkItemState::Done)
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("Work item %1 is done; it cannot be reassigned.").arg(itemId));
    auto assignee = EvaluatorDirectory(m_db).find(evaluator);
    if (!assignee)
        return assignee.error();
    if (!assignee.value() || !assignee.value()->reaches(item->team, item->agentId))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 may not score this call: choose an evaluator of its "
                                        "team.")
                             .arg(authtext::forAudit(evaluator)));
    if (evaluator == item->evaluator)
        return view(item.value());
    const QJsonObject details{{QStringLiteral("item"), itemId},
                              {QStringLiteral("from"), item->evaluator},
                              {QStringLiteral("to"), evaluator}};
    auto done =
        auditedchange::commit(m_db, principal, kReassign, recordingTarget(item->recordingId),
                              details, [&]() -> Result<void> {
                                  auto changed =
                                      WorkItemRepository(m_db).reassign(itemId, evaluator);
                                  if (!changed)
                                      return changed.error();
                                  return {};
                              });
    if (!done)
        return done.error();
    auto reread = load(itemId);
    if (!reread)
        return reread.error();
    return view(reread.value());
}

} // namespace cv
