#include "recordinglistmodel.h"

#include "catalog/agentrepository.h"
#include "catalog/recordingrepository.h"

#include <QLocale>

namespace cv {

RecordingListModel::RecordingListModel(Database &db, QObject *parent) : QAbstractTableModel(parent), m_db(db) {}

int RecordingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecordingListModel::displayText(const RecordingRow &r, int column) const
{
    switch (column) {
    case Started:
        return QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat);
    case Duration: {
        const qint64 s = r.durationMs / 1000;
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    case Direction:
        switch (r.direction) {
        case cv::Direction::Inbound:
            return tr("Inbound");
        case cv::Direction::Outbound:
            return tr("Outbound");
        case cv::Direction::Internal:
            return tr("Internal");
        }
        return {};
    case Agent: {
        const auto agent = m_agents.constFind(r.agentId);
        return agent == m_agents.constEnd() || agent->name.isEmpty() ? r.agentId
                                                                      : QStringLiteral("%1 (%2)").arg(agent->name, r.agentId);
    }
    case Team:
        return m_agents.value(r.agentId).team;
    case Phone:
        return r.customerPhone;
    case Status:
        switch (r.status) {
        case RecordingStatus::Normal:
            return tr("Complete");
        case RecordingStatus::Unfinished:
            return tr("Unfinished");
        case RecordingStatus::Recovered:
            return tr("Recovered");
        }
        return {};
    default:
        return {};
    }
}

QVariant RecordingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordingRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return displayText(r, index.column());
    if (role == Qt::TextAlignmentRole && index.column() == Duration)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return r.id;
    return {};
}

QVariant RecordingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Direction:
        return tr("Direction");
    case Agent:
        return tr("Agent");
    case Team:
        return tr("Team");
    case Phone:
        return tr("Customer phone");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

bool RecordingListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

Result<QVector<RecordingRow>> RecordingListModel::loadPage()
{
    auto page = RecordingRepository(m_db).list(kPageSize, static_cast<int>(m_rows.size()));
    if (!page) {
        m_atEnd = true;
        m_lastError = page.errorMessage();
        return page;
    }
    if (page->size() < kPageSize)
        m_atEnd = true;
    return page;
}

void RecordingListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    auto page = loadPage();
    if (!page) {
        emit loadFailed(m_lastError);
        return;
    }
    if (page->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows += page.value();
    endInsertRows();
}

void RecordingListModel::reload()
{
    // The first page is loaded inside the reset, so views see one consistent change.
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_lastError.clear();
    m_agents.clear();
    if (auto agents = AgentRepository(m_db).list(); agents) {
        for (const AgentRow &agent : agents.value())
            m_agents.insert(agent.agentId, agent);
    }
    auto page = loadPage();
    if (page)
        m_rows = page.value();
    endResetModel();
    if (!page)
        emit loadFailed(m_lastError);
}

const RecordingRow *RecordingListModel::recordingAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

} // namespace cv
