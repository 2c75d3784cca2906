#pragma once

#include "common/result.h"
#include "search/searchquery.h"
#include "search/searchsort.h"

#include <QString>
#include <QUuid>
#include <optional>

namespace cv {

// Where the next page of a search starts: the query, the order and the page size, plus the
// sort key and id of the last row shown (keyset pagination). The next page holds the rows
// strictly after that (key, id) in the order, so rows inserted or deleted meanwhile never
// make a page repeat or skip a row that was there before.
//
// As text (toToken) it is opaque to people and scripts: "cv1." + base64url(JSON). A token
// is validated like any input when read back; the searcher's scope is not part of it (the
// engine applies its own), so a hand-made token can ask nothing a query could not.
class SearchCursor final
{
public:
    static constexpr int kMaxTokenLength = 16 * 1024;

    // `lastKey`: started_at / duration in ms, or the sentiment (nullopt: the last row had
    // none, so the page ended among the recordings without sentiment).
    struct Key
    {
        qint64 integer = 0;
        std::optional<double> sentiment;
    };

    SearchCursor(SearchQuery query, SearchSort sort, int pageSize, Key lastKey, QUuid lastId);

    const SearchQuery &query() const { return m_query; }
    const SearchSort &sort() const { return m_sort; }
    int pageSize() const { return m_pageSize; }
    const Key &lastKey() const { return m_lastKey; }
    const QUuid &lastId() const { return m_lastId; }

    QString toToken() const;
    // InvalidArgument ("This page link is not valid...") for anything that is not a token
    // made by toToken() with valid contents.
    static Result<SearchCursor> fromToken(const QString &token, int maxPageSize);

private:
    SearchQuery m_query;
    SearchSort m_sort;
    int m_pageSize;
    Key m_lastKey;
    QUuid m_lastId;
};

} // namespace cv
