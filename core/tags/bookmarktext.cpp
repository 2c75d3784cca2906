#include "tags/bookmarktext.h"

#include "auth/authtext.h"

namespace cv::bookmarktext {

Result<void> check(const QString &text)
{
    QString rest = text;
    rest.remove(u'\t').remove(u'\n').remove(u'\r');
    if (authtext::hasForbiddenCharacters(rest))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A bookmark text may not contain control characters "
                                        "(other than tabs and line breaks) or invalid text."));
    if (authtext::codePoints(text) > kMaxLength)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A bookmark text may have at most %1 characters.").arg(kMaxLength));
    return {};
}

} // namespace cv::bookmarktext
