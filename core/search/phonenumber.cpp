#include "phonenumber.h"

#include <algorithm>

namespace cv {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allAsciiDigits(const QString &text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

bool isMobileStart(const QString &digits, int at)
{
    return digits.size() > at + 1 && digits.at(at) == u'1' && digits.at(at + 1) >= u'3' &&
           digits.at(at + 1) <= u'9';
}

// Rule 3: the national part of a +86 / 0086 number (one leading '0' already dropped).
QString nationalNumber(const QString &n)
{
    if (n.isEmpty())
        return QString();
    if (n.size() == 11 && isMobileStart(n, 0))
        return n;
    if (n.startsWith(QLatin1String("10")))
        return u'0' + n;
    if (n.startsWith(u'1'))
        return n;
    if (n.size() == 10 &&
        (n.startsWith(QLatin1String("400")) || n.startsWith(QLatin1String("800"))))
        return n;
    return u'0' + n;
}

// The same for the beginning of a number: 400/800 are recognised by their first digits.
QString nationalPrefix(const QString &n)
{
    if (n.isEmpty())
        return QString();
    if (n.startsWith(QLatin1String("10")))
        return u'0' + n;
    if (n.startsWith(u'1') || n.startsWith(QLatin1String("400")) ||
        n.startsWith(QLatin1String("800")))
        return n;
    return u'0' + n;
}

// The digits after +86 / 0086 with one leading '0' dropped; null when `c` is not in the
// international form of China.
QString chinaNationalPart(const QString &c)
{
    QString n;
    if (c.startsWith(QLatin1String("+86")))
        n = c.mid(3);
    else if (c.startsWith(QLatin1String("0086")))
        n = c.mid(4);
    else
        return QString();
    if (n.startsWith(u'0'))
        n = n.mid(1);
    return n.isNull() ? QStringLiteral("") : n;
}

// Rule 2: '+'? followed by 1..kMaxDigits ASCII digits.
bool isWellFormed(const QString &c)
{
    const QString digits = c.startsWith(u'+') ? c.mid(1) : c;
    return !digits.isEmpty() && digits.size() <= PhoneNumber::kMaxDigits && allAsciiDigits(digits);
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

QString PhoneNumber::stripSeparators(const QString &raw)
{
    QString out;
    out.reserve(raw.size());
    for (const QChar c : raw) {
        if (c == u' ' || c == u'\t' || c == u'-' || c == u'(' || c == u')' || c == u'.' ||
            c == u'/')
            continue;
        out.append(c);
    }
    return out;
}

QString PhoneNumber::foldTyped(const QString &typed)
{
    QString folded = typed.normalized(QString::NormalizationForm_KC);
    for (QChar &c : folded) {
        if (c.category() == QChar::Punctuation_Dash)
            c = u'-';
        else if (c.isSpace())
            c = u' ';
    }
    return folded;
}

QString PhoneNumber::normalize(const QString &raw)
{
    const QString c = stripSeparators(raw);
    if (!isWellFormed(c))
        return QString();
    if (const QString n = chinaNationalPart(c); !n.isNull())
        return nationalNumber(n);
    if (c.startsWith(u'+'))
        return QStringLiteral("00") + c.mid(1);
    if (c.size() == 13 && c.startsWith(QLatin1String("86")) && isMobileStart(c, 2))
        return c.mid(2);
    if ((c.size() == 12 || c.size() == 13) && c.startsWith(QLatin1String("86")) && c.at(2) != u'0')
        return u'0' + c.mid(2);
    if (c.size() == 12 && c.startsWith(u'0') && isMobileStart(c, 1))
        return c.mid(1);
    return c;
}

QString PhoneNumber::reversed(const QString &digits)
{
    QString out = digits;
    std::reverse(out.begin(), out.end());
    return out;
}

Result<QString> PhoneNumber::normalizePrefix(const QString &typed)
{
    const QString c = stripSeparators(foldTyped(typed));
    if (!isWellFormed(c))
        return invalid(QStringLiteral("\"%1\" is not the beginning of a phone number: give "
                                      "digits, optionally after a '+'.")
                           .arg(typed.left(40)));
    QString prefix;
    if (const QString n = chinaNationalPart(c); !n.isNull())
        prefix = nationalPrefix(n);
    else if (c.startsWith(u'+'))
        prefix = QStringLiteral("00") + c.mid(1);
    else if (c.size() >= 12)
        prefix = normalize(c); // a whole number typed as a prefix
    else if (c.startsWith(u'0') && isMobileStart(c, 1))
        prefix = c.mid(1);
    else
        prefix = c;
    if (prefix.size() < kMinPrefixDigits)
        return invalid(QStringLiteral("A phone number prefix needs at least %1 digits (after "
                                      "the country code).")
                           .arg(kMinPrefixDigits));
    return prefix;
}

Result<QString> PhoneNumber::suffixDigits(const QString &typed)
{
    const QString c = stripSeparators(foldTyped(typed));
    if (c.size() < kMinSuffixDigits || c.size() > kMaxDigits || !allAsciiDigits(c))
        return invalid(QStringLiteral("A phone number suffix must be the last %1 to %2 digits "
                                      "of a number.")
                           .arg(kMinSuffixDigits)
                           .arg(kMaxDigits));
    return c;
}

QString PhoneNumber::prefixSuccessor(const QString &digits)
{
    QString next = digits;
    while (!next.isEmpty() && next.back() == u'9')
        next.chop(1);
    if (next.isEmpty())
        return QString();
    next.back() = QChar(next.back().unicode() + 1);
    return next;
}

} // namespace cv
