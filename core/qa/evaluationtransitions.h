#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "qa/evaluationrepository.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace cv {

class Database;

// Applies one workflow step that EvaluationWorkflow has already allowed: the state change,
// its evaluation_events row and its audit row, all in ONE transaction.
//
// On a server-enforced PostgreSQL catalog (docs/postgres-security.md) the step goes through
// the SECURITY DEFINER function for it (cv_evaluation_submit / _respond / _resolve), which
// checks the same rules again in the server and writes the same three things itself: an
// agent may change no evaluation row directly, and no one changes a submitted one, so that a
// SQL client cannot skip the history or the audit row.
class EvaluationTransitions final
{
public:
    struct Request
    {
        EvaluationState to = EvaluationState::Submitted;
        EvaluationEventKind kind = EvaluationEventKind::Submitted;
        QString notes;                      // reason of a dispute, notes of a resolution
        std::optional<double> newScore;     // a re-score
        std::optional<qint64> deadlineAtMs; // the next step's deadline; none: nothing due
        QString action;                     // audit action
        QJsonObject details;                // audit details
    };

    explicit EvaluationTransitions(Database &db);

    // Conflict when the evaluation left its state meanwhile (someone else acted first).
    Result<void> apply(const Principal &principal, const EvaluationRow &evaluation,
                       const Request &request, qint64 nowMs);

private:
    Result<void> applyHere(const Principal &principal, const EvaluationRow &evaluation,
                           const Request &request, qint64 nowMs);
    Result<void> applyInServer(const Principal &principal, const EvaluationRow &evaluation,
                               const Request &request);

    Database &m_db;
};

} // namespace cv
