#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

// An evaluation form: the questions a QA evaluator answers about one call, and how the
// answers turn into a score (docs/qa-forms.md). Plain data; FormValidator checks it,
// FormJson reads and writes it, ScoreEngine scores answers against it.
//
// How an answer maps to a fraction of its question's weight (ScoreEngine::fraction):
//   yes/no   yes = 1, no = 0
//   scale    value v of 1..N  ->  (v - 1) / (N - 1)   (1 = 0, N = 1)
//   choice   the choice's points / the highest points of the question's choices
//   text     no score (free-text questions are notes, never scored)
// What "failing" a critical or fatal question means (ScoreEngine::fails):
//   yes/no   answered "no"
//   scale    answered 1, the scale's minimum
//   choice   a choice marked `fail` was picked
//   N/A      never fails
enum class QuestionKind : int
{
    YesNo = 1,
    Scale = 2,
    Choice = 3,
    FreeText = 4,
};

struct Choice
{
    QString id;
    QString label;
    double points = 0;
    bool fail = false; // picking it fails a critical or fatal question (no effect otherwise)

    friend bool operator==(const Choice &a, const Choice &b);
    friend bool operator!=(const Choice &a, const Choice &b) { return !(a == b); }
};

// "Show this question only when question `questionId` (an earlier, scorable one) was
// answered with one of `values`." Values are answer tokens (Answer::token): "yes"/"no",
// a scale value as digits ("1".."10"), or a choice id.
struct Condition
{
    QString questionId;
    QStringList anyOf;

    friend bool operator==(const Condition &a, const Condition &b);
    friend bool operator!=(const Condition &a, const Condition &b) { return !(a == b); }
};

struct Question
{
    static constexpr int kMinScale = 2;
    static constexpr int kMaxScale = 10;

    QString id;
    QString text;
    QString guidance;
    QuestionKind kind = QuestionKind::YesNo;
    int scaleMax = 5;        // Scale only: answers are 1..scaleMax
    QVector<Choice> choices; // Choice only
    double weight = 1;       // relative to the other questions of its section
    bool allowNa = false;    // may be answered "not applicable"
    bool critical = false;   // failing it zeroes its section
    bool fatal = false;      // failing it zeroes the whole evaluation
    std::optional<Condition> condition;

    bool isScored() const { return kind != QuestionKind::FreeText; }
    // The highest points of the choices (Choice only; 0 without choices).
    double maxPoints() const;
    const Choice *findChoice(const QString &choiceId) const;

    friend bool operator==(const Question &a, const Question &b);
    friend bool operator!=(const Question &a, const Question &b) { return !(a == b); }
};

struct Section
{
    QString id;
    QString title;
    double weight = 1; // relative to the other sections of the form
    QVector<Question> questions;

    friend bool operator==(const Section &a, const Section &b);
    friend bool operator!=(const Section &a, const Section &b) { return !(a == b); }
};

struct EvaluationForm
{
    QString id;      // slug, the same for every version of the form
    int version = 1; // >= 1; a published change makes a new one (FormVersioning)
    QString title;
    QString language; // "en", "zh_CN"
    QString description;
    QVector<Section> sections;

    // The question with this id, or nullptr.
    const Question *findQuestion(const QString &questionId) const;
    // Every question in form order (sections in order, questions in order).
    QVector<const Question *> questionsInOrder() const;
    int questionCount() const;

    friend bool operator==(const EvaluationForm &a, const EvaluationForm &b);
    friend bool operator!=(const EvaluationForm &a, const EvaluationForm &b) { return !(a == b); }
};

QString questionKindName(QuestionKind kind); // "yesNo", "scale", ...
std::optional<QuestionKind> questionKindFromName(const QString &name);

} // namespace cv
