#pragma once

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QDoubleSpinBox;
class QPlainTextEdit;
class QRadioButton;

namespace cv {

// A supervisor's decision on a disputed evaluation: uphold the score or re-score it, with
// notes the agent reads (required).
class ResolveDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ResolveDialog(double currentScore, QWidget *parent = nullptr);

    bool rescored() const;
    std::optional<double> newScore() const; // only when re-scored
    QString notes() const;

private:
    void updateOk();

    QRadioButton *m_uphold;
    QRadioButton *m_rescore;
    QDoubleSpinBox *m_score;
    QPlainTextEdit *m_notes;
    QDialogButtonBox *m_buttons;
};

} // namespace cv
