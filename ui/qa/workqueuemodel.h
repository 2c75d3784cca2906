#pragma once

#include "qa/workqueue.h"

#include <QAbstractTableModel>
#include <QVector>

namespace cv {

// The rows of a work queue (WorkQueue::mine or ofRule) for a table: the call's start, agent
// and duration, the rule, the form, the deadline and the state, "overdue" spelled out in the
// state column (not only a colour). The whole queue is handed over at once: a queue is
// an evaluator's week of work, not a catalog.
class WorkQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Started = 0,
        Agent,
        Duration,
        Rule,
        Form,
        Deadline,
        State,
        ColumnCount
    };

    explicit WorkQueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setItems(QVector<WorkItemView> items);
    const WorkItemView *itemAt(int row) const;

    static QString stateText(const WorkItemView &item);

private:
    QVector<WorkItemView> m_items;
};

} // namespace cv
