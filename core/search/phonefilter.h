#pragma once

#include "common/result.h"

#include <QString>

namespace cv {

// How a phone filter matches recordings.customer_phone (docs/search.md).
// Stored in cursors and audit details as text: 'exact', 'prefix', 'suffix'.
enum class PhoneMatch : int
{
    Exact = 1,  // the whole number, in any written form: customer_phone_norm = ?
    Prefix = 2, // its beginning: customer_phone_norm in [prefix, successor)
    Suffix = 3, // its last >= 4 digits: customer_phone_rev in [reversed, successor)
};

QString phoneMatchToText(PhoneMatch match);
std::optional<PhoneMatch> phoneMatchFromText(const QString &text);

// A phone number filter as the person typed it plus how it matches. The typed text is kept
// (the audit trail shows what was asked); key() gives the normalized index key.
class PhoneFilter final
{
public:
    PhoneFilter() = default;
    PhoneFilter(PhoneMatch match, QString typed) : m_match(match), m_typed(std::move(typed)) {}

    // "13800138000" / "+86 138 0013 8000": exact; "138 0013*": prefix; "*8000": suffix.
    static Result<PhoneFilter> parse(const QString &text);

    PhoneMatch match() const { return m_match; }
    const QString &typed() const { return m_typed; }
    // The normalized key for the index: the canonical number (exact), its canonical
    // beginning (prefix) or the reversed last digits (suffix). InvalidArgument with a message
    // for a person when the typed text cannot be one.
    Result<QString> key() const;
    // The typed text in the parse() syntax.
    QString toText() const;

    bool operator==(const PhoneFilter &other) const
    {
        return m_match == other.m_match && m_typed == other.m_typed;
    }

private:
    PhoneMatch m_match = PhoneMatch::Exact;
    QString m_typed;
};

} // namespace cv
