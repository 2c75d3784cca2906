#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "qa/evaluationstate.h"
#include "qa/samplingrule.h"

#include <QHash>
#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One queued call (table work_items, migration 10) with what a queue shows of its recording,
// its rule and its evaluation.
struct WorkItemRow
{
    qint64 id = 0;
    qint64 ruleId = 0;
    QUuid recordingId;
    QString evaluator;
    QString formId;
    int formVersion = 0;
    qint64 periodStartMs = 0;
    qint64 assignedAtMs = 0;
    qint64 deadlineAtMs = 0;
    std::optional<qint64> evaluationId;
    // Read with the row (not columns of work_items):
    QString ruleName;
    QString agentId;
    QString team;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    std::optional<EvaluationState> evaluationState;
};

// A call a rule may pick, with what decides whether it is picked.
struct SamplingCandidate
{
    QUuid recordingId;
    QString agentId;
    QString team;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    bool queued = false;    // already a work item of this rule
    bool evaluated = false; // has a submitted (or later) evaluation with the rule's form
};

// Which calls to read: the window, the rule's kind condition and team, the person's scope.
struct CandidateFilter
{
    qint64 ruleId = 0;
    QString formId;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    SamplingKind kind = SamplingKind::RandomPerAgent;
    SamplingParameters parameters;
    QString teamId; // empty: any team
    RoleScope scope = RoleScope::All;
    qint64 scopeUserId = 0; // Teams: the user whose teams count
    QString scopeAgentId;   // Own
};

// The table work_items and the reads the queue generator needs. SQL only: no permission
// checks (QueueGenerator and WorkQueue act for a person). Calling thread's connection,
// inside the caller's TransactionGuard.
class WorkItemRepository final
{
public:
    explicit WorkItemRepository(Database &db);

    // False when the rule already queued this recording (UNIQUE (rule_id, recording_id)).
    Result<bool> insert(const WorkItemRow &row);
    Result<std::optional<WorkItemRow>> find(qint64 id);
    // An evaluator's items by deadline (`openOnly`: no evaluation yet or a draft).
    Result<QVector<WorkItemRow>> listForEvaluator(const QString &evaluator, bool openOnly);
    // A rule's items by deadline.
    Result<QVector<WorkItemRow>> listForRule(qint64 ruleId);
    // Open items (no evaluation or a draft) per evaluator, of every rule.
    Result<QHash<QString, int>> openCounts();
    // Links the evaluation to the item unless it already has one; false then.
    Result<bool> linkEvaluation(qint64 itemId, qint64 evaluationId);
    // Gives the item to `evaluator` and drops its link to an evaluation (a draft stays the
    // previous evaluator's).
    Result<bool> reassign(qint64 itemId, const QString &evaluator);

    // The calls started in [fromMs, toMs) that match the filter, by start.
    Result<QVector<SamplingCandidate>> candidates(const CandidateFilter &filter);
    // The tag names of every tagged call started in [fromMs, toMs).
    Result<QHash<QUuid, QStringList>> tagsInWindow(qint64 fromMs, qint64 toMs);

private:
    Database &m_db;
};

} // namespace cv
