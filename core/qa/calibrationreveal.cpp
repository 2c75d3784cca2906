#include "calibrationreveal.h"

#include "qa/scoreengine.h"

#include <QSet>
#include <algorithm>

namespace cv {

namespace {

const QString kNoAnswer = QStringLiteral("—");

// The token the reveal compares: N/A is a category of its own; hidden or unanswered
// questions are "—" (also a category: one evaluator skipping what others answered is a
// disagreement worth seeing).
QString tokenOf(const ScoreResult &result, const AnswerMap &answers, const QString &questionId)
{
    if (!result.visibleQuestions.contains(questionId) || !answers.contains(questionId))
        return kNoAnswer;
    const Answer &a = answers.value(questionId);
    if (a.kind == Answer::Kind::NotApplicable)
        return QStringLiteral("na");
    const QString token = a.token();
    return token.isEmpty() ? kNoAnswer : token;
}

// Share of rater pairs that agree on one subject: Σ n_j (n_j − 1) / (n (n − 1)).
double pairAgreement(const QStringList &labels)
{
    const int n = int(labels.size());
    if (n < 2)
        return 1;
    QMap<QString, int> counts;
    for (const QString &l : labels)
        ++counts[l];
    double agreeing = 0;
    for (int c : std::as_const(counts))
        agreeing += double(c) * (c - 1);
    return agreeing / (double(n) * (n - 1));
}

} // namespace

Result<CalibrationReveal> CalibrationReveal::compute(const CalibrationScores &scores)
{
    if (scores.evaluators.size() < 2)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A calibration needs at least two evaluators."));
    if (scores.calls.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A calibration needs at least one call."));
    QStringList missing;
    for (const QString &call : scores.calls)
        for (const QString &evaluator : scores.evaluators)
            if (!scores.answers.value(call).contains(evaluator))
                missing << QStringLiteral("%1 on %2").arg(evaluator, call);
    if (!missing.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Not every evaluator has scored every call yet: %1.").arg(missing.join(QStringLiteral(", "))));

    CalibrationReveal reveal;
    // Scores (and which questions each evaluator saw) per call and evaluator.
    QVector<QVector<ScoreResult>> results;
    for (const QString &call : scores.calls) {
        QVector<ScoreResult> perEvaluator;
        QVector<double> totals;
        for (const QString &evaluator : scores.evaluators) {
            perEvaluator.append(ScoreEngine::score(scores.form, scores.answers[call][evaluator]));
            totals.append(perEvaluator.last().total.value_or(0));
        }
        results.append(perEvaluator);
        reveal.spread.append(*std::max_element(totals.cbegin(), totals.cend())
                             - *std::min_element(totals.cbegin(), totals.cend()));
        reveal.totals.append(totals);
    }

    QVector<QStringList> allLabels; // one subject per (call, question), for the overall κ
    for (const Question *q : scores.form.questionsInOrder()) {
        if (!q->isScored())
            continue;
        QuestionAgreement qa;
        qa.questionId = q->id;
        qa.text = q->text;
        double sum = 0;
        for (int c = 0; c < scores.calls.size(); ++c) {
            QStringList labels;
            for (int e = 0; e < scores.evaluators.size(); ++e)
                labels << tokenOf(results[c][e], scores.answers[scores.calls[c]][scores.evaluators[e]], q->id);
            sum += pairAgreement(labels);
            qa.answers.append(labels);
            allLabels.append(labels);
        }
        qa.agreement = sum / double(scores.calls.size());
        const CategoryCounts counts = Agreement::countCategories(qa.answers);
        if (auto kappa = Agreement::fleissKappa(counts.counts))
            qa.kappa = kappa->kappa;
        qa.disputed = qa.agreement < kDisputedBelow;
        reveal.questions.append(qa);
    }
    if (!allLabels.isEmpty())
        if (auto kappa = Agreement::fleissKappa(Agreement::countCategories(allLabels).counts))
            reveal.overall = kappa.takeValue();

    if (scores.calls.size() < 2) {
        reveal.iccNote = QStringLiteral("one call: compare the spread of the totals");
    } else if (auto icc = Agreement::icc(reveal.totals); icc) {
        reveal.icc = icc.takeValue();
    } else {
        reveal.iccNote = icc.errorMessage();
    }
    return reveal;
}

QString CalibrationReveal::kappaBand(double kappa)
{
    if (kappa < 0)
        return QStringLiteral("poor");
    if (kappa <= 0.20)
        return QStringLiteral("slight");
    if (kappa <= 0.40)
        return QStringLiteral("fair");
    if (kappa <= 0.60)
        return QStringLiteral("moderate");
    if (kappa <= 0.80)
        return QStringLiteral("substantial");
    return QStringLiteral("almost perfect");
}

} // namespace cv
