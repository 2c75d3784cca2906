#include "adminpanel.h"

#include "session/workstationsession.h"
#include "roleadminpanel.h"
#include "settingsadminpanel.h"
#include "sitekeyspanel.h"
#include "teamadminpanel.h"
#include "useradminpanel.h"

namespace cv {

AdminPanel::AdminPanel(WorkstationSession &session, QWidget *parent)
    : QTabWidget(parent),
      m_users(new UserAdminPanel(session.db(), session.auth(), session.principal(), this)),
      m_roles(new RoleAdminPanel(session.db(), session.principal(), this)),
      m_teams(new TeamAdminPanel(session.db(), session.principal(), this)),
      m_settings(new SettingsAdminPanel(session.db(), session.principal(), this))
{
    setObjectName(QStringLiteral("adminPanel"));
    addTab(m_users, tr("Users"));
    addTab(m_roles, tr("Roles"));
    addTab(m_teams, tr("Teams and agents"));
    addTab(m_settings, tr("Settings"));
    addTab(new SiteKeysPanel(session, this), tr("Site keys"));
}

} // namespace cv
