#include "qa/scoredevaluation.h"

#include "qa/evaluationqueries.h"
#include "qa/evaluationworkflow.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace cv {

namespace {

// Scores are stored as REAL; a re-read may differ in the last bits.
bool sameScore(std::optional<double> a, std::optional<double> b)
{
    if (!a || !b)
        return !a && !b;
    return std::abs(*a - *b) < 1e-6;
}

} // namespace

ScoredEvaluation::ScoredEvaluation(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<EvaluationForm> ScoredEvaluation::form(const Principal &principal, const QString &formId,
                                              int version)
{
    auto row = FormLibrary(m_db, m_clock).version(principal, formId, version);
    if (!row)
        return row.error();
    return FormPublisher::formOf(row.value());
}

Result<EvaluationAnswers> ScoredEvaluation::answersOf(const EvaluationRow &row)
{
    const QJsonDocument doc = QJsonDocument::fromJson(row.answers.toUtf8());
    if (doc.isObject() && doc.object().isEmpty()) {
        EvaluationAnswers none; // a draft nobody has saved yet
        none.formId = row.formId;
        none.formVersion = row.formVersion;
        return none;
    }
    auto answers = EvaluationAnswers::fromJson(row.answers.toUtf8());
    if (!answers)
        return answers.error();
    if (answers->formId != row.formId || answers->formVersion != row.formVersion)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Evaluation %1 holds answers to form %2 version %3, not "
                                        "to its own form %4 version %5.")
                             .arg(row.id)
                             .arg(answers->formId)
                             .arg(answers->formVersion)
                             .arg(row.formId)
                             .arg(row.formVersion));
    return answers;
}

Result<OpenedEvaluation> ScoredEvaluation::scored(const Principal &principal,
                                                  const EvaluationRow &row)
{
    auto model = form(principal, row.formId, row.formVersion);
    if (!model)
        return model.error();
    auto answers = answersOf(row);
    if (!answers)
        return answers.error();
    OpenedEvaluation opened;
    opened.row = row;
    opened.form = model.takeValue();
    opened.answers = answers.takeValue();
    AnswerSheet sheet{opened.answers.formId, opened.answers.formVersion, opened.answers.answers};
    auto score = ScoreEngine::score(opened.form, sheet);
    if (!score)
        return score.error();
    opened.score = score.takeValue();
    return opened;
}

Result<OpenedEvaluation> ScoredEvaluation::open(const Principal &principal, qint64 evaluationId)
{
    auto row = EvaluationQueries(m_db).evaluation(principal, evaluationId);
    if (!row)
        return row.error();
    return scored(principal, row.value());
}

Result<OpenedEvaluation> ScoredEvaluation::save(const Principal &principal, qint64 evaluationId,
                                                const EvaluationAnswers &answers)
{
    auto current = open(principal, evaluationId);
    if (!current)
        return current.error();
    if (answers.formId != current->row.formId || answers.formVersion != current->row.formVersion)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("These answers are to form %1 version %2; evaluation %3 "
                                        "uses version %4 of form %5.")
                             .arg(answers.formId)
                             .arg(answers.formVersion)
                             .arg(evaluationId)
                             .arg(current->row.formVersion)
                             .arg(current->row.formId));
    AnswerSheet sheet{answers.formId, answers.formVersion, answers.answers};
    auto score = ScoreEngine::score(current->form, sheet);
    if (!score)
        return score.error();
    auto saved = EvaluationWorkflow(m_db, m_clock)
                     .saveDraft(principal, evaluationId, QString::fromUtf8(answers.toJson()),
                                answers.comment, score->total);
    if (!saved)
        return saved.error();
    return scored(principal, saved.value());
}

Result<OpenedEvaluation> ScoredEvaluation::submit(const Principal &principal, qint64 evaluationId)
{
    auto current = open(principal, evaluationId);
    if (!current)
        return current.error();
    const ScoreResult &score = current->score;
    if (!score.problems.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Evaluation %1 cannot be submitted: the answer to %2 does "
                                        "not fit its question (%3).")
                             .arg(evaluationId)
                             .arg(score.problems.first().questionId, score.problems.first().message));
    if (!score.unanswered.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Evaluation %1 cannot be submitted: %2 still unanswered "
                                        "(%3).")
                             .arg(evaluationId)
                             .arg(score.unanswered.size() == 1
                                      ? QStringLiteral("1 question is")
                                      : QStringLiteral("%1 questions are").arg(score.unanswered.size()))
                             .arg(score.unanswered.join(QStringLiteral(", "))));
    if (!score.total)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Evaluation %1 cannot be submitted: every scored question "
                                        "is N/A, so there is no score.")
                             .arg(evaluationId));
    EvaluationWorkflow workflow(m_db, m_clock);
    if (!sameScore(current->row.score, score.total)) {
        auto saved = workflow.saveDraft(principal, evaluationId, current->row.answers,
                                        current->row.comment, score.total);
        if (!saved)
            return saved.error();
    }
    auto submitted = workflow.submit(principal, evaluationId);
    if (!submitted)
        return submitted.error();
    return scored(principal, submitted.value());
}

} // namespace cv
