#pragma once

#include "qa/evaluationanswers.h"
#include "qa/evaluationform.h"
#include "qa/scoreengine.h"

#include <QMap>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace cv {

class QuestionEditor;

// The evaluation pane that sits beside the player (issue 6, "Evaluating"): one form version's
// sections and questions, answered in place; conditional questions appear and disappear as
// earlier answers change; the score (per section and total, with critical and fatal
// failures) is recomputed by ScoreEngine on every change; each answer can carry a comment and
// be pinned to the player's position, and clicking a pin asks the player to seek there
// (seekRequested). Saving and submitting belong to the evaluation workflow; this pane only
// edits answers (answers() / setAnswers()).
class EvaluationPane final : public QWidget
{
    Q_OBJECT

public:
    explicit EvaluationPane(QWidget *parent = nullptr);

    // Where pins come from: the player's position, or nothing when no call is open.
    void setPositionSource(std::function<std::optional<qint64>()> position) { m_position = std::move(position); }
    void setForm(const EvaluationForm &form); // clears the answers
    const EvaluationForm &form() const { return m_form; }
    // False (nothing changed) for answers given against another form or version.
    bool setAnswers(const EvaluationAnswers &answers);
    EvaluationAnswers answers() const;
    const ScoreResult &score() const { return m_score; }
    void setReadOnly(bool readOnly);
    QuestionEditor *editor(const QString &questionId) const { return m_editors.value(questionId); }

signals:
    void answersChanged();
    void seekRequested(qint64 ms);

private:
    void clear();
    void rescore();
    QString scoreText() const;

    EvaluationForm m_form;
    ScoreResult m_score;
    std::function<std::optional<qint64>()> m_position;
    QMap<QString, QuestionEditor *> m_editors;
    QMap<QString, QLabel *> m_sectionScores;
    QVBoxLayout *m_body;
    QLabel *m_title;
    QLabel *m_total;
    QLineEdit *m_comment;
    bool m_loading = false;
};

} // namespace cv
