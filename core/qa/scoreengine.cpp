#include "scoreengine.h"

#include <QHash>
#include <QSet>

namespace cv {

const SectionScore *ScoreResult::section(const QString &sectionId) const
{
    for (const SectionScore &s : sections)
        if (s.sectionId == sectionId)
            return &s;
    return nullptr;
}

QString ScoreEngine::checkAnswer(const Question &q, const Answer &a)
{
    using K = Answer::Kind;
    if (a.kind == K::NotApplicable)
        return q.allowNa ? QString()
                         : QStringLiteral("Question \"%1\" cannot be answered N/A.").arg(q.id);
    switch (q.kind) {
    case QuestionKind::YesNo:
        if (a.kind != K::Yes && a.kind != K::No)
            return QStringLiteral("Question \"%1\" is a yes/no question; answer yes or no.")
                .arg(q.id);
        return QString();
    case QuestionKind::Scale:
        if (a.kind != K::Scale)
            return QStringLiteral("Question \"%1\" is a scale question; answer with a value "
                                  "from 1 to %2.")
                .arg(q.id)
                .arg(q.scaleMax);
        if (a.scaleValue < 1 || a.scaleValue > q.scaleMax)
            return QStringLiteral("Question \"%1\" takes a value from 1 to %2, not %3.")
                .arg(q.id)
                .arg(q.scaleMax)
                .arg(a.scaleValue);
        return QString();
    case QuestionKind::Choice:
        if (a.kind != K::Choice)
            return QStringLiteral("Question \"%1\" is a choice question; pick one of its "
                                  "choices.")
                .arg(q.id);
        if (!q.findChoice(a.value))
            return QStringLiteral("Question \"%1\" has no choice \"%2\".")
                .arg(q.id, a.value.left(64));
        return QString();
    case QuestionKind::FreeText:
        if (a.kind != K::Text)
            return QStringLiteral("Question \"%1\" is a free-text question; answer with text.")
                .arg(q.id);
        return QString();
    }
    return QString();
}

std::optional<double> ScoreEngine::fraction(const Question &q, const Answer &a)
{
    if (!checkAnswer(q, a).isEmpty() || a.kind == Answer::Kind::NotApplicable)
        return std::nullopt;
    switch (q.kind) {
    case QuestionKind::YesNo:
        return a.kind == Answer::Kind::Yes ? 1.0 : 0.0;
    case QuestionKind::Scale:
        return double(a.scaleValue - 1) / double(q.scaleMax - 1);
    case QuestionKind::Choice: {
        const double best = q.maxPoints();
        if (!(best > 0))
            return std::nullopt;
        return q.findChoice(a.value)->points / best;
    }
    case QuestionKind::FreeText:
        break;
    }
    return std::nullopt;
}

bool ScoreEngine::fails(const Question &q, const Answer &a)
{
    if (!checkAnswer(q, a).isEmpty())
        return false;
    switch (q.kind) {
    case QuestionKind::YesNo:
        return a.kind == Answer::Kind::No;
    case QuestionKind::Scale:
        return a.kind == Answer::Kind::Scale && a.scaleValue == 1;
    case QuestionKind::Choice: {
        if (a.kind != Answer::Kind::Choice)
            return false;
        const Choice *c = q.findChoice(a.value);
        return c && c->fail;
    }
    case QuestionKind::FreeText:
        break;
    }
    return false;
}

ScoreResult ScoreEngine::score(const EvaluationForm &form, const AnswerMap &answers)
{
    ScoreResult result;
    result.formId = form.id;
    result.formVersion = form.version;

    // Usable answers of visible questions, filled in form order so that a condition sees
    // exactly the answers of the earlier visible questions.
    QHash<QString, Answer> accepted;
    QSet<QString> known;
    double weightedSections = 0;
    double sectionWeights = 0;
    for (const Section &section : form.sections) {
        SectionScore sectionScore;
        sectionScore.sectionId = section.id;
        double weighted = 0;
        double weights = 0;
        bool scoredAny = false;
        for (const Question &q : section.questions) {
            known.insert(q.id);
            if (q.condition) {
                const auto it = accepted.constFind(q.condition->questionId);
                if (it == accepted.constEnd() || !q.condition->anyOf.contains(it->token()))
                    continue; // hidden: its answer, if any, is ignored
            }
            result.visibleQuestions.append(q.id);
            const auto given = answers.constFind(q.id);
            if (given == answers.constEnd()) {
                if (q.isScored())
                    result.unanswered.append(q.id);
                continue;
            }
            const QString problem = checkAnswer(q, *given);
            if (!problem.isEmpty()) {
                result.problems.append(AnswerProblem{q.id, problem});
                if (q.isScored())
                    result.unanswered.append(q.id);
                continue;
            }
            accepted.insert(q.id, *given);
            if (fails(q, *given)) {
                if (q.critical) {
                    result.failedCritical.append(q.id);
                    sectionScore.criticalFailed = true;
                }
                if (q.fatal) {
                    result.failedFatal.append(q.id);
                    result.fatal = true;
                }
            }
            const auto f = fraction(q, *given);
            if (f) {
                weighted += q.weight * *f;
                weights += q.weight;
                scoredAny = true;
            }
        }
        if (sectionScore.criticalFailed)
            sectionScore.score = 0.0;
        else if (scoredAny && weights > 0)
            sectionScore.score = 100.0 * weighted / weights;
        if (sectionScore.score) {
            weightedSections += section.weight * *sectionScore.score;
            sectionWeights += section.weight;
        }
        result.sections.append(sectionScore);
    }
    if (result.fatal)
        result.total = 0.0;
    else if (sectionWeights > 0)
        result.total = weightedSections / sectionWeights;

    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it)
        if (!known.contains(it.key()))
            result.problems.append(AnswerProblem{
                it.key(), QStringLiteral("Version %1 of form \"%2\" has no question \"%3\".")
                              .arg(form.version)
                              .arg(form.id, it.key().left(64))});
    return result;
}

Result<ScoreResult> ScoreEngine::score(const EvaluationForm &form, const AnswerSheet &sheet)
{
    if (sheet.formId != form.id || sheet.formVersion != form.version)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("These answers were given on version %1 of form \"%2\"; "
                                        "they can only be scored with that version, not with "
                                        "version %3 of form \"%4\".")
                             .arg(sheet.formVersion)
                             .arg(sheet.formId.left(64))
                             .arg(form.version)
                             .arg(form.id));
    return score(form, sheet.answers);
}

} // namespace cv
