#include "phonefilter.h"

#include "search/phonenumber.h"

namespace cv {

QString phoneMatchToText(PhoneMatch match)
{
    switch (match) {
    case PhoneMatch::Exact:
        return QStringLiteral("exact");
    case PhoneMatch::Prefix:
        return QStringLiteral("prefix");
    case PhoneMatch::Suffix:
        return QStringLiteral("suffix");
    }
    return QString();
}

std::optional<PhoneMatch> phoneMatchFromText(const QString &text)
{
    for (PhoneMatch match : {PhoneMatch::Exact, PhoneMatch::Prefix, PhoneMatch::Suffix}) {
        if (text == phoneMatchToText(match))
            return match;
    }
    return std::nullopt;
}

Result<PhoneFilter> PhoneFilter::parse(const QString &text)
{
    const QString trimmed = PhoneNumber::foldTyped(text).trimmed();
    const bool leading = trimmed.startsWith(u'*');
    const bool trailing = trimmed.endsWith(u'*');
    if (trimmed.isEmpty() || (leading && trailing) || trimmed.count(u'*') > 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Give a phone number as NUMBER (the whole number), "
                                        "NUMBER* (its beginning) or *DIGITS (its last digits)."));
    PhoneFilter filter;
    if (leading)
        filter = PhoneFilter(PhoneMatch::Suffix, trimmed.mid(1));
    else if (trailing)
        filter = PhoneFilter(PhoneMatch::Prefix, trimmed.chopped(1));
    else
        filter = PhoneFilter(PhoneMatch::Exact, trimmed);
    if (auto key = filter.key(); !key)
        return key.error();
    return filter;
}

Result<QString> PhoneFilter::key() const
{
    switch (m_match) {
    case PhoneMatch::Exact: {
        const QString canonical = PhoneNumber::normalize(PhoneNumber::foldTyped(m_typed).trimmed());
        if (canonical.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not a phone number: give its digits, "
                                            "optionally with +86 or 0 in front.")
                                 .arg(m_typed.left(40)));
        return canonical;
    }
    case PhoneMatch::Prefix:
        return PhoneNumber::normalizePrefix(m_typed.trimmed());
    case PhoneMatch::Suffix: {
        auto digits = PhoneNumber::suffixDigits(m_typed.trimmed());
        if (!digits)
            return digits.error();
        return PhoneNumber::reversed(digits.value());
    }
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("Unknown phone match."));
}

QString PhoneFilter::toText() const
{
    switch (m_match) {
    case PhoneMatch::Prefix:
        return m_typed + u'*';
    case PhoneMatch::Suffix:
        return u'*' + m_typed;
    case PhoneMatch::Exact:
        break;
    }
    return m_typed;
}

} // namespace cv
