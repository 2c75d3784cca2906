#pragma once

#include "common/result.h"

#include <QString>
#include <optional>

namespace cv::qatext {

// Checks of what people type into the QA workflow, before the database sees it (like
// bookmarktext: NUL and broken text are refused here, not with a database's error text).
// Every refusal is InvalidArgument with a message for a person; `what` names the field
// ("The dispute reason").

// Free text (comments, dispute reasons, resolution notes): 0..maxLength code points,
// several lines allowed (tab, CR, LF), no other control characters, no U+FFFD or lone
// surrogates. `required`: not empty after trimming.
Result<void> checkText(const QString &text, const QString &what, int maxLength, bool required);

// A form id: 1..64 of ASCII letters, digits, '.', '_' and '-' (it appears in file names of
// exported forms and in audit targets).
Result<void> checkFormId(const QString &formId);

// A language tag such as "en", "zh_CN" or "zh-Hans": 2..16 of ASCII letters, '_' and '-'.
Result<void> checkLanguage(const QString &language);

// JSON text whose top level is an object, at most maxBytes of UTF-8. Returns the compact
// form with sorted keys (QJsonDocument's), so equal content is equal text.
Result<QString> canonicalJsonObject(const QString &json, const QString &what, int maxBytes);

// A score: finite, 0..100.
Result<void> checkScore(double score);

constexpr int kCommentMax = 10000;
constexpr int kReasonMax = 2000;
constexpr int kTitleMax = 200;
constexpr int kDefinitionMaxBytes = 1024 * 1024;
constexpr int kAnswersMaxBytes = 1024 * 1024;

} // namespace cv::qatext
