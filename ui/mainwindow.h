#pragma once

#include <QMainWindow>

namespace cv {

class AdminPanel;
class AuditPanel;
class PlayerHost;
class RecordingDetailsPane;
class SearchPanel;
class WorkstationSession;

// The workstation's window for a logged-in person: the search screen with its results
// above, the player and the chosen recording's details and tags below; the audit trail in a second tab
// (for roles that read or verify it); administration in a third; the session's title ("CallVault — user (role) — site") and its menu. The panels do the
// work; this class only arranges them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(WorkstationSession &session, QWidget *parent = nullptr);

    SearchPanel *searchPanel() const { return m_search; }
    RecordingDetailsPane *detailsPane() const { return m_details; }
    PlayerHost *playerHost() const { return m_player; }
    AuditPanel *auditPanel() const { return m_audit; }
    AdminPanel *adminPanel() const { return m_admin; }

private:
    WorkstationSession &m_session;
    SearchPanel *m_search;
    RecordingDetailsPane *m_details;
    PlayerHost *m_player;
    AuditPanel *m_audit;
    AdminPanel *m_admin;
};

} // namespace cv
