#include "searchresultmodel.h"

#include "recordingtext.h"

namespace cv {

SearchResultModel::SearchResultModel(Database &db, Principal principal, QObject *parent)
    : QAbstractTableModel(parent), m_pages(db, principal, this), m_counter(db, principal, this)
{
}

SearchResultModel::~SearchResultModel()
{
    cancelCount();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SearchResultModel::displayText(const SearchHit &hit, int column) const
{
    switch (column) {
    case Started:
        return RecordingText::dateTime(hit.startedAt);
    case Duration:
        return RecordingText::duration(hit.durationMs);
    case Direction:
        return RecordingText::direction(hit.direction);
    case Agent:
        return hit.agentName.isEmpty() ? hit.agentId : tr("%1 (%2)").arg(hit.agentName, hit.agentId);
    case Team:
        return hit.team;
    case Phone:
        return hit.customerPhone;
    case Sentiment:
        return RecordingText::sentiment(hit.sentiment);
    case Status:
        return RecordingText::status(hit.status);
    case Tier:
        return hit.tier;
    case Size:
        return RecordingText::size(hit.sizeBytes);
    default:
        return {};
    }
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(hit, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Duration || index.column() == Size || index.column() == Sentiment)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RecordingIdRole:
        return hit.id;
    default:
        return {};
    }
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Sentiment:
        return tr("Sentiment");
    case Status:
        return tr("Status");
    case Tier:
        return tr("Tier");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

bool SearchResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_next.has_value() && !m_loading;
}

void SearchResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_pages.nextPage(*m_next, [this, generation](Result<SearchPage> page) {
        pageArrived(generation, std::move(page));
    });
}

bool SearchResultModel::isSortable(int column)
{
    return column == Started || column == Duration || column == Sentiment;
}

void SearchResultModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    SearchSort sort;
    sort.key = column == Duration    ? SearchSort::Key::Duration
               : column == Sentiment ? SearchSort::Key::Sentiment
                                     : SearchSort::Key::Time;
    sort.order = order == Qt::AscendingOrder ? SearchSort::Order::Ascending : SearchSort::Order::Descending;
    if (sort == m_sort)
        return;
    m_sort = sort;
    if (m_searched)
        startFirstPage(); // the same rows in another order: the count stands
}

void SearchResultModel::search(const SearchRequest &request)
{
    m_request = request;
    m_searched = true;
    startFirstPage();
    startCount();
}

void SearchResultModel::startFirstPage()
{
    ++m_generation;
    beginResetModel();
    m_hits.clear();
    m_next.reset();
    endResetModel();
    setLoading(true);
    const quint64 generation = m_generation;
    m_pages.firstPage(m_request, m_sort, m_pageSize, [this, generation](Result<SearchPage> page) {
        pageArrived(generation, std::move(page));
    });
}

void SearchResultModel::startCount()
{
    cancelCount();
    m_total = -1;
    emit totalCountChanged(m_total);
    m_countCancel = std::make_shared<std::atomic<bool>>(false);
    const auto cancel = m_countCancel;
    m_counter.count(m_request, cancel, [this, cancel](Result<qint64> counted) {
        if (cancel != m_countCancel)
            return; // a newer search replaced this count
        m_countCancel.reset();
        if (!counted) {
            if (counted.error().code != ErrorCode::Cancelled)
                emit searchFailed(counted.errorMessage());
            return;
        }
        m_total = counted.value();
        emit totalCountChanged(m_total);
    });
}

void SearchResultModel::cancelCount()
{
    if (m_countCancel)
        m_countCancel->store(true);
    m_countCancel.reset();
}

void SearchResultModel::pageArrived(quint64 generation, Result<SearchPage> page)
{
    if (generation != m_generation)
        return; // an answer for a search that has since been replaced
    setLoading(false);
    if (!page) {
        m_next.reset();
        emit searchFailed(page.errorMessage());
        return;
    }
    m_next = page->next;
    if (page->hits.isEmpty())
        return;
    const int firstRow = static_cast<int>(m_hits.size());
    beginInsertRows({}, firstRow, firstRow + static_cast<int>(page->hits.size()) - 1);
    m_hits += page->hits;
    endInsertRows();
}

void SearchResultModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

const SearchHit *SearchResultModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

} // namespace cv
