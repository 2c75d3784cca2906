#pragma once

#include "common/result.h"

#include <QString>

namespace cv {

// Customer phone numbers in one canonical form, so that every way of writing a number finds
// the same calls (docs/search.md, "Phone numbers").
//
// The canonical form is the digits a caller in mainland China dials, without the trunk '0'
// for mobiles:
//   mobile      +86 138 0013 8000, 008613800138000, 8613800138000, 013800138000,
//               138-0013-8000                                   -> 13800138000
//   landline    +86 21 6123 4567, +86 (0)21 6123 4567, 0086 21 61234567,
//               862161234567, 021-6123 4567, (021) 6123.4567     -> 02161234567
//   400/800     +86 400 810 8888                                  -> 4008108888
//   abroad      +1 415 555 0100, 001 415 555 0100                 -> 0014155550100
//   other       local numbers without area code, extensions, service numbers: the digits
//
// Rules, in order (the SQL of migration 005 computes the same for the catalog columns
// recordings.customer_phone_norm / customer_phone_rev, and a test compares the two):
//  1. Remove the separators: space, tab, '-', '(', ')', '.', '/'.
//  2. What remains must be an optional '+' followed by 1 to 18 ASCII digits, otherwise
//     the number is unknown ('').
//  3. '+86' or '0086' (international form of China): take the digits after it, drop one
//     '0' (the "(0)" of "+86 (0)21 ..."), then: an 11-digit 1[3-9]... mobile stays, '10...'
//     (Beijing) gets the trunk '0', other '1...' numbers stay, 10-digit 400/800 numbers
//     stay, everything else is a landline and gets the trunk '0'.
//  4. Other '+' numbers become '00' + digits; other '00' numbers stay as they are.
//  5. 13 digits '86' + 1[3-9]... (mobile with country code, no '+'): drop the '86'.
//  6. 12 or 13 digits '86' + [1-9]... (landline with country code, no '+'): '0' + the rest.
//  7. 12 digits '0' + 1[3-9]... (mobile dialled with a trunk '0'): drop the '0'.
//  8. Anything else: the digits as they are.
// Full-width digits and separators (typed with a Chinese input method) are folded to ASCII
// for search input (PhoneFilter), not for stored numbers.
class PhoneNumber final
{
public:
    static constexpr int kMaxDigits = 18; // digits in a number as written (rule 2)
    static constexpr int kMaxCanonicalLength = 20;
    static constexpr int kMinSuffixDigits = 4; // a suffix search needs the last >= 4 digits
    static constexpr int kMinPrefixDigits = 3; // a prefix search needs >= 3 digits

    // The canonical form of a stored or typed number, '' when it is no phone number.
    static QString normalize(const QString &raw);
    // The digits in reverse order: the key of the suffix index.
    static QString reversed(const QString &digits);

    // The canonical form of a typed number's beginning ("+86 21", "0086 138", "021-61"),
    // for a prefix search. InvalidArgument when it is not the start of a phone number or
    // has fewer than kMinPrefixDigits digits once normalized.
    static Result<QString> normalizePrefix(const QString &typed);
    // The digits of a typed number's end ("8000", "34-567"), for a suffix search.
    // InvalidArgument unless it is kMinSuffixDigits..kMaxDigits digits and separators.
    static Result<QString> suffixDigits(const QString &typed);
    // The smallest digit string greater than every string starting with `digits` (carry:
    // "1389" -> "139"), or '' when there is none ("999"). With it a prefix is the index range
    // [digits, successor), independent of the column's collation.
    static QString prefixSuccessor(const QString &digits);

    // Folds full-width digits, '+' and separators to ASCII (NFKC), for typed input.
    static QString foldTyped(const QString &typed);
    // Rule 1: `raw` without separators.
    static QString stripSeparators(const QString &raw);
};

} // namespace cv
