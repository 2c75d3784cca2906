#pragma once

#include "common/result.h"

#include <QString>

namespace cv {

// A tag's name as a person typed it, checked (docs/catalog-schema.md, "Tags and bookmarks").
//
// - Surrounding white space is removed (including the ideographic space of a Chinese input
//   method); what remains is 1..64 characters (Unicode code points).
// - No control characters, no U+FFFD or lone surrogates (broken text), and no comma: the
//   command line separates tag names with commas (`search --tag a,b`).
// - Case is kept as first written, but two names that differ only in the case of ASCII
//   letters are the same tag ("VIP" and "vip"). Only ASCII: SQLite's lower() folds nothing
//   else, and both catalog dialects must agree on which names are equal.
class TagName final
{
public:
    static constexpr int kMaxLength = 64;

    // InvalidArgument with a message for a person when `typed` is no tag name.
    static Result<TagName> parse(const QString &typed);

    const QString &text() const { return m_text; }
    // The name with ASCII letters in lower case: equal keys, equal tags.
    QString key() const { return foldKey(m_text); }
    // Whether a stored name is this tag (ASCII letters ignore case).
    bool matches(const QString &stored) const { return foldKey(stored) == key(); }
    // Whether a stored name starts with this text (ASCII letters ignore case).
    bool isPrefixOf(const QString &stored) const { return foldKey(stored).startsWith(key()); }

    static QString foldKey(const QString &name);

private:
    explicit TagName(QString text) : m_text(std::move(text)) {}

    QString m_text;
};

} // namespace cv
