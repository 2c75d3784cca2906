#pragma once

#include <QAction>

class QTableView;

namespace cv {

class WorkstationSession;

// The main window's "Export…" action: exports the rows selected in the search results
// through an ExportDialog. For a person without recording.export it stays visible but
// disabled, its tooltip saying why.
class ExportAction final : public QAction
{
    Q_OBJECT

public:
    ExportAction(WorkstationSession &session, QTableView *results, QWidget *parent);

private:
    void exportSelected();

    WorkstationSession &m_session;
    QTableView *m_results;
    QWidget *m_window;
};

} // namespace cv
