#pragma once

// The calibration session worked out by hand in tst_calibrationreveal.cpp (three evaluators,
// two calls, two yes/no questions of equal weight), shared with the reveal view's test.
#include "qa/calibrationreveal.h"

namespace calibrationtest {

inline cv::EvaluationForm twoQuestionForm()
{
    cv::EvaluationForm form;
    form.id = QStringLiteral("calibration-test");
    form.title = QStringLiteral("Calibration test");
    form.language = QStringLiteral("en");
    cv::Section section;
    section.id = QStringLiteral("s");
    section.title = QStringLiteral("Section");
    for (const char *id : {"q1", "q2"}) {
        cv::Question q;
        q.id = QString::fromLatin1(id);
        q.text = QStringLiteral("Question ") + q.id;
        section.questions.append(q);
    }
    form.sections.append(section);
    return form;
}

inline cv::AnswerMap yesNo(bool q1, bool q2)
{
    return {{QStringLiteral("q1"), cv::Answer::yesNo(q1)}, {QStringLiteral("q2"), cv::Answer::yesNo(q2)}};
}

//   call 1: a yes/yes, b yes/no, c yes/yes      call 2: a no/yes, b no/no, c no/yes
inline cv::CalibrationScores session()
{
    cv::CalibrationScores s;
    s.form = twoQuestionForm();
    s.calls = {QStringLiteral("call-1"), QStringLiteral("call-2")};
    s.evaluators = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    s.answers[QStringLiteral("call-1")] = {{QStringLiteral("a"), yesNo(true, true)},
                                           {QStringLiteral("b"), yesNo(true, false)},
                                           {QStringLiteral("c"), yesNo(true, true)}};
    s.answers[QStringLiteral("call-2")] = {{QStringLiteral("a"), yesNo(false, true)},
                                           {QStringLiteral("b"), yesNo(false, false)},
                                           {QStringLiteral("c"), yesNo(false, true)}};
    return s;
}

} // namespace calibrationtest
