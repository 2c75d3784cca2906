#include "formpublisher.h"

#include "qa/formjson.h"

namespace cv {

FormPublisher::FormPublisher(FormLibrary &library) : m_library(library) {}

Result<FormLibrary::Published> FormPublisher::publish(const Principal &principal, EvaluationForm form)
{
    auto latest = m_library.latest(principal, form.id);
    if (!latest && latest.error().code != ErrorCode::NotFound)
        return latest.error();
    form.version = latest ? latest->version : 1;
    if (latest) {
        auto stored = formOf(latest.value());
        // Unchanged: let the library say so (it compares the stored text).
        if (!stored || !(stored.value() == form))
            form.version = latest->version + 1;
    }
    auto published = m_library.publish(principal, form.id, form.title, form.language,
                                       QString::fromUtf8(FormJson::toJson(form)));
    if (!published)
        return published.error();
    if (published->form.version != form.version)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("Form %1 changed while it was being published (now version %2); "
                                        "publish it again.")
                             .arg(form.id)
                             .arg(published->form.version));
    return published;
}

Result<EvaluationForm> FormPublisher::formOf(const FormRow &row)
{
    auto form = FormJson::fromJson(row.definition.toUtf8());
    if (!form)
        return makeError(form.error().code, QStringLiteral("Form %1 version %2 in the catalog: %3")
                                                .arg(row.formId)
                                                .arg(row.version)
                                                .arg(form.errorMessage()));
    return form;
}

} // namespace cv
