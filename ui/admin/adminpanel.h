#pragma once

#include <QTabWidget>

namespace cv {

class SettingsAdminPanel;
class UserAdminPanel;
class WorkstationSession;

// Administration for the site's administrators: users and the site's settings (lockout
// policy, idle lock, password length), and the site keys' fingerprint for checking a
// capture node or a key backup over the phone.
class AdminPanel final : public QTabWidget
{
    Q_OBJECT

public:
    explicit AdminPanel(WorkstationSession &session, QWidget *parent = nullptr);

    UserAdminPanel *users() const { return m_users; }
    SettingsAdminPanel *settings() const { return m_settings; }

private:
    UserAdminPanel *m_users;
    SettingsAdminPanel *m_settings;
};

} // namespace cv
