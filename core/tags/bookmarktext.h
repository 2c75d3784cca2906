#pragma once

#include "common/result.h"

#include <QString>

namespace cv::bookmarktext {

// The text of a bookmark (docs/catalog-schema.md, "Tags and bookmarks"): stored exactly as
// given (not trimmed), 0..2000 characters (Unicode code points), several lines allowed
// (tab, CR and LF), no other control characters, no U+FFFD or lone surrogates. Broken text
// and NUL are refused here rather than by the database: PostgreSQL would refuse them with
// its own error text, and a NUL would cut the text short.
constexpr int kMaxLength = 2000;

// InvalidArgument with a message for a person.
Result<void> check(const QString &text);

} // namespace cv::bookmarktext
