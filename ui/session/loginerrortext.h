#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

namespace cv {

// The translated text a person sees when a log-in (or an unlock) fails. Core's messages are
// English; SiteLogin::classify() says which case it is, so a wrong password and a locked
// account read differently here, in the workstation's language.
class LoginErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(LoginErrorText)

public:
    LoginErrorText() = delete;
    static QString of(const Error &error);
};

} // namespace cv
