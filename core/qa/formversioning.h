#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"

#include <QStringList>

namespace cv {

// Decides what publishing an edited form means (docs/qa-forms.md, "Versions").
//
// A published version is frozen as far as evaluations are concerned: evaluations keep the
// version they were made with and are always scored with it (ScoreEngine, AnswerSheet).
//  - A change to what an evaluator answers or how it is scored needs a new version: sections
//    or questions added, removed or reordered, any id, question text, kind, scale, choices
//    (ids, labels, points, fail marks), weights, N/A, critical, fatal, conditions, and the
//    language. Question texts and choice labels count because an old evaluation's answers
//    mean what was asked then.
//  - Help text can be corrected in place (Editorial), without a new version: the guidance of
//    a question, the form's title and description, and section titles. They do not change
//    what an answer means; correcting a typo in them should reach the evaluators working on
//    the current version at once, not strand them on an older one. The catalog records the
//    edit in the audit trail.
class FormVersioning final
{
public:
    enum class Change : int
    {
        None = 0,
        Editorial = 1,  // help text only: same version, edited in place
        NewVersion = 2, // publish as published.version + 1
    };

    struct Decision
    {
        Change change = Change::None;
        int version = 1;         // the version to publish the edited form as
        QStringList differences; // what changed, by path (e.g. "sections[0].questions[2].weight")
    };

    // Compares the edited form with the latest published version of the same form (the
    // edited form's own version number is ignored). InvalidArgument if the ids differ: that
    // is another form, not a version of this one.
    static Result<Decision> decide(const EvaluationForm &published, const EvaluationForm &edited);

    // Whether two forms score alike: the same structure, ids, kinds, choices, points, weights,
    // N/A, critical, fatal and conditions (texts, language and versions ignored). The en and
    // zh_CN variants of a default form must.
    static bool sameScoring(const EvaluationForm &a, const EvaluationForm &b);
};

} // namespace cv
