#include "teamadminpanel.h"

#include "auth/teamadmin.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

TeamAdminPanel::TeamAdminPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_teams(new QTableWidget(0, 3, this)),
      m_teamId(new QLineEdit(this)),
      m_teamName(new QLineEdit(this)),
      m_agentId(new QLineEdit(this)),
      m_agentName(new QLineEdit(this)),
      m_agentTeam(new QComboBox(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("teamAdminPanel"));
    m_teams->setObjectName(QStringLiteral("teamTable"));
    m_teams->setHorizontalHeaderLabels({tr("Team id"), tr("Name"), tr("Agents")});
    m_teams->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_teams->verticalHeader()->hide();
    m_teams->horizontalHeader()->setStretchLastSection(true);
    m_teamId->setPlaceholderText(tr("team id, e.g. cards-1"));
    m_teamName->setPlaceholderText(tr("name people see"));
    m_agentId->setPlaceholderText(tr("agent id"));
    m_agentName->setPlaceholderText(tr("agent name (optional)"));
    m_message->setObjectName(QStringLiteral("teamMessage"));
    m_message->setWordWrap(true);
    auto *addTeamButton = new QPushButton(tr("Add team"), this);
    auto *assignButton = new QPushButton(tr("Put into team"), this);
    auto *form = new QFormLayout;
    auto *teamRow = new QHBoxLayout;
    teamRow->addWidget(m_teamId);
    teamRow->addWidget(m_teamName, 1);
    teamRow->addWidget(addTeamButton);
    form->addRow(tr("New team:"), teamRow);
    auto *agentRow = new QHBoxLayout;
    agentRow->addWidget(m_agentId);
    agentRow->addWidget(m_agentName, 1);
    agentRow->addWidget(m_agentTeam);
    agentRow->addWidget(assignButton);
    form->addRow(tr("Agent:"), agentRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_teams, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    connect(addTeamButton, &QPushButton::clicked, this, [this] { addTeam(m_teamId->text(), m_teamName->text()); });
    connect(assignButton, &QPushButton::clicked, this, [this] {
        assignAgent(m_agentId->text(), m_agentTeam->currentData().toString(), m_agentName->text());
    });
    if (!m_principal.has(Permission::TeamsManage)) {
        const QString why = tr("Your role (%1) may not manage teams.").arg(m_principal.role);
        for (QWidget *w : {static_cast<QWidget *>(addTeamButton), static_cast<QWidget *>(assignButton)}) {
            w->setEnabled(false);
            w->setToolTip(why);
        }
        m_message->setText(why);
        return;
    }
    reload();
}

void TeamAdminPanel::reload()
{
    auto teams = TeamAdmin(m_db).list(m_principal);
    m_teams->setRowCount(0);
    m_agentTeam->clear();
    if (!teams) {
        m_message->setText(teams.errorMessage());
        return;
    }
    for (const TeamRow &team : teams.value()) {
        const int row = m_teams->rowCount();
        m_teams->insertRow(row);
        m_teams->setItem(row, 0, new QTableWidgetItem(team.id));
        m_teams->setItem(row, 1, new QTableWidgetItem(team.name));
        m_teams->setItem(row, 2, new QTableWidgetItem(QString::number(team.agentCount)));
        m_agentTeam->addItem(team.name, team.id);
    }
    m_teams->resizeColumnsToContents();
}

int TeamAdminPanel::agentCountOf(const QString &teamId) const
{
    for (int row = 0; row < m_teams->rowCount(); ++row) {
        if (m_teams->item(row, 0)->text() == teamId)
            return m_teams->item(row, 2)->text().toInt();
    }
    return -1;
}

bool TeamAdminPanel::report(const Result<void> &result, const QString &done)
{
    m_message->setText(result ? done : tr("Refused: %1").arg(result.errorMessage()));
    if (result)
        reload();
    return result.ok();
}

bool TeamAdminPanel::addTeam(const QString &id, const QString &name)
{
    const bool ok = report(TeamAdmin(m_db).add(m_principal, id.trimmed(), name.trimmed()),
                           tr("Team %1 added.").arg(name.trimmed()));
    if (ok) {
        m_teamId->clear();
        m_teamName->clear();
    }
    return ok;
}

bool TeamAdminPanel::assignAgent(const QString &agentId, const QString &teamId, const QString &agentName)
{
    return report(TeamAdmin(m_db).assignAgent(m_principal, agentId.trimmed(), teamId, agentName.trimmed()),
                  tr("Agent %1 is now in team %2.").arg(agentId.trimmed(), teamId));
}

} // namespace cv
