// Fuzz target: evaluation form files (qa/formjson.h), which an admin imports from whoever
// hands one over. The strict reader must never crash; what it accepts must be a valid form
// that survives a round trip unchanged, and scoring it with any answers must stay in 0..100.

#include "qa/formjson.h"
#include "qa/formvalidator.h"
#include "qa/formversioning.h"
#include "qa/scoreengine.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkScore(const cv::ScoreResult &r, const cv::EvaluationForm &form)
{
    if (r.total && (!(*r.total >= 0) || *r.total > 100 + 1e-9))
        std::abort();
    if (r.sections.size() != form.sections.size())
        std::abort();
    for (const cv::SectionScore &s : r.sections)
        if (s.score && (!(*s.score >= 0) || *s.score > 100 + 1e-9))
            std::abort();
    if (r.fatal && (!r.total || *r.total != 0))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto form = cv::FormJson::fromJson(bytes);
    if (!form)
        return 0;
    if (!cv::FormValidator::problems(form.value()).isEmpty())
        std::abort();
    auto again = cv::FormJson::fromJson(cv::FormJson::toJson(form.value()));
    if (!again || !(again.value() == form.value()))
        std::abort();
    auto decision = cv::FormVersioning::decide(form.value(), again.value());
    if (!decision || decision->change != cv::FormVersioning::Change::None)
        std::abort();

    // Answer every question three ways (lowest, highest, N/A), derived from the input so the
    // conditions take different paths.
    for (int variant = 0; variant < 3; ++variant) {
        cv::AnswerMap answers;
        for (const cv::Question *q : form->questionsInOrder()) {
            switch (q->kind) {
            case cv::QuestionKind::YesNo:
                answers.insert(q->id, cv::Answer::yesNo(variant == 1));
                break;
            case cv::QuestionKind::Scale:
                answers.insert(q->id, cv::Answer::scale(variant == 1 ? q->scaleMax : 1));
                break;
            case cv::QuestionKind::Choice:
                answers.insert(q->id, cv::Answer::choice(variant == 1 ? q->choices.first().id
                                                                      : q->choices.last().id));
                break;
            case cv::QuestionKind::FreeText:
                answers.insert(q->id, cv::Answer::text(q->text));
                break;
            }
            if (variant == 2)
                answers.insert(q->id, cv::Answer::notApplicable());
        }
        checkScore(cv::ScoreEngine::score(form.value(), answers), form.value());
    }
    return 0;
}
