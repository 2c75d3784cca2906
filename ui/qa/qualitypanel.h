#pragma once

#include "auth/principal.h"

#include <QTabWidget>
#include <QUuid>

namespace cv {

class CalibrationPanel;
class Database;
class EvaluationListView;
class FormsPanel;
class QaReportView;
class SamplingRulesPanel;
class WorkQueueView;

// The workstation's Quality tab (issue 6): one page per part of the QA work this person's
// role has — an evaluator's queue of sampled calls, a supervisor's sampling rules, an agent's own evaluations to acknowledge or dispute, a supervisor's open
// disputes, the evaluation forms, calibration sessions, reports. Opening an evaluation from any page emits
// evaluationActivated; the main window then plays the call and opens the evaluation beside
// the player.
class QualityPanel final : public QTabWidget
{
    Q_OBJECT

public:
    QualityPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    // Whether this role has any page here (else the main window disables the tab).
    bool hasPages() const { return count() > 0; }
    WorkQueueView *myQueue() const { return m_queue; }
    SamplingRulesPanel *samplingRules() const { return m_rules; }
    EvaluationListView *myEvaluations() const { return m_mine; }
    EvaluationListView *disputes() const { return m_disputes; }
    FormsPanel *forms() const { return m_forms; }
    CalibrationPanel *calibration() const { return m_calibration; }
    QaReportView *reports() const { return m_reports; }
    // Reloads the lists (after an evaluation changed elsewhere).
    void refresh();
    // Starts (or reopens) the evaluation of a work item of one's queue; false with the reason
    // shown.
    bool startWorkItem(qint64 workItemId);

signals:
    void evaluationActivated(qint64 evaluationId, const QUuid &recordingId);

private:
    Database &m_db;
    Principal m_principal;
    WorkQueueView *m_queue = nullptr;
    SamplingRulesPanel *m_rules = nullptr;
    EvaluationListView *m_mine = nullptr;
    EvaluationListView *m_disputes = nullptr;
    FormsPanel *m_forms = nullptr;
    CalibrationPanel *m_calibration = nullptr;
    QaReportView *m_reports = nullptr;
};

} // namespace cv
