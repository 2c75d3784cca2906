#include "qa/newcalibrationdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace cv {

NewCalibrationDialog::NewCalibrationDialog(int callCount, const QVector<FormRow> &forms,
                                           const QStringList &evaluators, QWidget *parent)
    : QDialog(parent),
      m_title(new QLineEdit(this)),
      m_form(new QComboBox(this)),
      m_evaluators(new QListWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newCalibrationDialog"));
    setWindowTitle(tr("New calibration session"));
    m_title->setObjectName(QStringLiteral("calibrationTitle"));
    m_form->setObjectName(QStringLiteral("calibrationForm"));
    m_evaluators->setObjectName(QStringLiteral("calibrationEvaluators"));
    for (const FormRow &form : forms)
        m_form->addItem(tr("%1 (version %2)").arg(form.title).arg(form.version),
                        QStringList{form.formId, QString::number(form.version)});
    for (const QString &name : evaluators) {
        auto *item = new QListWidgetItem(name, m_evaluators);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *layout = new QFormLayout(this);
    layout->addRow(new QLabel(tr("%n call(s) selected in Recordings will be scored.", nullptr, callCount), this));
    layout->addRow(tr("&Title:"), m_title);
    layout->addRow(tr("&Form:"), m_form);
    layout->addRow(tr("&Evaluators (two or more):"), m_evaluators);
    layout->addRow(m_buttons);
    connect(m_title, &QLineEdit::textChanged, this, &NewCalibrationDialog::updateOk);
    connect(m_evaluators, &QListWidget::itemChanged, this, &NewCalibrationDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QString NewCalibrationDialog::title() const
{
    return m_title->text().trimmed();
}

QString NewCalibrationDialog::formId() const
{
    return m_form->currentData().toStringList().value(0);
}

int NewCalibrationDialog::formVersion() const
{
    return m_form->currentData().toStringList().value(1).toInt();
}

QStringList NewCalibrationDialog::evaluators() const
{
    QStringList names;
    for (int i = 0; i < m_evaluators->count(); ++i) {
        if (m_evaluators->item(i)->checkState() == Qt::Checked)
            names << m_evaluators->item(i)->text();
    }
    return names;
}

void NewCalibrationDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!title().isEmpty() && m_form->count() > 0 && evaluators().size() >= 2);
}

} // namespace cv
