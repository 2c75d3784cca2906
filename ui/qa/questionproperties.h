#pragma once

#include "qa/evaluationform.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace cv {

// The form designer's editor of one question: id, text, guidance, kind (with the scale's
// size or the choices with their points and "fails" mark), weight, N/A allowed, critical,
// fatal, and the condition (an earlier scored question and the answers that show this one).
// Every edit emits changed(); question() returns the question as edited.
class QuestionProperties final : public QWidget
{
    Q_OBJECT

public:
    explicit QuestionProperties(QWidget *parent = nullptr);

    // `earlier`: the scored questions before this one, which a condition may refer to.
    void setQuestion(const Question &question, const QVector<Question> &earlier);
    Question question() const;

signals:
    void changed();

private:
    void kindChanged();
    void addChoice();
    void removeChoice();
    void emitChanged();

    QLineEdit *m_id;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_guidance;
    QComboBox *m_kind;
    QSpinBox *m_scaleMax;
    QTableWidget *m_choices;
    QDoubleSpinBox *m_weight;
    QCheckBox *m_allowNa;
    QCheckBox *m_critical;
    QCheckBox *m_fatal;
    QComboBox *m_conditionQuestion;
    QLineEdit *m_conditionValues;
    bool m_loading = false;
};

} // namespace cv
