#include "adminpanel.h"

#include "session/workstationsession.h"
#include "roleadminpanel.h"
#include "settingsadminpanel.h"
#include "teamadminpanel.h"
#include "site/site.h"
#include "site/sitekeys.h"
#include "useradminpanel.h"

#include <QFormLayout>
#include <QLabel>

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
    auto *keys = new QWidget(this);
    auto *form = new QFormLayout(keys);
    const SiteConfig &config = session.site().config();
    auto *fingerprint = new QLabel(config.publicKeys.fingerprint(), keys);
    fingerprint->setObjectName(QStringLiteral("siteKeyFingerprint"));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Site:"), new QLabel(config.name, keys));
    form->addRow(tr("Encryption key fingerprint:"), fingerprint);
    form->addRow(new QLabel(tr("Read it aloud to compare with a capture node or a key backup. Backups and key "
                               "rotation: callvaultctl key export / import."),
                            keys));
    addTab(keys, tr("Site keys"));
}

} // namespace cv
