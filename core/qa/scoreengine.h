#pragma once

#include "common/result.h"
#include "qa/answer.h"
#include "qa/evaluationform.h"

#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

// An answer the engine could not use, and why (in English, for logs and the evaluation pane
// to show next to the question). The answer is treated as not given.
struct AnswerProblem
{
    QString questionId;
    QString message;
};

struct SectionScore
{
    QString sectionId;
    std::optional<double> score; // 0..100; empty (N/A) when no scored question was answered
    bool criticalFailed = false; // a critical question of the section failed: score is 0
};

struct ScoreResult
{
    QString formId;
    int formVersion = 0;
    // 0..100; empty when no section has a score (everything N/A or unanswered).
    std::optional<double> total;
    QVector<SectionScore> sections;  // in form order, one per section
    QStringList visibleQuestions;    // conditions applied, in form order (free text too)
    QStringList failedCritical;      // visible critical questions that failed
    QStringList failedFatal;         // visible fatal questions that failed
    bool fatal = false;              // a fatal question failed: total is 0
    QStringList unanswered;          // visible scored questions without a usable answer
    QVector<AnswerProblem> problems; // answers that do not fit their question

    // Whether the evaluation may be submitted: every visible scored question answered
    // (N/A counts where allowed) and no answer refused.
    bool isComplete() const { return unanswered.isEmpty() && problems.isEmpty(); }
    const SectionScore *section(const QString &sectionId) const;
};

// The answers of one evaluation, pinned to the form version they were given against.
struct AnswerSheet
{
    QString formId;
    int formVersion = 0;
    AnswerMap answers;
};

// Turns answers into a score (docs/qa-forms.md, "Scoring"). Pure and deterministic.
//
// - A question is visible unless its condition fails: the earlier question it depends on is
//   hidden, unanswered, N/A, or answered with a value not in `anyOf`. Answers to hidden
//   questions are ignored entirely.
// - Section score = 100 × Σ(weight × fraction) / Σ(weight) over the section's visible scored
//   questions that have a usable, non-N/A answer; N/A when there is none. N/A answers and
//   free-text questions therefore drop out and the rest is re-weighted.
// - A failed critical question makes its section score 0.
// - Total = Σ(section weight × section score) / Σ(section weight) over sections with a score.
// - A failed fatal question makes the total 0 (section scores stay as computed, so a report
//   can still show where the call went wrong).
// - Unanswered questions are listed and left out of the arithmetic, so an unfinished
//   evaluation shows a provisional score; isComplete() says whether it may be submitted.
// The form must be one FormValidator accepts (every form from FormJson or DefaultForms is).
class ScoreEngine final
{
public:
    static ScoreResult score(const EvaluationForm &form, const AnswerMap &answers);
    // The same, but only with the form version the answers were given against: a Conflict
    // error if `form` is another form or another version of it.
    static Result<ScoreResult> score(const EvaluationForm &form, const AnswerSheet &sheet);

    // The answer's share of the question's weight, 0..1; empty for N/A, free text and
    // answers that do not fit the question.
    static std::optional<double> fraction(const Question &question, const Answer &answer);
    // Whether the answer fails the question in the critical/fatal sense (see evaluationform.h).
    static bool fails(const Question &question, const Answer &answer);
    // Why the answer does not fit the question; empty when it does.
    static QString checkAnswer(const Question &question, const Answer &answer);
};

} // namespace cv
