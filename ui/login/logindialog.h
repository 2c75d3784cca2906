#pragma once

#include "auth/sitelogin.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace cv {

// The workstation's log-in: the site's name, user, password, "Log in". The log-in runs on
// a worker thread (scrypt takes a noticeable moment, and a PostgreSQL server may be far
// away) while the dialog shows that it is busy. A wrong password and a locked account get
// distinct texts (LoginErrorText); after a failure the password field is empty again.
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(Site site, SiteLogin::Options options, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // After accept(): the logged-in site (once).
    LoggedInSite takeLoggedIn();
    // Pre-fills the user name (e.g. the last one that logged in here).
    void setUserName(const QString &name);
    bool isBusy() const;

private:
    using Outcome = std::optional<Result<LoggedInSite>>;

    void startLogin();
    void finishLogin(Outcome &outcome);
    void setBusy(bool busy);

    Site m_site;
    SiteLogin::Options m_options;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_login;
    QPointer<QThread> m_worker; // the log-in in progress
    std::optional<LoggedInSite> m_loggedIn;
};

} // namespace cv
