#include "auth/passwordpolicy.h"

#include <QList>

namespace cv {

Result<void> PasswordPolicy::check(const QByteArray &password, const QString &userName,
                                   int minLength)
{
    if (password.size() > kMaxBytes)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("The password is too long (at most %1 bytes).").arg(kMaxBytes));
    if (password.contains('\0'))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The password may not contain a NUL character."));
    const QString text = QString::fromUtf8(password);
    const qsizetype characters = text.toUcs4().size();
    if (characters < minLength)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("The password needs at least %1 characters.").arg(minLength));
    if (text.trimmed().compare(userName.trimmed(), Qt::CaseInsensitive) == 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The password may not be the user name."));
    return {};
}

} // namespace cv
