#pragma once

#include "logintestsupport.h"
#include "session/workstationsession.h"

#include <memory>

namespace worktest {

// Logs `name` in on the test site as the workstation does (SiteLogin, the test clock, cheap
// scrypt) and wraps it in a WorkstationSession that answers a key-file passphrase prompt
// with the test site's passphrase. Null (with a warning) when the log-in is refused.
std::unique_ptr<cv::WorkstationSession> logIn(LoginTestSite &site, const QString &name, const QByteArray &password);

} // namespace worktest
