#pragma once

#include "qa/evaluationanswers.h"
#include "qa/evaluationform.h"

// Complete answers to the built-in service-quality form (DefaultForms "service-quality-en"),
// for tests that need a finished evaluation or calibration score: every question answered,
// hold etiquette N/A; the courtesy scale and the accuracy choice vary by test (the follow-up
// question is asked only when the answer was not fully correct).
namespace qatest {

inline cv::AnswerMap serviceQualityAnswers(int courtesy, const QString &accuracy = QStringLiteral("correct"))
{
    using cv::Answer;
    cv::AnswerMap answers{{QStringLiteral("greeting"), Answer::yes()},
                          {QStringLiteral("identity-verified"), Answer::yes()},
                          {QStringLiteral("needs-identified"), Answer::scale(4)},
                          {QStringLiteral("accurate-answer"), Answer::choice(accuracy)},
                          {QStringLiteral("courtesy"), Answer::scale(courtesy)},
                          {QStringLiteral("hold-etiquette"), Answer::notApplicable()},
                          {QStringLiteral("closing"), Answer::yes()}};
    if (accuracy != QLatin1String("correct"))
        answers.insert(QStringLiteral("follow-up-arranged"), Answer::yes());
    return answers;
}

// The same, as the stored answers to `form` (its id and version).
inline cv::EvaluationAnswers serviceQualitySheet(const cv::EvaluationForm &form, int courtesy,
                                                 const QString &accuracy = QStringLiteral("correct"))
{
    cv::EvaluationAnswers a;
    a.formId = form.id;
    a.formVersion = form.version;
    a.answers = serviceQualityAnswers(courtesy, accuracy);
    return a;
}

} // namespace qatest
