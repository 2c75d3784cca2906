#pragma once

#include "auth/principal.h"

#include <QTabWidget>
#include <QUuid>

namespace cv {

class CalibrationPanel;
class Database;
class EvaluationListView;
class FormsPanel;

// The workstation's Quality tab (issue 6): one page per part of the QA work this person's
// role has — an agent's own evaluations to acknowledge or dispute, a supervisor's open
// disputes, the evaluation forms, calibration sessions. Opening an evaluation from any page emits
// evaluationActivated; the main window then plays the call and opens the evaluation beside
// the player.
class QualityPanel final : public QTabWidget
{
    Q_OBJECT

public:
    QualityPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    // Whether this role has any page here (else the main window disables the tab).
    bool hasPages() const { return count() > 0; }
    EvaluationListView *myEvaluations() const { return m_mine; }
    EvaluationListView *disputes() const { return m_disputes; }
    FormsPanel *forms() const { return m_forms; }
    CalibrationPanel *calibration() const { return m_calibration; }
    // Reloads the lists (after an evaluation changed elsewhere).
    void refresh();

signals:
    void evaluationActivated(qint64 evaluationId, const QUuid &recordingId);

private:
    EvaluationListView *m_mine = nullptr;
    EvaluationListView *m_disputes = nullptr;
    FormsPanel *m_forms = nullptr;
    CalibrationPanel *m_calibration = nullptr;
};

} // namespace cv
