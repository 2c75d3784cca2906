#include "qa/workqueuemodel.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>

namespace cv {

namespace {

QString utcMinutes(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

WorkQueueModel::WorkQueueModel(QObject *parent) : QAbstractTableModel(parent) {}

int WorkQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int WorkQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkQueueModel::stateText(const WorkItemView &item)
{
    QString state;
    switch (item.state) {
    case WorkItemState::Open:
        state = tr("Open");
        break;
    case WorkItemState::InProgress:
        state = tr("In progress");
        break;
    case WorkItemState::Done:
        state = tr("Done");
        break;
    }
    return item.overdue ? tr("%1, overdue").arg(state) : state;
}

QVariant WorkQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const WorkItemView &v = m_items.at(index.row());
    const WorkItemRow &i = v.item;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Started:
            return utcMinutes(i.startedAtMs);
        case Agent:
            return i.agentId.isEmpty() ? tr("(unknown)") : i.agentId;
        case Duration:
            return duration(i.durationMs);
        case Rule:
            return i.ruleName;
        case Form:
            return tr("%1 v%2").arg(i.formId).arg(i.formVersion);
        case Deadline:
            return utcMinutes(i.deadlineAtMs);
        case State:
            return stateText(v);
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && v.overdue &&
        (index.column() == State || index.column() == Deadline)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && v.overdue && index.column() == State)
        return QBrush(Qt::darkRed);
    if (role == Qt::ToolTipRole && v.overdue)
        return tr("The deadline has passed and the evaluation is not submitted.");
    return {};
}

QVariant WorkQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Call start");
    case Agent:
        return tr("Agent");
    case Duration:
        return tr("Duration");
    case Rule:
        return tr("Rule");
    case Form:
        return tr("Form");
    case Deadline:
        return tr("Deadline");
    case State:
        return tr("State");
    default:
        return {};
    }
}

void WorkQueueModel::setItems(QVector<WorkItemView> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const WorkItemView *WorkQueueModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

} // namespace cv
