#include "evaluationform.h"

#include <algorithm>

namespace cv {

bool operator==(const Choice &a, const Choice &b)
{
    return a.id == b.id && a.label == b.label && a.points == b.points && a.fail == b.fail;
}

bool operator==(const Condition &a, const Condition &b)
{
    return a.questionId == b.questionId && a.anyOf == b.anyOf;
}

bool operator==(const Question &a, const Question &b)
{
    return a.id == b.id && a.text == b.text && a.guidance == b.guidance && a.kind == b.kind &&
           a.scaleMax == b.scaleMax && a.choices == b.choices && a.weight == b.weight &&
           a.allowNa == b.allowNa && a.critical == b.critical && a.fatal == b.fatal &&
           a.condition == b.condition;
}

bool operator==(const Section &a, const Section &b)
{
    return a.id == b.id && a.title == b.title && a.weight == b.weight && a.questions == b.questions;
}

bool operator==(const EvaluationForm &a, const EvaluationForm &b)
{
    return a.id == b.id && a.version == b.version && a.title == b.title &&
           a.language == b.language && a.description == b.description && a.sections == b.sections;
}

double Question::maxPoints() const
{
    double best = 0;
    for (const Choice &c : choices)
        best = std::max(best, c.points);
    return best;
}

const Choice *Question::findChoice(const QString &choiceId) const
{
    for (const Choice &c : choices)
        if (c.id == choiceId)
            return &c;
    return nullptr;
}

const Question *EvaluationForm::findQuestion(const QString &questionId) const
{
    for (const Section &s : sections)
        for (const Question &q : s.questions)
            if (q.id == questionId)
                return &q;
    return nullptr;
}

QVector<const Question *> EvaluationForm::questionsInOrder() const
{
    QVector<const Question *> out;
    for (const Section &s : sections)
        for (const Question &q : s.questions)
            out.append(&q);
    return out;
}

int EvaluationForm::questionCount() const
{
    int n = 0;
    for (const Section &s : sections)
        n += int(s.questions.size());
    return n;
}

QString questionKindName(QuestionKind kind)
{
    switch (kind) {
    case QuestionKind::YesNo:
        return QStringLiteral("yesNo");
    case QuestionKind::Scale:
        return QStringLiteral("scale");
    case QuestionKind::Choice:
        return QStringLiteral("choice");
    case QuestionKind::FreeText:
        return QStringLiteral("freeText");
    }
    return QString();
}

std::optional<QuestionKind> questionKindFromName(const QString &name)
{
    for (QuestionKind k :
         {QuestionKind::YesNo, QuestionKind::Scale, QuestionKind::Choice, QuestionKind::FreeText})
        if (questionKindName(k) == name)
            return k;
    return std::nullopt;
}

} // namespace cv
