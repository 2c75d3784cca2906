#pragma once

#include "auth/principal.h"
#include "search/searchengine.h"
#include "search/searchquery.h"
#include "search/searchresult.h"

#include "common/catalogthread.h"

#include <QObject>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace cv {

class Database;

// What the search panel asks for: the filters plus the tag names typed, which become tag
// ids on the worker thread (SearchEngine::tagIdsByName reads the catalog).
struct SearchRequest
{
    SearchQuery query;
    QStringList tagNames;
};

// Runs searches for one logged-in person on a CatalogThread. The engine (UserSearch:
// permission, scope, audit) is made on that thread on first use and lives there. Results
// come back as callbacks on `receiver`'s thread.
class SearchWorker final
{
public:
    using PageHandler = std::function<void(Result<SearchPage>)>;
    using CountHandler = std::function<void(Result<qint64>)>;

    SearchWorker(Database &db, Principal principal, QObject *receiver);
    SearchWorker(const SearchWorker &) = delete;
    SearchWorker &operator=(const SearchWorker &) = delete;

    void firstPage(const SearchRequest &request, const SearchSort &sort, int pageSize,
                   PageHandler done);
    void nextPage(const SearchCursor &cursor, PageHandler done);
    // Setting *cancel stops the count soon after (ErrorCode::Cancelled).
    void count(const SearchRequest &request, std::shared_ptr<std::atomic<bool>> cancel,
               CountHandler done);

private:
    Result<SearchEngine *> engine();
    // The engine (made on first use) and the request's tag names as tag ids.
    Result<SearchQuery> resolveTags(const SearchRequest &request);

    Database &m_db;
    Principal m_principal;
    std::optional<SearchEngine> m_engine; // touched on the thread only
    CatalogThread m_thread;               // last: it ends (and drops the engine) first
};

} // namespace cv

Q_DECLARE_METATYPE(cv::SearchRequest)
