#pragma once

#include <QTabWidget>

namespace cv {

class RoleAdminPanel;
class SettingsAdminPanel;
class TeamAdminPanel;
class UserAdminPanel;
class WorkstationSession;

// Administration for the site's administrators: users, roles and their permissions, teams
// and agents, the site's settings (lockout policy, idle lock, password length), and the
// site keys (fingerprint, backup).
class AdminPanel final : public QTabWidget
{
    Q_OBJECT

public:
    explicit AdminPanel(WorkstationSession &session, QWidget *parent = nullptr);

    UserAdminPanel *users() const { return m_users; }
    RoleAdminPanel *roles() const { return m_roles; }
    TeamAdminPanel *teams() const { return m_teams; }
    SettingsAdminPanel *settings() const { return m_settings; }

private:
    UserAdminPanel *m_users;
    RoleAdminPanel *m_roles;
    TeamAdminPanel *m_teams;
    SettingsAdminPanel *m_settings;
};

} // namespace cv
