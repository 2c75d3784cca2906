#pragma once

#include "catalog/database.h"
#include "common/result.h"
#include "search/searchcursor.h"
#include "search/searchquery.h"
#include "search/searchscope.h"
#include "search/searchsort.h"

#include <QString>
#include <QUuid>
#include <QVariantList>

namespace cv {

// A statement of the search engine: constant SQL fragments joined with '?' placeholders,
// and the values to bind to them in order. No value ever becomes SQL text; the only
// variable parts of the text are the number of placeholders of a list filter and the
// fragments chosen by enums and the query's shape (dialect, sort key and order, phone match,
// sentiment label, SQLite's driving index: constant index names).
struct SearchStatement
{
    QString sql;
    QVariantList values;
};

// Builds the SELECT of a result page and the COUNT of a search (internal to core/search;
// tests use it to EXPLAIN the statements).
class SearchSqlBuilder final
{
public:
    SearchSqlBuilder(Database::Kind kind, SearchScope scope, SentimentBands bands);

    // The page after `after` (nullptr: the first page), `limit` rows. The query must be
    // valid (SearchQuery::validate()).
    Result<SearchStatement> page(const SearchQuery &query, const SearchSort &sort,
                                 const SearchCursor *after, int limit) const;
    Result<SearchStatement> count(const SearchQuery &query) const;

    // The number of columns page() selects, in SearchHit order.
    static constexpr int kPageColumns = 13;

private:
    Result<void> addFilters(const SearchQuery &query, SearchStatement *statement,
                            QStringList *where) const;
    // hasEvaluation and the score range: one subquery on evaluations (searchsql.cpp says
    // which form when).
    void addEvaluationFilter(const SearchQuery &query, SearchStatement *statement,
                             QStringList *where) const;
    // "recordings r", in SQLite with the index that drives the query (searchsql.cpp).
    QString recordingsTable(const SearchQuery &query, const SearchSort *sort) const;
    void addKeyset(const SearchSort &sort, const SearchCursor &after, SearchStatement *statement,
                   QStringList *where) const;

    Database::Kind m_kind;
    SearchScope m_scope;
    SentimentBands m_bands;
};

} // namespace cv
