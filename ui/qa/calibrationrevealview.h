#pragma once

#include "qa/calibrationreveal.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace cv {

// The reveal of a calibration session: each scored question with every evaluator's answers
// per call, the share of agreeing pairs and κ, the questions evaluators disagree on
// highlighted (and listed first); the overall κ with its band; the totals per call with
// their spread, and ICC(2,1) over the calls. Shows a CalibrationReveal; computing it (and
// keeping the scores blind until the reveal) is the calibration session's job.
class CalibrationRevealView final : public QWidget
{
    Q_OBJECT

public:
    explicit CalibrationRevealView(QWidget *parent = nullptr);

    void setReveal(const CalibrationReveal &reveal, const QStringList &calls, const QStringList &evaluators);

    // The Landis & Koch band, translated.
    static QString bandText(double kappa);

private:
    QLabel *m_summary;
    QTableWidget *m_questions;
    QTableWidget *m_totals;
};

} // namespace cv
