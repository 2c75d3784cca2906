#pragma once

#include <QMainWindow>
#include <QUuid>

class QSplitter;
class QTabWidget;

namespace cv {

class AdminPanel;
class AuditPanel;
class CallEvaluationsPanel;
class PlayerHost;
class QualityPanel;
class RecordingDetailsPane;
class SearchPanel;
class WorkstationSession;

// The workstation's window for a logged-in person: the search screen with its results
// above, the player below with, beside it, the chosen recording's details and tags and the
// evaluations of the call in the player; the QA work of the role (Quality) in a second tab;
// the audit trail (for roles that read or verify it) in a third; administration in a
// fourth; the session's title ("CallVault — user (role) — site") and its menu. The panels
// do the work; this class only arranges and connects them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(WorkstationSession &session, QWidget *parent = nullptr);
    // Disconnects the tab widgets first: deleting the children makes them report tab
    // changes while the player they would move is already gone.
    ~MainWindow() override;

    SearchPanel *searchPanel() const { return m_search; }
    RecordingDetailsPane *detailsPane() const { return m_details; }
    PlayerHost *playerHost() const { return m_player; }
    AuditPanel *auditPanel() const { return m_audit; }
    AdminPanel *adminPanel() const { return m_admin; }
    CallEvaluationsPanel *evaluationsPanel() const { return m_evaluations; }
    QualityPanel *qualityPanel() const { return m_quality; }
    // Plays the call and opens the evaluation beside the player (from the Quality tab).
    void openEvaluation(qint64 evaluationId, const QUuid &recordingId);

private:
    // The player sits in Recordings, or above the calibration page while that is shown.
    void placePlayer();

    WorkstationSession &m_session;
    SearchPanel *m_search;
    RecordingDetailsPane *m_details;
    PlayerHost *m_player;
    AuditPanel *m_audit;
    AdminPanel *m_admin;
    CallEvaluationsPanel *m_evaluations;
    QualityPanel *m_quality;
    QTabWidget *m_tabs = nullptr;
    QTabWidget *m_side = nullptr;
    QSplitter *m_bottom = nullptr;
    int m_recordingsTab = 0;
};

} // namespace cv
