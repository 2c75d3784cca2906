#include "audittrailmodel.h"

#include "audit/auditbrowser.h"
#include "search/recordingtext.h"

namespace cv {

AuditTrailModel::AuditTrailModel(Database &db, Principal principal, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_principal(std::move(principal)), m_thread(this, QStringLiteral("audit"))
{
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Details)
        return row.details;
    if (role == Qt::UserRole)
        return row.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return RecordingText::dateTime(QDateTime::fromMSecsSinceEpoch(row.atMs, Qt::UTC));
    case Actor:
        return row.actor;
    case Action:
        return row.action;
    case Target:
        return row.target;
    case Outcome:
        return row.allowed ? tr("allowed") : tr("denied");
    case Host:
        return row.host;
    case Program:
        return row.program;
    case Details:
        return row.details;
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("User");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Outcome:
        return tr("Result");
    case Host:
        return tr("Host");
    case Program:
        return tr("Program");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

bool AuditTrailModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void AuditTrailModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(m_rows.constLast().id);
}

void AuditTrailModel::search(const AuditFilter &filter)
{
    ++m_generation;
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_atEnd = false;
    endResetModel();
    load(0);
}

void AuditTrailModel::load(qint64 beforeId)
{
    m_loading = true;
    emit loadingChanged(true);
    const quint64 generation = m_generation;
    m_thread.run<QVector<AuditRow>>(
        [db = &m_db, principal = m_principal, filter = m_filter, beforeId] {
            return AuditBrowser(*db, principal).page(filter, beforeId, kPageSize);
        },
        [this, generation](Result<QVector<AuditRow>> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                m_atEnd = true;
                emit loadingChanged(false);
                emit searchFailed(page.errorMessage());
                return;
            }
            m_atEnd = page->size() < kPageSize;
            if (!page->isEmpty()) {
                const int first = static_cast<int>(m_rows.size());
                beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
                m_rows += page.value();
                endInsertRows();
            }
            emit loadingChanged(false); // after the rows: listeners see the new count
        });
}

const AuditRow *AuditTrailModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

} // namespace cv
