#pragma once

#include "common/result.h"
#include "qa/answer.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <optional>

namespace cv {

// A note an evaluator attaches to one answer: a comment, and the moment of the call it refers
// to (a "pin": the player seeks there when it is clicked).
struct AnswerNote
{
    QString comment;
    std::optional<qint64> atMs; // offset into the recording

    bool isEmpty() const { return comment.isEmpty() && !atMs; }
    friend bool operator==(const AnswerNote &a, const AnswerNote &b)
    {
        return a.comment == b.comment && a.atMs == b.atMs;
    }
};

// What an evaluation stores besides its score (docs/qa-forms.md, "Stored answers"): the form
// version the answers were given against, the answers, their notes and pins, and an overall
// comment. Kept as JSON text in the catalog (evaluations.answers), so adding a question kind
// or a note field never needs a schema migration:
//   { "format": "callvault-evaluation-answers", "formatVersion": 1, "formId": "...",
//     "formVersion": 2, "comment": "...",
//     "answers": { "<question id>": { "kind": "yes|no|scale|choice|text|na",
//                                     "value": 3 | "choice id" | "text",
//                                     "comment": "...", "atMs": 61250 } } }
// Reading treats the text as untrusted (another client wrote it): size caps, no unknown
// fields, every type checked; an error names the place.
struct EvaluationAnswers
{
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxBytes = qsizetype(512) * 1024;
    static constexpr int kMaxAnswers = 500;
    static constexpr int kMaxTextLength = 10000;

    QString formId;
    int formVersion = 0;
    AnswerMap answers;
    QMap<QString, AnswerNote> notes; // by question id; only non-empty notes
    QString comment;

    QByteArray toJson() const; // compact UTF-8
    static Result<EvaluationAnswers> fromJson(const QByteArray &json);

    friend bool operator==(const EvaluationAnswers &a, const EvaluationAnswers &b)
    {
        return a.formId == b.formId && a.formVersion == b.formVersion && a.answers == b.answers
            && a.notes == b.notes && a.comment == b.comment;
    }
};

} // namespace cv
