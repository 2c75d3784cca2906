// Fuzz target: an evaluation's stored answers (qa/evaluationanswers.h), JSON text that any
// client with recording.score wrote into the catalog. The reader must never crash; what it
// accepts must survive a round trip unchanged.

#include "qa/evaluationanswers.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto answers = cv::EvaluationAnswers::fromJson(bytes);
    if (!answers)
        return 0;
    if (answers->formId.isEmpty() || answers->formVersion < 1)
        std::abort();
    auto again = cv::EvaluationAnswers::fromJson(answers->toJson());
    if (!again || !(again.value() == answers.value()))
        std::abort();
    return 0;
}
