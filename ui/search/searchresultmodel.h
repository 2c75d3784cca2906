#pragma once

#include "search/searchresult.h"
#include "search/searchsort.h"
#include "searchworker.h"

#include <QAbstractTableModel>
#include <QVector>
#include <atomic>
#include <memory>
#include <optional>

namespace cv {

// The results of one search, fetched a keyset page at a time as the view scrolls
// (canFetchMore/fetchMore), with the total counted separately. Every catalog call runs on
// SearchWorker threads: the model only ever appends rows that have arrived, so the view
// never waits for the catalog. A new search, or a new order (sort()), starts over and drops
// any answer still on its way for the old one; a count still running is cancelled.
class SearchResultModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Started = 0,
        Duration,
        Direction,
        Agent,
        Team,
        Phone,
        Sentiment,
        Status,
        Tier,
        Size,
        ColumnCount
    };
    static constexpr int kDefaultPageSize = 200;
    // The hit's recording id (QUuid) under this role, in every column.
    static constexpr int RecordingIdRole = Qt::UserRole + 1;

    SearchResultModel(Database &db, Principal principal, QObject *parent = nullptr);
    ~SearchResultModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Time, duration and sentiment can be sorted (in the catalog); other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    void setPageSize(int rows) { m_pageSize = rows; }

    // Starts the search: clears the rows, loads the first page and counts.
    void search(const SearchRequest &request);
    const SearchRequest &request() const { return m_request; }
    SearchSort currentSort() const { return m_sort; }
    const SearchHit *hitAt(int row) const;
    // -1 until the count has arrived.
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    bool hasSearched() const { return m_searched; }

signals:
    void loadingChanged(bool loading);
    void totalCountChanged(qint64 total);
    // A page or the count failed; `message` is for a person.
    void searchFailed(const QString &message);

private:
    void startFirstPage();
    void startCount();
    void cancelCount();
    void pageArrived(quint64 generation, Result<SearchPage> page);
    void setLoading(bool loading);
    QString displayText(const SearchHit &hit, int column) const;

    SearchWorker m_pages;
    SearchWorker m_counter; // a count may take long: it must not hold up the pages
    SearchRequest m_request;
    SearchSort m_sort;
    int m_pageSize = kDefaultPageSize;
    QVector<SearchHit> m_hits;
    std::optional<SearchCursor> m_next;
    quint64 m_generation = 0; // answers for an older search are dropped
    std::shared_ptr<std::atomic<bool>> m_countCancel;
    qint64 m_total = -1;
    bool m_loading = false;
    bool m_searched = false;
};

} // namespace cv
