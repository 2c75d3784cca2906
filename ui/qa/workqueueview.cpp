#include "qa/workqueueview.h"

#include "qa/workqueuemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cv {

WorkQueueView::WorkQueueView(Database &db, Principal principal, QWidget *parent)
    : WorkQueueView(
          [db = &db, principal = std::move(principal)]() { return WorkQueue(*db).mine(principal); },
          parent)
{
}

WorkQueueView::WorkQueueView(Loader loader, QWidget *parent)
    : QWidget(parent), m_loader(std::move(loader)), m_model(new WorkQueueModel(this)),
      m_table(new QTableView(this)), m_status(new QLabel(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)),
      m_thread(this, QStringLiteral("CallVault work queue"))
{
    setObjectName(QStringLiteral("workQueueView"));
    m_table->setObjectName(QStringLiteral("workQueueTable"));
    m_status->setObjectName(QStringLiteral("workQueueStatus"));
    m_refresh->setObjectName(QStringLiteral("workQueueRefresh"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Calls to evaluate"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("My queue: calls to evaluate, by deadline"), this), 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &WorkQueueView::refresh);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    refresh();
}

WorkQueueView::~WorkQueueView() = default;

void WorkQueueView::refresh()
{
    m_refresh->setEnabled(false);
    m_status->setText(tr("Loading…"));
    m_thread.run<QVector<WorkItemView>>(
        [loader = m_loader]() { return loader(); },
        [this](Result<QVector<WorkItemView>> rows) { showResult(std::move(rows)); });
}

void WorkQueueView::showResult(Result<QVector<WorkItemView>> rows)
{
    m_refresh->setEnabled(true);
    if (!rows) {
        m_model->setItems({});
        m_status->setText(tr("The queue could not be read: %1").arg(rows.errorMessage()));
        emit loaded(false);
        return;
    }
    int overdue = 0;
    for (const WorkItemView &v : rows.value())
        overdue += v.overdue ? 1 : 0;
    const int total = static_cast<int>(rows->size());
    m_model->setItems(rows.takeValue());
    if (total == 0)
        m_status->setText(tr("Nothing to evaluate."));
    else if (overdue == 0)
        m_status->setText(tr("Calls in the queue: %1.").arg(total));
    else
        m_status->setText(tr("Calls in the queue: %1, overdue: %2.").arg(total).arg(overdue));
    emit loaded(true);
}

void WorkQueueView::activateRow(int row)
{
    if (const WorkItemView *v = m_model->itemAt(row))
        emit itemActivated(v->item.id, v->item.recordingId);
}

} // namespace cv
