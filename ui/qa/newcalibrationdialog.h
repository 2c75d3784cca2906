#pragma once

#include "qa/formrepository.h"

#include <QDialog>
#include <QStringList>
#include <QVector>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace cv {

// A new calibration session: its title, the form version it scores with, and the evaluators
// (at least two, picked from those who may score calls) — for the calls chosen beforehand.
class NewCalibrationDialog final : public QDialog
{
    Q_OBJECT

public:
    NewCalibrationDialog(int callCount, const QVector<FormRow> &forms, const QStringList &evaluators,
                         QWidget *parent = nullptr);

    QString title() const;
    QString formId() const;
    int formVersion() const;
    QStringList evaluators() const; // the checked ones

private:
    void updateOk();

    QLineEdit *m_title;
    QComboBox *m_form;
    QListWidget *m_evaluators;
    QDialogButtonBox *m_buttons;
};

} // namespace cv
