#pragma once

#include "auth/principal.h"
#include "common/catalogthread.h"
#include "common/result.h"
#include "qa/workqueue.h"

#include <QUuid>
#include <QVector>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace cv {

class Database;
class WorkQueueModel;

// "My queue" for an evaluator (docs/qa-workflow.md, "Sampling and work queues"): the calls
// sampling rules assigned to them, by deadline, with the call's start, agent and duration,
// the rule, the form, the deadline and the state ("overdue" in words), and Refresh.
// Activating a row (double-click, Enter) emits itemActivated; whoever shows the player
// starts the item (WorkQueue::start). Loading runs on a catalog thread of its own.
class WorkQueueView final : public QWidget
{
    Q_OBJECT

public:
    // Runs on the view's catalog thread; returns the rows to show.
    using Loader = std::function<Result<QVector<WorkItemView>>()>;

    // The caller's queue: WorkQueue(db).mine(principal).
    WorkQueueView(Database &db, Principal principal, QWidget *parent = nullptr);
    // Any queue (a rule's items for a supervisor, a test's rows).
    explicit WorkQueueView(Loader loader, QWidget *parent = nullptr);
    ~WorkQueueView() override;

    // Loads again (off the GUI thread); loaded() when the rows are on screen.
    void refresh();
    WorkQueueModel *model() const { return m_model; }
    // Emits itemActivated for a row (what a double-click does).
    void activateRow(int row);

signals:
    void itemActivated(qint64 workItemId, QUuid recordingId);
    void loaded(bool ok);

private:
    void showResult(Result<QVector<WorkItemView>> rows);

    Loader m_loader;
    WorkQueueModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_refresh;
    CatalogThread m_thread; // last: it ends first
};

} // namespace cv
