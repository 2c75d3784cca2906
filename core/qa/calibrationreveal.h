#pragma once

#include "common/result.h"
#include "qa/agreement.h"
#include "qa/answer.h"
#include "qa/evaluationform.h"

#include <QMap>
#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

// One calibration session's scores: every evaluator scored every call, blind, with one form
// version. Calls and evaluators are named by the caller (recording ids, user names).
struct CalibrationScores
{
    EvaluationForm form;
    QStringList calls;
    QStringList evaluators;
    // answers[call][evaluator]
    QMap<QString, QMap<QString, AnswerMap>> answers;
};

// How one scored question fared across the session's calls.
struct QuestionAgreement
{
    QString questionId;
    QString text;
    // answers[c][e]: evaluator e's answer token to this question on call c ("yes", "3", a
    // choice id, "na"; "—" when not answered or hidden).
    QVector<QStringList> answers;
    double agreement = 1;        // mean over the calls of the share of evaluator pairs that agree
    std::optional<double> kappa; // Fleiss' κ over the calls (empty when undefined)
    bool disputed = false;       // agreement below the reveal's threshold
};

// The reveal of a calibration session (issue 6, "Calibration"; docs/qa-forms.md,
// "Calibration statistics"):
// - per scored question: the evaluators' answers on each call, the share of evaluator pairs
//   that agree, and Fleiss' κ over the calls; questions below kDisputedBelow are the ones to
//   talk about;
// - Fleiss' κ over every (call, question) answer of the session, as one overall figure;
// - per call the evaluators' total scores and their spread, and over the calls ICC(2,1)
//   (two-way random, absolute agreement: do evaluators give the same number?), which needs at
//   least two calls.
struct CalibrationReveal
{
    static constexpr double kDisputedBelow = 0.75;

    QVector<QuestionAgreement> questions;
    std::optional<FleissKappa> overall; // empty with fewer than two evaluators' answers
    QVector<QVector<double>> totals;    // totals[c][e]: evaluator e's total on call c
    QVector<double> spread;             // per call: highest total minus lowest
    std::optional<IntraclassCorrelation> icc; // empty with one call
    QString iccNote;                          // why there is no ICC, for the reveal to show

    // InvalidArgument with the missing (call, evaluator) pairs named when the session is
    // incomplete, or with fewer than two evaluators.
    static Result<CalibrationReveal> compute(const CalibrationScores &scores);
    // Landis & Koch (1977): "poor" (< 0), "slight", "fair", "moderate", "substantial",
    // "almost perfect" (> 0.80). English words for logs; the UI has its own translations.
    static QString kappaBand(double kappa);
};

} // namespace cv
