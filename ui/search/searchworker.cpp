#include "searchworker.h"

#include "search/usersearch.h"


namespace cv {

SearchWorker::SearchWorker(Database &db, Principal principal, QObject *receiver)
    : m_db(db), m_principal(std::move(principal)), m_thread(receiver, QStringLiteral("search"), [this] { m_engine.reset(); })
{
}

Result<SearchEngine *> SearchWorker::engine()
{
    if (!m_engine) {
        auto opened = UserSearch::open(m_db, m_principal);
        if (!opened)
            return opened.error();
        m_engine.emplace(opened.takeValue());
    }
    return &*m_engine;
}

Result<SearchQuery> SearchWorker::resolveTags(const SearchRequest &request)
{
    auto searcher = engine(); // also when there are no tags: callers rely on the engine
    if (!searcher)
        return searcher.error();
    SearchQuery query = request.query;
    if (request.tagNames.isEmpty())
        return query;
    auto ids = searcher.value()->tagIdsByName(request.tagNames);
    if (!ids)
        return ids.error();
    query.tagIds = ids.value();
    return query;
}

void SearchWorker::firstPage(const SearchRequest &request, const SearchSort &sort, int pageSize,
                             PageHandler done)
{
    m_thread.run<SearchPage>(
        [this, request, sort, pageSize]() -> Result<SearchPage> {
            auto query = resolveTags(request);
            if (!query)
                return query.error();
            return m_engine->firstPage(query.value(), sort, pageSize); // resolveTags made the engine
        },
        std::move(done));
}

void SearchWorker::nextPage(const SearchCursor &cursor, PageHandler done)
{
    m_thread.run<SearchPage>(
        [this, cursor]() -> Result<SearchPage> {
            auto searcher = engine();
            if (!searcher)
                return searcher.error();
            return searcher.value()->nextPage(cursor);
        },
        std::move(done));
}

void SearchWorker::count(const SearchRequest &request, std::shared_ptr<std::atomic<bool>> cancel,
                         CountHandler done)
{
    m_thread.run<qint64>(
        [this, request, cancel]() -> Result<qint64> {
            if (cancel->load()) // replaced before it started
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
            auto query = resolveTags(request);
            if (!query)
                return query.error();
            return m_engine->count(query.value(), cancel.get()); // resolveTags made the engine
        },
        std::move(done));
}

} // namespace cv
