#pragma once

#include "auth/principal.h"
#include "qa/evaluationrepository.h"

#include <QWidget>
#include <optional>

class QPushButton;

namespace cv {

// The steps one person may take on the open evaluation, as buttons (docs/qa-workflow.md):
// its evaluator saves and submits a draft (Submit only once every question is answered);
// the call's agent acknowledges or disputes a submitted one (a reason is asked); a
// supervisor who did not score it resolves a dispute (uphold or re-score, with notes). Only
// the steps that apply are shown; the catalog checks them again.
class EvaluationStepBar final : public QWidget
{
    Q_OBJECT

public:
    explicit EvaluationStepBar(const Principal &principal, QWidget *parent = nullptr);

    // `complete`: the answers may be submitted (ScoreResult::isComplete and a score).
    void showFor(const std::optional<EvaluationRow> &evaluation, bool complete);
    // Whether the open evaluation is the person's own draft (the answers are editable).
    bool editable() const { return m_editable; }

signals:
    void saveRequested();
    void submitRequested();
    void acknowledgeRequested();
    void disputeRequested(const QString &reason);
    void resolveRequested(bool rescored, std::optional<double> newScore, const QString &notes);

private:
    QPushButton *addButton(const QString &text, const QString &objectName);
    void askDispute();
    void askResolve();

    Principal m_principal;
    std::optional<EvaluationRow> m_evaluation;
    bool m_editable = false;
    QPushButton *m_save;
    QPushButton *m_submit;
    QPushButton *m_acknowledge;
    QPushButton *m_dispute;
    QPushButton *m_resolve;
};

} // namespace cv
