#pragma once

#include <QString>

namespace cv {
class Site;
}

// The screens the README shows, each drawn offscreen and saved as a PNG in `outDir`.
namespace screenshots {

struct Account
{
    QString name;
    QByteArray password;
};

struct Context
{
    const cv::Site *site = nullptr;
    QString outDir;
    Account supervisor; // searches, plays, tags
    Account auditor;    // reads and verifies the audit trail
    Account admin;      // manages users and settings
    Account evaluator;  // scores calls (QA)
    QByteArray keyPassphrase; // for a key-file site
};

// Each returns false with a message on stderr when its screen could not be drawn.
bool login(const Context &context);
bool searchWithDetails(const Context &context);
bool auditTrail(const Context &context);
bool administration(const Context &context);
bool evaluation(const Context &context); // qascenes.cpp
bool qaReport(const Context &context);

} // namespace screenshots
