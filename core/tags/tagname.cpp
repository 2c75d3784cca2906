#include "tags/tagname.h"

#include "auth/authtext.h"

namespace cv {

Result<TagName> TagName::parse(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A tag name must not be empty."));
    // Checked before the length so that a NUL or broken text is named as such.
    if (authtext::hasForbiddenCharacters(name))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A tag name may not contain control characters or invalid text."));
    if (authtext::codePoints(name) > kMaxLength)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A tag name may have at most %1 characters.").arg(kMaxLength));
    if (name.contains(u','))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A tag name may not contain a comma (the command line "
                                        "separates tags with commas)."));
    return TagName(name);
}

QString TagName::foldKey(const QString &name)
{
    QString key = name;
    for (QChar &c : key) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return key;
}

} // namespace cv
