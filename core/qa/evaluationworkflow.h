#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "qa/evaluationrepository.h"

#include <QString>
#include <QUuid>
#include <optional>

namespace cv {

class Database;

// How long the next person has (deadline_at_ms): the agent to answer a submitted evaluation,
// a supervisor to decide a dispute. Shown, not enforced: a late answer is still taken, and
// the deadline shows it was late.
struct EvaluationDeadlines
{
    qint64 answerWithinMs = 7LL * 24 * 3600 * 1000;
    qint64 resolveWithinMs = 7LL * 24 * 3600 * 1000;
};

// The QA workflow on behalf of a person (docs/qa-workflow.md): the state machine
//
//   draft --submit--> submitted --acknowledge--> acknowledged
//                               --dispute------> disputed --resolve (upheld | rescored)--> resolved
//
// and who may take each step:
//   startDraft, saveDraft, submit   recording.score on the call (within the role's scope);
//                                   saving and submitting only by the draft's own evaluator
//   acknowledge, dispute            evaluation.acknowledge, and only the agent whose call it
//                                   is (the user's agent id is the recording's agent)
//   resolve                         evaluation.resolve on the call (within the scope), and not
//                                   by the evaluation's own evaluator (no one judges a
//                                   dispute about their own scoring)
// Every step is audited in one transaction with the change, target the recording id:
// qa.evaluation.draft / save / submit / acknowledge / dispute / resolve, details with the
// evaluation id (docs/qa-workflow.md lists them). Every refusal writes a 'denied' row under
// the same action through AccessControl: a missing permission, a call outside the scope or
// not one's own, someone else's draft, and a step the state does not allow (Conflict, reason
// "state <name>"). Text and score checks (InvalidArgument) come after the permission and
// write no row. After each step but the draft and its saves, evaluation_events records who
// did what (a re-score keeps the old and the new score): the history the agent sees.
class EvaluationWorkflow final
{
public:
    using Policy = EvaluationDeadlines;

    enum class Outcome : int
    {
        Upheld = 1,   // the score stands
        Rescored = 2, // a new score; the old one stays in the history
    };

    explicit EvaluationWorkflow(Database &db, Clock clock = systemClock(), Policy policy = Policy());

    // A new draft of `formId` version `formVersion` (which must be published) on the
    // recording; returns it.
    Result<EvaluationRow> startDraft(const Principal &principal, const QUuid &recordingId,
                                     const QString &formId, int formVersion);
    // `answersJson`: a JSON object (the form model's answers with their pinned moments).
    Result<EvaluationRow> saveDraft(const Principal &principal, qint64 evaluationId,
                                    const QString &answersJson, const QString &comment,
                                    std::optional<double> score);
    // Needs a score (saved with the draft).
    Result<EvaluationRow> submit(const Principal &principal, qint64 evaluationId);
    Result<EvaluationRow> acknowledge(const Principal &principal, qint64 evaluationId);
    // `reason` is required.
    Result<EvaluationRow> dispute(const Principal &principal, qint64 evaluationId,
                                  const QString &reason);
    // `notes` are required (the agent reads them); `newScore` only and always with Rescored.
    Result<EvaluationRow> resolve(const Principal &principal, qint64 evaluationId,
                                  Outcome outcome, std::optional<double> newScore,
                                  const QString &notes);

private:
    struct Target
    {
        EvaluationRow evaluation;
        RecordingRow recording;
    };
    // The evaluation and its recording when `permission` on the recording is allowed
    // (denials audited as `action`); NotFound for an unknown id.
    Result<Target> load(const Principal &principal, qint64 evaluationId, Permission permission,
                        const QString &action);
    // Denied (audited) unless the evaluation is in `state`; the error's code is Conflict.
    Result<void> requireState(const Principal &principal, const Target &target,
                              EvaluationState state, const QString &action);
    Result<void> requireOwnDraft(const Principal &principal, const Target &target,
                                 const QString &action);
    Result<void> requireOwnCall(const Principal &principal, const Target &target,
                                const QString &action);
    Result<EvaluationRow> reread(qint64 evaluationId);

    Database &m_db;
    Clock m_clock;
    Policy m_policy;
};

} // namespace cv
