#include "mainwindow.h"

#include "export/exportaction.h"
#include "search/searchpanel.h"
#include "session/sessionmenu.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QMenuBar>
#include <QToolBar>
#include <QSplitter>

namespace cv {

MainWindow::MainWindow(WorkstationSession &session, QWidget *parent)
    : QMainWindow(parent),
      m_session(session),
      m_search(new SearchPanel(session.db(), session.principal(),
                               session.site().config().siteId.toString(QUuid::WithoutBraces), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(session.windowTitle());
    menuBar()->addMenu(new SessionMenu(session, this));
    QToolBar *recordings = addToolBar(tr("Recordings"));
    recordings->setObjectName(QStringLiteral("recordingsToolBar"));
    recordings->addAction(new ExportAction(session, m_search->table(), this));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_search);
    setCentralWidget(splitter);
    m_search->loadVocabulary();
    resize(1200, 760);
}

} // namespace cv
