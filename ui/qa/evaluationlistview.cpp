#include "qa/evaluationlistview.h"

#include "qa/evaluationtext.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cv {

EvaluationListView::EvaluationListView(const QString &emptyText, Loader loader, QWidget *parent)
    : QWidget(parent),
      m_emptyText(emptyText),
      m_loader(std::move(loader)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("evaluationTable"));
    m_status->setObjectName(QStringLiteral("evaluationListStatus"));
    m_table->setHorizontalHeaderLabels({tr("Call"), tr("Agent"), tr("Form"), tr("Evaluator"), tr("State"),
                                        tr("Score"), tr("Deadline")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshEvaluationsButton"));
    auto *open = new QPushButton(tr("Open"), this);
    open->setObjectName(QStringLiteral("openEvaluationButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(refresh);
    buttons->addWidget(open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &EvaluationListView::reload);
    connect(open, &QPushButton::clicked, this, [this] { activateRow(m_table->currentRow()); });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { activateRow(row); });
}

QString EvaluationListView::statusText() const
{
    return m_status->text();
}

void EvaluationListView::reload()
{
    m_table->setRowCount(0);
    auto rows = m_loader();
    if (!rows) {
        m_rows.clear();
        m_status->setText(tr("Could not load: %1").arg(rows.error().message));
        return;
    }
    m_rows = rows.takeValue();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_table->setRowCount(int(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i) {
        const EvaluationRow &row = m_rows.at(i);
        const QStringList cells{EvaluationText::time(row.startedAtMs),
                                row.agentId,
                                tr("%1 v%2").arg(row.formId).arg(row.formVersion),
                                row.evaluator,
                                EvaluationText::state(row.state),
                                EvaluationText::score(row.score),
                                EvaluationText::deadline(row.deadlineAtMs, now)};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(i, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    m_status->setText(m_rows.isEmpty() ? m_emptyText : tr("%n evaluation(s)", nullptr, int(m_rows.size())));
}

void EvaluationListView::activateRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    emit evaluationActivated(m_rows.at(row).id, m_rows.at(row).recordingId);
}

} // namespace cv
