#pragma once

#include "common/result.h"
#include "qa/evaluationform.h"

#include <QByteArray>
#include <QJsonDocument>

namespace cv {

// An evaluation form as JSON, for import, export and the default forms (docs/qa-forms.md;
// schema in docs/schemas/evaluation-form.schema.json):
//   { "format": "callvault-evaluation-form", "formatVersion": 1, "id": ..., "version": ...,
//     "title": ..., "language": ..., "description": ..., "sections": [ ... ] }
//
// Reading treats the bytes as untrusted: at most kMaxBytes, no unknown fields (a misspelt
// "critcal" must not silently make a question non-critical), every type checked, then the
// whole form through FormValidator. The error names the offending place, e.g.
//   sections[1].questions[3].condition.question: refers to a later question "q7"; ...
class FormJson final
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxBytes = qsizetype(1024) * 1024;

    static QString formatName(); // "callvault-evaluation-form"

    // Format (not JSON, wrong types, unknown fields, too large) or InvalidArgument (a form
    // that FormValidator refuses), each with a message naming the place.
    static Result<EvaluationForm> fromJson(const QByteArray &bytes);
    static Result<EvaluationForm> fromJsonDocument(const QJsonDocument &document);

    static QJsonDocument toJsonDocument(const EvaluationForm &form);
    static QByteArray toJson(const EvaluationForm &form); // indented UTF-8
};

} // namespace cv
