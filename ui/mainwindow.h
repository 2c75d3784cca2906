#pragma once

#include <QMainWindow>

namespace cv {

class SearchPanel;
class WorkstationSession;

// The workstation's window for a logged-in person: the search screen with its results,
// the session's title ("CallVault — user (role) — site") and its menu. The panels do the
// work; this class only arranges them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(WorkstationSession &session, QWidget *parent = nullptr);

    SearchPanel *searchPanel() const { return m_search; }

private:
    WorkstationSession &m_session;
    SearchPanel *m_search;
};

} // namespace cv
