#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace cv {

// The rules for a new password (a person's own or a temporary one set by an admin):
// at least `minLength` characters (setting password.min_length), at most kMaxBytes bytes of
// UTF-8, no NUL, and not the user's name (ignoring case and surrounding spaces). "Not the
// same as the current one" needs the stored hash: AuthService checks it.
class PasswordPolicy final
{
public:
    PasswordPolicy() = delete;

    static constexpr int kMaxBytes = 1024;

    static Result<void> check(const QByteArray &password, const QString &userName, int minLength);
};

} // namespace cv
