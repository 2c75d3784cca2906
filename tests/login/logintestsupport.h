#pragma once

#include "auth/sitelogin.h"
#include "authtestsupport.h"
#include "site/site.h"

#include <QTemporaryDir>
#include <memory>

// A real SQLite site for the log-in tests, made by the same SiteInitializer as
// `callvaultctl init` (cheap scrypt for passwords and the key file), with a clock the test
// moves, a few users and the settings the tests depend on:
//   lockout.max_failures = kMaxFailures, session.idle_minutes = kIdleMinutes,
//   password.min_length = kMinLength.
class LoginTestSite final
{
public:
    static constexpr int kMaxFailures = 3;
    static constexpr int kIdleMinutes = 5;
    static constexpr int kMinLength = 12;
    static QByteArray adminPassword() { return QByteArrayLiteral("Admin-passw0rd-4-tests"); }
    static QByteArray passphrase() { return QByteArrayLiteral("key file passphrase"); }
    static QString siteName() { return QStringLiteral("Login test site"); }

    // False with a test failure.
    bool setUp();

    // A user added directly to the catalog (cheap hash); false with a test failure.
    bool addUser(const QString &name, const QByteArray &password, const QString &role,
                 bool mustChange = false);

    const QString &directory() const { return m_dirPath; }
    cv::Site site() const; // opened afresh
    cv::SiteLogin::Options options(); // the test clock and cheap scrypt
    authtest::TestClock &clock() { return m_clock; }
    cv::Database &catalog() { return *m_db; } // a connection of the test's own

private:
    QTemporaryDir m_dir;
    QString m_dirPath;
    authtest::TestClock m_clock;
    std::unique_ptr<cv::Database> m_db;
};
