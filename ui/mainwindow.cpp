#include "mainwindow.h"

#include "admin/adminpanel.h"
#include "audit/auditpanel.h"
#include "details/recordingdetailspane.h"
#include "player/playerhost.h"
#include "qa/calibrationpanel.h"
#include "qa/callevaluationspanel.h"
#include "qa/formspanel.h"
#include "qa/qualitypanel.h"
#include "export/exportaction.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "player/playerpanel.h"
#include "playback/playbackengine.h"
#include "session/sessionmenu.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QItemSelectionModel>
#include <QLayout>
#include <QMenuBar>
#include <QTableView>
#include <QToolBar>
#include <QSplitter>
#include <QTabWidget>

namespace cv {

MainWindow::MainWindow(WorkstationSession &session, QWidget *parent)
    : QMainWindow(parent),
      m_session(session),
      m_search(new SearchPanel(session.db(), session.principal(),
                               session.site().config().siteId.toString(QUuid::WithoutBraces), this)),
      m_details(new RecordingDetailsPane(session.db(), session.principal(), session.site().layout(),
                                         [&session] { return session.siteKeys(); }, this)),
      m_player(new PlayerHost(session, this)),
      m_audit(new AuditPanel(session.db(), session.principal(), session.site().config(),
                             [&session] { return session.siteKeys(); }, this)),
      m_admin(new AdminPanel(session, this)),
      m_evaluations(new CallEvaluationsPanel(session.db(), session.principal(), this)),
      m_quality(new QualityPanel(session.db(), session.principal(), this))
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
    auto *bottom = new QSplitter(Qt::Horizontal, splitter);
    m_bottom = bottom;
    bottom->setObjectName(QStringLiteral("bottomSplitter"));
    bottom->addWidget(m_player);
    m_side = new QTabWidget(bottom);
    m_side->setObjectName(QStringLiteral("sideTabs"));
    m_side->addTab(m_details, tr("Details"));
    m_side->addTab(m_evaluations, tr("Evaluations"));
    bottom->addWidget(m_side);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->setObjectName(QStringLiteral("mainTabs"));
    m_recordingsTab = tabs->addTab(splitter, tr("Recordings"));
    const int qualityTab = tabs->addTab(m_quality, tr("Quality"));
    if (!m_quality->hasPages()) {
        tabs->setTabEnabled(qualityTab, false);
        tabs->setTabToolTip(qualityTab, tr("Your role (%1) has no QA work.").arg(session.principal().role));
    }
    const int auditTab = tabs->addTab(m_audit, tr("Audit trail"));
    const Principal &who = session.principal();
    if (!who.has(Permission::AuditRead) && !who.has(Permission::AuditVerify)) {
        // Shown, not hidden: the tab says what exists and why this role cannot open it.
        tabs->setTabEnabled(auditTab, false);
        tabs->setTabToolTip(auditTab, tr("Your role (%1) may not read the audit trail.").arg(who.role));
    } else if (!who.has(Permission::RecordingSearch)) {
        tabs->setCurrentIndex(auditTab); // an auditor's work is here
    }
    const int adminTab = tabs->addTab(m_admin, tr("Administration"));
    const bool administers = who.has(Permission::UsersManage) || who.has(Permission::SettingsChange) ||
                             who.has(Permission::SecurityPolicy) || who.has(Permission::RolesManage) ||
                             who.has(Permission::KeysManage);
    if (!administers) {
        tabs->setTabEnabled(adminTab, false);
        tabs->setTabToolTip(adminTab, tr("Your role (%1) does not administer the site.").arg(who.role));
    } else if (!who.has(Permission::RecordingSearch) && !who.has(Permission::AuditRead)) {
        tabs->setCurrentIndex(adminTab);
    }
    setCentralWidget(tabs);
    connect(m_search, &SearchPanel::currentRecordingChanged, m_details, &RecordingDetailsPane::showRecording);
    connect(m_search, &SearchPanel::recordingActivated, m_player, &PlayerHost::play);
    connect(m_search, &SearchPanel::recordingActivated, m_evaluations, &CallEvaluationsPanel::setRecording);
    // Pins take the player's moment in the evaluated call; a pin's click seeks that call.
    m_evaluations->setPositionSource([this] { return m_player->positionIn(m_evaluations->recording()); });
    connect(m_evaluations, &CallEvaluationsPanel::seekRequested, this,
            [this](qint64 ms) { m_player->seekIn(m_evaluations->recording(), ms); });
    connect(m_evaluations, &CallEvaluationsPanel::evaluationChanged, m_quality, &QualityPanel::refresh);
    connect(m_quality, &QualityPanel::evaluationActivated, this, &MainWindow::openEvaluation);
    if (FormsPanel *forms = m_quality->forms())
        connect(forms, &FormsPanel::published, m_evaluations, &CallEvaluationsPanel::formsPublished);
    if (CalibrationPanel *calibration = m_quality->calibration()) {
        calibration->setCallSelection([this] {
            QVector<QUuid> ids;
            if (QItemSelectionModel *selection = m_search->table()->selectionModel()) {
                for (const QModelIndex &row : selection->selectedRows())
                    ids << row.data(SearchResultModel::RecordingIdRole).value<QUuid>();
            }
            return ids;
        });
        connect(calibration, &CalibrationPanel::playRequested, m_player, &PlayerHost::play);
        // Pins take the moment of the call being scored, never of another call in the player.
        calibration->setPositionSource([this, calibration] { return m_player->positionIn(calibration->currentCall()); });
        connect(calibration, &CalibrationPanel::seekRequested, this,
                [this, calibration](qint64 ms) { m_player->seekIn(calibration->currentCall(), ms); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::placePlayer);
    connect(m_quality, &QTabWidget::currentChanged, this, &MainWindow::placePlayer);
    m_search->loadVocabulary();
    resize(1200, 760);
}

void MainWindow::openEvaluation(qint64 evaluationId, const QUuid &recordingId)
{
    m_tabs->setCurrentIndex(m_recordingsTab);
    m_side->setCurrentWidget(m_evaluations);
    m_details->showRecording(recordingId);
    m_evaluations->setRecording(recordingId);
    m_evaluations->openEvaluation(evaluationId);
    m_player->play(recordingId);
}

MainWindow::~MainWindow()
{
    disconnect(m_tabs, nullptr, this, nullptr);
    disconnect(m_quality, nullptr, this, nullptr);
}

void MainWindow::placePlayer()
{
    CalibrationPanel *calibration = m_quality->calibration();
    const bool calibrating = calibration && m_tabs->currentWidget() == m_quality &&
                             m_quality->currentWidget() == calibration;
    if (calibrating && m_player->parentWidget() != calibration->playerSlot()) {
        calibration->playerSlot()->layout()->addWidget(m_player);
    } else if (!calibrating && m_player->parentWidget() != m_bottom) {
        m_bottom->insertWidget(0, m_player);
    }
}

} // namespace cv
