#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "qa/evaluationrepository.h"
#include "qa/workitemrepository.h"

#include <QVector>

namespace cv {

class Database;

// A work item's state, derived from its evaluation.
enum class WorkItemState : int
{
    Open = 1,       // no evaluation yet
    InProgress = 2, // a draft
    Done = 3,       // submitted, or any later state
};

QString workItemStateName(WorkItemState state); // "open", "in_progress", "done"

// One row of a queue: the item, its call and rule, and its state.
struct WorkItemView
{
    WorkItemRow item;
    WorkItemState state = WorkItemState::Open;
    bool overdue = false; // now > deadline and not done
};

// The queues of sampled calls (docs/qa-workflow.md, "Sampling and work queues").
//   mine       recording.score; the caller's open and in-progress items of calls in their
//              scope, by deadline. Denied as 'qa.workitem.mine'.
//   ofRule     qa.forms.manage; every item of a rule on calls in the caller's scope, with
//              states. Denied as 'qa.workitem.list'.
//   start      recording.score on the call (EvaluationWorkflow::startDraft decides and
//              audits 'qa.evaluation.draft'); only the item's own evaluator (else denied,
//              audited 'qa.workitem.start', reason "not the assignee"). Links the item to the
//              draft; an item that already has an evaluation returns it.
//   reassign   qa.forms.manage on the call (within the scope), to a user who may score it;
//              audited 'qa.workitem.reassign' (details: item, from, to). A done item is not
//              reassigned (Conflict); an in-progress one loses its link (the draft stays the
//              previous evaluator's).
class WorkQueue final
{
public:
    explicit WorkQueue(Database &db, Clock clock = systemClock());

    Result<QVector<WorkItemView>> mine(const Principal &principal);
    Result<QVector<WorkItemView>> ofRule(const Principal &principal, qint64 ruleId);
    Result<EvaluationRow> start(const Principal &principal, qint64 itemId);
    Result<WorkItemView> reassign(const Principal &principal, qint64 itemId,
                                  const QString &evaluator);

private:
    WorkItemView view(const WorkItemRow &row) const;
    Result<QVector<WorkItemView>> inScope(const Principal &principal,
                                          const QVector<WorkItemRow> &rows);
    Result<WorkItemRow> load(qint64 itemId);

    Database &m_db;
    Clock m_clock;
};

} // namespace cv
