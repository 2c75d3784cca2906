#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "qa/scoredevaluation.h"

#include <QUuid>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cv {

class Database;
class EvaluationPane;
class EvaluationStepBar;

// The evaluations of the call in the player (issue 6, "Evaluating" and "Workflow"), beside
// it: the call's evaluations to open, a form to start a new one with, the evaluation pane
// (answers, comments, pins to the player's moment; a pin's click seeks the player), the
// steps this person may take (EvaluationStepBar) and the evaluation's history. Drafts are
// saved and submitted through ScoredEvaluation, so the score stored is the one core computes
// from the answers. A changed draft is saved before another call or evaluation is opened:
// nothing typed is lost. Each action returns false with the reason shown in the panel.
class CallEvaluationsPanel final : public QWidget
{
    Q_OBJECT

public:
    CallEvaluationsPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void setPositionSource(std::function<std::optional<qint64>()> position);
    void setRecording(const QUuid &recordingId); // null: nothing
    QUuid recording() const { return m_recording; }
    bool openEvaluation(qint64 evaluationId);
    std::optional<qint64> openedEvaluation() const;
    // Starts a draft with a published form version (the chooser's choice in the UI).
    bool startEvaluation(const QString &formId, int version);
    bool saveDraft();
    bool submit();
    bool acknowledge();
    bool dispute(const QString &reason);
    bool resolve(bool rescored, std::optional<double> newScore, const QString &notes);

    // A form was published: the chooser offers the latest versions again.
    void formsPublished();

    EvaluationPane *pane() const { return m_pane; }
    EvaluationStepBar *steps() const { return m_steps; }
    QString message() const; // the last outcome or error shown

signals:
    void seekRequested(qint64 ms);
    void evaluationChanged(qint64 evaluationId); // saved, submitted, answered or resolved

private:
    void reloadForms();
    void reloadList(std::optional<qint64> select);
    void showOpened(const OpenedEvaluation &opened);
    void closeEvaluation();
    void refreshSteps();
    void reloadHistory();
    bool saveIfChanged();
    bool applied(const Result<EvaluationRow> &step, const QString &done);
    bool fail(const Error &error);
    void say(const QString &text);
    void startChosen();

    Database &m_db;
    Principal m_principal;
    QUuid m_recording;
    std::optional<OpenedEvaluation> m_opened;
    bool m_dirty = false;
    bool m_showing = false;
    QComboBox *m_list;
    QComboBox *m_forms;
    QPushButton *m_start;
    QLabel *m_info;
    EvaluationPane *m_pane;
    EvaluationStepBar *m_steps;
    QListWidget *m_history;
    QLabel *m_message;
};

} // namespace cv
