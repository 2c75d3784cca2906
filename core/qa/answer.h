#pragma once

#include <QMap>
#include <QString>

namespace cv {

// One evaluator's answer to one question: yes, no, a scale value, a choice, a free text, or
// "not applicable". Which kinds fit which question is ScoreEngine's business: a wrong kind
// is reported there as a problem, never silently scored.
struct Answer
{
    enum class Kind : int
    {
        Yes = 1,
        No = 2,
        Scale = 3,
        Choice = 4,
        Text = 5,
        NotApplicable = 6,
    };

    Kind kind = Kind::NotApplicable;
    int scaleValue = 0; // Scale
    QString value;      // Choice: the choice id; Text: the text

    static Answer yes() { return Answer{Kind::Yes, 0, QString()}; }
    static Answer no() { return Answer{Kind::No, 0, QString()}; }
    static Answer yesNo(bool isYes) { return isYes ? yes() : no(); }
    static Answer scale(int v) { return Answer{Kind::Scale, v, QString()}; }
    static Answer choice(const QString &choiceId) { return Answer{Kind::Choice, 0, choiceId}; }
    static Answer text(const QString &t) { return Answer{Kind::Text, 0, t}; }
    static Answer notApplicable() { return Answer{Kind::NotApplicable, 0, QString()}; }

    // What a Condition compares with: "yes", "no", the scale value as digits, the choice id;
    // empty for text and N/A (which no condition matches).
    QString token() const;

    friend bool operator==(const Answer &a, const Answer &b)
    {
        return a.kind == b.kind && a.scaleValue == b.scaleValue && a.value == b.value;
    }
    friend bool operator!=(const Answer &a, const Answer &b) { return !(a == b); }
};

// Answers by question id. A QMap so that everything built from it iterates in one order.
using AnswerMap = QMap<QString, Answer>;

} // namespace cv
