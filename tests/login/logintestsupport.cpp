#include "logintestsupport.h"

#include "auth/settingsrepository.h"
#include "site/siteinitializer.h"

#include <QTest>

bool LoginTestSite::setUp()
{
    if (!m_dir.isValid()) {
        QTest::qFail("no temporary directory", __FILE__, __LINE__);
        return false;
    }
    m_dirPath = m_dir.filePath(QStringLiteral("site"));
    cv::SiteInitializer::Options o;
    o.directory = m_dirPath;
    o.name = siteName();
    o.backend = cv::SiteInitializer::KeyBackendChoice::File;
    o.passphrase = passphrase();
    o.adminPassword = adminPassword();
    o.program = QStringLiteral("test");
    o.passwordParams = authtest::cheapParams();
    o.keyFileParams = authtest::cheapParams();
    if (auto made = cv::SiteInitializer::initialize(o); !made) {
        QTest::qFail(qPrintable(made.errorMessage()), __FILE__, __LINE__);
        return false;
    }
    auto db = site().openCatalog();
    if (!db) {
        QTest::qFail(qPrintable(db.errorMessage()), __FILE__, __LINE__);
        return false;
    }
    m_db = db.takeValue();
    cv::SettingsRepository settings(*m_db);
    for (const auto &[setting, value] :
         {std::pair{cv::Setting::LockoutMaxFailures, kMaxFailures},
          std::pair{cv::Setting::SessionIdleMinutes, kIdleMinutes},
          std::pair{cv::Setting::PasswordMinLength, kMinLength}}) {
        if (auto set = settings.set(setting, QString::number(value)); !set) {
            QTest::qFail(qPrintable(set.errorMessage()), __FILE__, __LINE__);
            return false;
        }
    }
    return true;
}

bool LoginTestSite::addUser(const QString &name, const QByteArray &password, const QString &role,
                            bool mustChange)
{
    return authtest::addUser(*m_db, name, password, role, {}, {}, mustChange) > 0;
}

cv::Site LoginTestSite::site() const
{
    auto opened = cv::Site::open(m_dirPath);
    if (!opened)
        qFatal("the test site does not open: %s", qPrintable(opened.errorMessage()));
    return opened.takeValue();
}

cv::SiteLogin::Options LoginTestSite::options()
{
    cv::SiteLogin::Options o;
    o.clock = m_clock.clock();
    o.hashParams = authtest::cheapParams();
    return o;
}
