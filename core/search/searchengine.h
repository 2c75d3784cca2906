#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "search/searchcursor.h"
#include "search/searchquery.h"
#include "search/searchresult.h"
#include "search/searchscope.h"
#include "search/searchsort.h"

#include <QStringList>
#include <atomic>

namespace cv {

class Database;

// Finds recordings in the catalog (docs/search.md): filters (SearchQuery), an order
// (SearchSort), keyset pages (SearchCursor) and a separate, cancellable count, all
// restricted in SQL to the searcher's SearchScope.
//
// Every call that reads the catalog (first page, next page, count) first appends an audit
// row: action 'recording.search', details = JSON {"op": "first"|"next"|"count",
// "filters": SearchQuery::toJson(), "sort", "pageSize", "scope"} — the filters, never the
// results. A search whose audit row cannot be written does not run. An invalid query
// (SearchQuery::validate) is refused with ErrorCode::InvalidArgument before anything
// touches the catalog, and is not audited.
//
// Works on the calling thread's connection (Database gives each thread its own), outside
// of any transaction.
class SearchEngine final
{
public:
    struct Options
    {
        SentimentBands bands;
        int maxPageSize = 1000;
    };

    // `audit` names who searches (actor, host, program); action, target and details are
    // filled per search.
    SearchEngine(Database &db, SearchScope scope, AuditEvent audit);
    SearchEngine(Database &db, SearchScope scope, AuditEvent audit, Options options);

    const SearchScope &scope() const { return m_scope; }
    const Options &options() const { return m_options; }

    Result<SearchPage> firstPage(const SearchQuery &query, const SearchSort &sort, int pageSize);
    Result<SearchPage> nextPage(const SearchCursor &cursor);
    // The number of recordings the query matches in this scope. `cancel` (may be null):
    // setting it from another thread stops the count soon after, with ErrorCode::Cancelled.
    Result<qint64> count(const SearchQuery &query, const std::atomic<bool> *cancel = nullptr);

    // The ids of tags by name (for a command line), with the tag name rules (TagName: ASCII
    // letters ignore case); InvalidArgument for a text that is no tag name, NotFound names
    // the first unknown one.
    Result<QVector<qint64>> tagIdsByName(const QStringList &names);

private:
    Result<void> validate(const SearchQuery &query) const;
    Result<void> audit(const QString &op, const SearchQuery &query, const SearchSort *sort,
                       int pageSize);
    Result<SearchPage> runPage(const SearchQuery &query, const SearchSort &sort, int pageSize,
                               const SearchCursor *after);

    Database &m_db;
    SearchScope m_scope;
    AuditEvent m_audit;
    Options m_options;
};

} // namespace cv
