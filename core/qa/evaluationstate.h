#pragma once

#include <QString>
#include <optional>

namespace cv {

// Where an evaluation is in the QA workflow (docs/qa-workflow.md). Stored as text in
// evaluations.state (migration 7's CHECK lists the same names).
enum class EvaluationState : int
{
    Draft = 1,        // being written by its evaluator; counts nowhere
    Submitted = 2,    // handed in; the agent of the call answers it
    Acknowledged = 3, // the agent has seen it and accepts it (final)
    Disputed = 4,     // the agent contests it, with a reason; a supervisor decides
    Resolved = 5,     // a supervisor upheld it or re-scored it (final)
};

QString evaluationStateName(EvaluationState state);
std::optional<EvaluationState> evaluationStateFromName(const QString &name);

// The one table of allowed steps: draft -> submitted -> acknowledged | disputed,
// disputed -> resolved. Nothing leaves acknowledged or resolved, and nothing goes back.
bool isAllowedTransition(EvaluationState from, EvaluationState to);

// What evaluation_events.kind records for a step (a re-score is a resolution of its own
// kind, "rescored", carrying the old and new score).
enum class EvaluationEventKind : int
{
    Submitted = 1,
    Acknowledged = 2,
    Disputed = 3,
    Resolved = 4, // the dispute was settled and the score upheld
    Rescored = 5, // the dispute was settled with a new score
};

QString evaluationEventKindName(EvaluationEventKind kind);
std::optional<EvaluationEventKind> evaluationEventKindFromName(const QString &name);

} // namespace cv
