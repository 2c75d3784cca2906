#include "qa/evaluationstepbar.h"

#include "qa/resolvedialog.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QPushButton>

namespace cv {

EvaluationStepBar::EvaluationStepBar(const Principal &principal, QWidget *parent)
    : QWidget(parent), m_principal(principal)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_save = addButton(tr("Save &draft"), QStringLiteral("saveEvaluationButton"));
    m_submit = addButton(tr("Su&bmit"), QStringLiteral("submitEvaluationButton"));
    m_acknowledge = addButton(tr("&Acknowledge"), QStringLiteral("acknowledgeEvaluationButton"));
    m_dispute = addButton(tr("D&ispute…"), QStringLiteral("disputeEvaluationButton"));
    m_resolve = addButton(tr("&Resolve…"), QStringLiteral("resolveEvaluationButton"));
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &EvaluationStepBar::saveRequested);
    connect(m_submit, &QPushButton::clicked, this, &EvaluationStepBar::submitRequested);
    connect(m_acknowledge, &QPushButton::clicked, this, &EvaluationStepBar::acknowledgeRequested);
    connect(m_dispute, &QPushButton::clicked, this, &EvaluationStepBar::askDispute);
    connect(m_resolve, &QPushButton::clicked, this, &EvaluationStepBar::askResolve);
    m_submit->setToolTip(tr("Every question must be answered (or N/A where allowed) first."));
    showFor(std::nullopt, false);
}

QPushButton *EvaluationStepBar::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    layout()->addWidget(button);
    return button;
}

void EvaluationStepBar::showFor(const std::optional<EvaluationRow> &evaluation, bool complete)
{
    m_evaluation = evaluation;
    const EvaluationState state = evaluation ? evaluation->state : EvaluationState::Draft;
    m_editable = evaluation && state == EvaluationState::Draft &&
                 evaluation->evaluator == m_principal.name;
    const bool agentOfCall = evaluation && state == EvaluationState::Submitted &&
                             m_principal.has(Permission::EvaluationAcknowledge) &&
                             !m_principal.agentId.isEmpty() &&
                             m_principal.agentId == evaluation->agentId;
    const bool judge = evaluation && state == EvaluationState::Disputed &&
                       m_principal.has(Permission::EvaluationResolve) &&
                       evaluation->evaluator != m_principal.name;
    m_save->setVisible(m_editable);
    m_submit->setVisible(m_editable);
    m_submit->setEnabled(complete);
    m_acknowledge->setVisible(agentOfCall);
    m_dispute->setVisible(agentOfCall);
    m_resolve->setVisible(judge);
}

void EvaluationStepBar::askDispute()
{
    bool ok = false;
    const QString reason =
        QInputDialog::getMultiLineText(this, tr("Dispute the evaluation"),
                                       tr("Why do you dispute it? A supervisor reads this and decides."),
                                       QString(), &ok)
            .trimmed();
    if (ok && !reason.isEmpty())
        emit disputeRequested(reason);
}

void EvaluationStepBar::askResolve()
{
    if (!m_evaluation)
        return;
    ResolveDialog dialog(m_evaluation->score.value_or(0), this);
    if (dialog.exec() == QDialog::Accepted)
        emit resolveRequested(dialog.rescored(), dialog.newScore(), dialog.notes());
}

} // namespace cv
