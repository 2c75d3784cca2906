#pragma once

#include "qa/evaluationrepository.h"
#include "qa/evaluationstate.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace cv {

// The words the workstation shows for the QA workflow's states and steps, translated; one
// place, so the queue, the lists and the evaluation panel say the same thing.
class EvaluationText final
{
    Q_DECLARE_TR_FUNCTIONS(cv::EvaluationText)

public:
    static QString state(EvaluationState state);
    static QString score(std::optional<double> score); // "85.0" or "—"
    // "12 Dec 14:03" in the user's locale; "—" when there is none.
    static QString time(std::optional<qint64> atMs);
    // The deadline, with "(overdue)" once it has passed; "—" when nothing is due.
    static QString deadline(std::optional<qint64> deadlineAtMs, qint64 nowMs);
    // One line of an evaluation's history: "12 Dec 14:03 — li disputed: the greeting was said".
    static QString event(const EvaluationEventRow &event);
};

} // namespace cv
