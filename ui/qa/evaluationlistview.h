#pragma once

#include "common/result.h"
#include "qa/evaluationrepository.h"

#include <QUuid>
#include <QVector>
#include <QWidget>
#include <functional>

class QLabel;
class QTableWidget;

namespace cv {

// A list of evaluations with their call, agent, form, evaluator, state, score and deadline
// (overdue ones say so in words): an agent's own evaluations, a supervisor's open disputes.
// What it lists comes from the loader it is given; opening one (double click or Enter)
// emits evaluationActivated, and the main window opens the call and the evaluation.
class EvaluationListView final : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        Call,
        Agent,
        Form,
        Evaluator,
        State,
        Score,
        Deadline,
        ColumnCount
    };
    using Loader = std::function<Result<QVector<EvaluationRow>>()>;

    EvaluationListView(const QString &emptyText, Loader loader, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    QString statusText() const;

signals:
    void evaluationActivated(qint64 evaluationId, const QUuid &recordingId);

private:
    void activateRow(int row);

    QString m_emptyText;
    Loader m_loader;
    QVector<EvaluationRow> m_rows;
    QTableWidget *m_table;
    QLabel *m_status;
};

} // namespace cv
