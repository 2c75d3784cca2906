#include "mainwindow.h"

#include "details/recordingdetailspane.h"
#include "search/searchpanel.h"
#include "session/sessionmenu.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QMenuBar>
#include <QSplitter>

namespace cv {

MainWindow::MainWindow(WorkstationSession &session, QWidget *parent)
    : QMainWindow(parent),
      m_session(session),
      m_search(new SearchPanel(session.db(), session.principal(),
                               session.site().config().siteId.toString(QUuid::WithoutBraces), this)),
      m_details(new RecordingDetailsPane(session.db(), session.principal(), session.site().layout(),
                                         [&session] { return session.siteKeys(); }, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(session.windowTitle());
    menuBar()->addMenu(new SessionMenu(session, this));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_search);
    auto *bottom = new QSplitter(Qt::Horizontal, splitter);
    bottom->setObjectName(QStringLiteral("bottomSplitter"));
    bottom->addWidget(m_details);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    connect(m_search, &SearchPanel::currentRecordingChanged, m_details, &RecordingDetailsPane::showRecording);
    m_search->loadVocabulary();
    resize(1200, 760);
}

} // namespace cv
