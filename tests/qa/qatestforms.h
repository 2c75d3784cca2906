#pragma once
// Forms built in code for the core/qa tests, so each test states exactly what it scores.

#include "qa/evaluationform.h"

namespace cv::testforms {

inline Question yesNo(const QString &id, double weight = 1)
{
    Question q;
    q.id = id;
    q.text = QStringLiteral("Question ") + id;
    q.kind = QuestionKind::YesNo;
    q.weight = weight;
    return q;
}

inline Question scale(const QString &id, int max, double weight = 1)
{
    Question q = yesNo(id, weight);
    q.kind = QuestionKind::Scale;
    q.scaleMax = max;
    return q;
}

inline Question choice(const QString &id, QVector<Choice> choices, double weight = 1)
{
    Question q = yesNo(id, weight);
    q.kind = QuestionKind::Choice;
    q.choices = std::move(choices);
    return q;
}

inline Question freeText(const QString &id)
{
    Question q = yesNo(id);
    q.kind = QuestionKind::FreeText;
    return q;
}

inline Question when(Question q, const QString &questionId, const QStringList &anyOf)
{
    q.condition = Condition{questionId, anyOf};
    return q;
}

inline Section section(const QString &id, double weight, QVector<Question> questions)
{
    return Section{id, QStringLiteral("Section ") + id, weight, std::move(questions)};
}

// The form the score engine tests use (weights in brackets):
//   A "basics"     [2]  a1 yes/no [1]; a2 scale 1..5 [3], N/A allowed;
//                       a3 choice [2]: good 4 points, ok 2, bad 0 (fail)
//   B "compliance" [1]  b1 yes/no [1], critical, N/A allowed; b2 yes/no [1]
//   C "conduct"    [1]  c1 yes/no [1], fatal; c2 yes/no [1] shown when a1 = no;
//                       c3 scale 1..4 [1] shown when c2 = yes; c4 free text
inline EvaluationForm scoringForm()
{
    EvaluationForm f;
    f.id = QStringLiteral("test-form");
    f.version = 1;
    f.title = QStringLiteral("Test form");
    f.language = QStringLiteral("en");
    Question a2 = scale(QStringLiteral("a2"), 5, 3);
    a2.allowNa = true;
    Question a3 = choice(QStringLiteral("a3"),
                         {Choice{QStringLiteral("good"), QStringLiteral("Good"), 4, false},
                          Choice{QStringLiteral("ok"), QStringLiteral("OK"), 2, false},
                          Choice{QStringLiteral("bad"), QStringLiteral("Bad"), 0, true}},
                         2);
    Question b1 = yesNo(QStringLiteral("b1"));
    b1.critical = true;
    b1.allowNa = true;
    Question c1 = yesNo(QStringLiteral("c1"));
    c1.fatal = true;
    f.sections = {
        section(QStringLiteral("a"), 2, {yesNo(QStringLiteral("a1")), a2, a3}),
        section(QStringLiteral("b"), 1, {b1, yesNo(QStringLiteral("b2"))}),
        section(
            QStringLiteral("c"), 1,
            {c1, when(yesNo(QStringLiteral("c2")), QStringLiteral("a1"), {QStringLiteral("no")}),
             when(scale(QStringLiteral("c3"), 4), QStringLiteral("c2"), {QStringLiteral("yes")}),
             freeText(QStringLiteral("c4"))}),
    };
    return f;
}

} // namespace cv::testforms
