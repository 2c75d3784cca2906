#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"

#include <QStringList>

namespace cv {

// The evaluation forms CallVault ships with (docs/qa-forms.md, "Default forms"), compiled in
// as :/callvault/qa/forms/<name>.json and read through FormJson like any imported form:
//   service-quality-en, service-quality-zh-cn                  general service quality
//   dual-recording-compliance-en, dual-recording-compliance-zh-cn
//                                                              金融/保险 双录 compliance
// The two languages of a form score alike (same sections, questions, weights and rules;
// FormVersioning::sameScoring), so reports can put them side by side.
class DefaultForms final
{
public:
    // The names above; each is also the form's id.
    static QStringList names();
    // The default forms in a language ("en" or "zh_CN"; others fall back to "en").
    static QStringList namesForLanguage(const QString &language);
    // NotFound for an unknown name; Format/InvalidArgument would mean a broken build.
    static Result<EvaluationForm> load(const QString &name);
};

} // namespace cv
