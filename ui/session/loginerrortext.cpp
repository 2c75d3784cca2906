#include "loginerrortext.h"

#include "auth/sitelogin.h"

namespace cv {

QString LoginErrorText::of(const Error &error)
{
    switch (SiteLogin::classify(error)) {
    case SiteLogin::Failure::None:
        return QString();
    case SiteLogin::Failure::WrongCredentials:
        return tr("The user name or password is wrong.");
    case SiteLogin::Failure::Locked:
        return tr("Too many failed log-ins: this account is locked for a while. Try again later "
                  "or ask an administrator to unlock it.");
    case SiteLogin::Failure::CatalogUnavailable:
        return tr("Log-in is not possible right now: the catalog cannot be reached. Ask an "
                  "administrator to check it.");
    case SiteLogin::Failure::WrongCurrentPassword:
        return tr("The current password is wrong.");
    case SiteLogin::Failure::Other:
        break;
    }
    // Rarer cases (a catalog newer than this program...): core's own words say what to do.
    return tr("Log-in failed: %1").arg(error.message);
}

} // namespace cv
