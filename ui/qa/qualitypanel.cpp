#include "qa/qualitypanel.h"

#include "qa/calibrationpanel.h"
#include "qa/evaluationlistview.h"
#include "qa/evaluationqueries.h"
#include "qa/formspanel.h"

namespace cv {

QualityPanel::QualityPanel(Database &db, const Principal &principal, QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("qualityPanel"));
    Database *database = &db;
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
    }
    if (principal.has(Permission::QaFormsManage) || principal.has(Permission::RecordingScore)) {
        m_calibration = new CalibrationPanel(db, principal, this);
        addTab(m_calibration, tr("Calibration"));
    }
    for (EvaluationListView *list : {m_mine, m_disputes}) {
        if (list)
            connect(list, &EvaluationListView::evaluationActivated, this, &QualityPanel::evaluationActivated);
    }
    refresh();
}

void QualityPanel::refresh()
{
    for (EvaluationListView *list : {m_mine, m_disputes}) {
        if (list)
            list->reload();
    }
}

} // namespace cv
