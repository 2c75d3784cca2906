#include "qa/qualitypanel.h"

#include "qa/calibrationpanel.h"
#include "qa/evaluationlistview.h"
#include "qa/evaluationqueries.h"
#include "qa/formspanel.h"
#include "qa/samplingrulespanel.h"
#include "qa/workqueue.h"
#include "qa/workqueueview.h"
#include "reports/qareportview.h"

#include <QMessageBox>

namespace cv {

QualityPanel::QualityPanel(Database &db, const Principal &principal, QWidget *parent)
    : QTabWidget(parent), m_db(db), m_principal(principal)
{
    setObjectName(QStringLiteral("qualityPanel"));
    Database *database = &db;
    if (principal.has(Permission::RecordingScore)) {
        m_queue = new WorkQueueView(db, principal, this);
        m_queue->setObjectName(QStringLiteral("myQueue"));
        addTab(m_queue, tr("My queue"));
        connect(m_queue, &WorkQueueView::itemActivated, this,
                [this](qint64 workItemId, const QUuid &) { startWorkItem(workItemId); });
    }
    if (principal.has(Permission::EvaluationAcknowledge)) {
        m_mine = new EvaluationListView(tr("No evaluation of your calls yet."),
                                        [database, principal] { return EvaluationQueries(*database).mine(principal); },
                                        this);
        m_mine->setObjectName(QStringLiteral("myEvaluations"));
        addTab(m_mine, tr("My evaluations"));
    }
    if (principal.has(Permission::EvaluationResolve)) {
        m_disputes = new EvaluationListView(tr("No open dispute."),
                                            [database, principal] {
                                                return EvaluationQueries(*database).openDisputes(principal);
                                            },
                                            this);
        m_disputes->setObjectName(QStringLiteral("openDisputes"));
        addTab(m_disputes, tr("Open disputes"));
    }
    if (principal.has(Permission::QaFormsManage)) {
        m_forms = new FormsPanel(db, principal, this);
        addTab(m_forms, tr("Forms"));
        m_rules = new SamplingRulesPanel(db, principal, this);
        addTab(m_rules, tr("Sampling rules"));
    }
    if (principal.has(Permission::QaFormsManage) || principal.has(Permission::RecordingScore)) {
        m_calibration = new CalibrationPanel(db, principal, this);
        addTab(m_calibration, tr("Calibration"));
    }
    if (principal.has(Permission::EvaluationResolve) || principal.has(Permission::RecordingScore)) {
        m_reports = new QaReportView(db, principal, this);
        addTab(m_reports, tr("Reports"));
    }
    for (EvaluationListView *list : {m_mine, m_disputes}) {
        if (list)
            connect(list, &EvaluationListView::evaluationActivated, this, &QualityPanel::evaluationActivated);
    }
    refresh();
}

bool QualityPanel::startWorkItem(qint64 workItemId)
{
    auto evaluation = WorkQueue(m_db).start(m_principal, workItemId);
    if (!evaluation) {
        QMessageBox::warning(this, tr("Work item"),
                             tr("Could not start the evaluation: %1").arg(evaluation.error().message));
        return false;
    }
    emit evaluationActivated(evaluation->id, evaluation->recordingId);
    if (m_queue)
        m_queue->refresh();
    return true;
}

void QualityPanel::refresh()
{
    for (EvaluationListView *list : {m_mine, m_disputes}) {
        if (list)
            list->reload();
    }
    if (m_queue)
        m_queue->refresh();
}

} // namespace cv
