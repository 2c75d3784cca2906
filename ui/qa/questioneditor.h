#pragma once

#include "qa/answer.h"
#include "qa/evaluationanswers.h"
#include "qa/evaluationform.h"

#include <QWidget>
#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace cv {

// One question of an evaluation form as the evaluator answers it: the question (critical and
// fatal marked, guidance as a tooltip), the input its kind needs (yes/no, 1..N, a choice, free
// text), N/A where the form allows it, a comment, and a pin: "Pin" takes the player's current
// position (from `position`), and the chip with the time seeks there when clicked.
// Child object names end in the question id: answer_<id>, na_<id>, comment_<id>, pin_<id>,
// pinChip_<id> (tests and screenshots find them).
class QuestionEditor final : public QWidget
{
    Q_OBJECT

public:
    QuestionEditor(const Question &question, std::function<std::optional<qint64>()> position,
                   QWidget *parent = nullptr);

    const QString &questionId() const { return m_question.id; }
    std::optional<Answer> answer() const;
    AnswerNote note() const;
    void setAnswer(const std::optional<Answer> &answer);
    void setNote(const AnswerNote &note);
    void setReadOnly(bool readOnly);
    // Shows what the score engine says about this answer (empty: nothing to say).
    void setProblem(const QString &problem);

    // Pins the answer to `ms` (the Pin button does it with the player's position).
    void pinAt(qint64 ms);

signals:
    void changed();
    void seekRequested(qint64 ms);

private:
    void buildInput();
    void pinHere();
    void unpin();
    void updateChip();

    Question m_question;
    std::function<std::optional<qint64>()> m_position;
    std::optional<qint64> m_pinnedMs;
    QButtonGroup *m_buttons = nullptr; // yes/no and scale: button id = answer value
    QComboBox *m_choice = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QCheckBox *m_na = nullptr;
    QLineEdit *m_comment = nullptr;
    QToolButton *m_pin = nullptr;
    QToolButton *m_chip = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cv
