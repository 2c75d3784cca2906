#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"
#include "qa/formlibrary.h"

namespace cv {

// Publishing a form model through FormLibrary, keeping the version inside the stored
// definition equal to the catalog's: the form gets the latest version's number to compare
// with it (publishing the same form again changes nothing), else the next one. Used by
// `callvaultctl form import/defaults` and the designer's Publish.
class FormPublisher final
{
public:
    explicit FormPublisher(FormLibrary &library);

    // The form as published (its version set); Published::created false when the latest
    // version already says the same.
    Result<FormLibrary::Published> publish(const Principal &principal, EvaluationForm form);
    // A stored version as a form model (the definition read through FormJson).
    static Result<EvaluationForm> formOf(const FormRow &row);

private:
    FormLibrary &m_library;
};

} // namespace cv
