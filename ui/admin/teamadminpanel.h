#pragma once

#include "auth/principal.h"
#include "common/result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace cv {

class Database;

// Teams and their agents: the teams with their number of agents; add a team; put an agent
// (new to the directory or not) into a team. TeamAdmin checks teams.manage and audits; a
// refusal is shown with its reason.
class TeamAdminPanel final : public QWidget
{
    Q_OBJECT

public:
    TeamAdminPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void reload();
    bool addTeam(const QString &id, const QString &name);
    bool assignAgent(const QString &agentId, const QString &teamId, const QString &agentName);
    int agentCountOf(const QString &teamId) const;

private:
    bool report(const Result<void> &result, const QString &done);

    Database &m_db;
    Principal m_principal;
    QTableWidget *m_teams;
    QLineEdit *m_teamId;
    QLineEdit *m_teamName;
    QLineEdit *m_agentId;
    QLineEdit *m_agentName;
    QComboBox *m_agentTeam;
    QLabel *m_message;
};

} // namespace cv
