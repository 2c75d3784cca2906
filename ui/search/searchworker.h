#pragma once

#include "auth/principal.h"
#include "search/searchengine.h"
#include "search/searchquery.h"
#include "search/searchresult.h"

#include <QObject>
#include <QStringList>
#include <QThread>
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

// Runs searches for one logged-in person on a thread of its own, so that no catalog round
// trip ever runs on the GUI thread. The engine (UserSearch: permission, scope, audit) is
// made on that thread on first use and lives there; Database gives the thread its own
// connection. Results come back as callbacks queued to `receiver`'s thread, and are dropped
// if `receiver` is gone by then.
class SearchWorker final
{
public:
    using PageHandler = std::function<void(Result<SearchPage>)>;
    using CountHandler = std::function<void(Result<qint64>)>;

    SearchWorker(Database &db, Principal principal, QObject *receiver);
    ~SearchWorker(); // waits for the running call to end
    SearchWorker(const SearchWorker &) = delete;
    SearchWorker &operator=(const SearchWorker &) = delete;

    void firstPage(const SearchRequest &request, const SearchSort &sort, int pageSize,
                   PageHandler done);
    void nextPage(const SearchCursor &cursor, PageHandler done);
    // Setting *cancel stops the count soon after (ErrorCode::Cancelled).
    void count(const SearchRequest &request, std::shared_ptr<std::atomic<bool>> cancel,
               CountHandler done);

private:
    // Runs `job` on the worker thread.
    void post(std::function<void()> job);
    Result<SearchEngine *> engine();
    Result<SearchQuery> resolveTags(const SearchRequest &request);

    Database &m_db;
    Principal m_principal;
    QObject *m_receiver;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread: queued jobs run there
    std::optional<SearchEngine> m_engine; // touched on m_thread only
};

} // namespace cv

Q_DECLARE_METATYPE(cv::SearchRequest)
