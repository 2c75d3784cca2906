#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"

#include <QStringList>

namespace cv {

// Checks that an EvaluationForm is one the score engine can score unambiguously
// (docs/qa-forms.md, "Rules a form must follow"). FormJson runs it on every imported form;
// the form designer runs it before publishing.
//
// Each problem names where it is, with indexes counted from 0, e.g.
//   sections[1].questions[3].condition.question: refers to a later question "q7"; ...
class FormValidator final
{
public:
    // Limits that keep an imported form (untrusted input) small enough to show and score.
    static constexpr int kMaxSections = 50;
    static constexpr int kMaxQuestions = 200; // in the whole form
    static constexpr int kMaxChoices = 20;
    static constexpr int kMaxConditionValues = 20;
    static constexpr int kMaxIdLength = 64;
    static constexpr int kMaxTitleLength = 200;     // form and section titles, choice labels
    static constexpr int kMaxTextLength = 1000;     // question texts
    static constexpr int kMaxLongTextLength = 4000; // guidance, description
    static constexpr int kMaxVersion = 1000000;
    static constexpr double kMaxWeight = 1000;
    static constexpr double kMaxPoints = 1000;

    // Every problem found, in form order; empty when the form is valid.
    static QStringList problems(const EvaluationForm &form);
    // InvalidArgument naming the first problem, or ok.
    static Result<void> validate(const EvaluationForm &form);

    // Lower-case letters, digits, '-' and '_', starting with a letter or digit, 1..64 long.
    static bool isValidId(const QString &id);
    // "en", "zh_CN", ...: a language code with an optional territory.
    static bool isValidLanguage(const QString &language);
};

} // namespace cv
