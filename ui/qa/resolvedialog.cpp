#include "qa/resolvedialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cv {

ResolveDialog::ResolveDialog(double currentScore, QWidget *parent)
    : QDialog(parent),
      m_uphold(new QRadioButton(tr("&Uphold the score (%1)").arg(QLocale().toString(currentScore, 'f', 1)), this)),
      m_rescore(new QRadioButton(tr("&Re-score"), this)),
      m_score(new QDoubleSpinBox(this)),
      m_notes(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("resolveDialog"));
    setWindowTitle(tr("Resolve the dispute"));
    m_uphold->setChecked(true);
    m_score->setRange(0, 100);
    m_score->setDecimals(1);
    m_score->setValue(currentScore);
    m_score->setEnabled(false);
    m_notes->setPlaceholderText(tr("Why: the agent reads this"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_uphold);
    auto *rescoreRow = new QHBoxLayout;
    rescoreRow->addWidget(m_rescore);
    rescoreRow->addWidget(m_score);
    layout->addLayout(rescoreRow);
    layout->addWidget(new QLabel(tr("Notes:"), this));
    layout->addWidget(m_notes);
    layout->addWidget(m_buttons);
    connect(m_rescore, &QRadioButton::toggled, m_score, &QWidget::setEnabled);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ResolveDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

bool ResolveDialog::rescored() const
{
    return m_rescore->isChecked();
}

std::optional<double> ResolveDialog::newScore() const
{
    return rescored() ? std::optional<double>(m_score->value()) : std::nullopt;
}

QString ResolveDialog::notes() const
{
    return m_notes->toPlainText().trimmed();
}

void ResolveDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!notes().isEmpty());
}

} // namespace cv
