#include "searchworker.h"

#include "search/usersearch.h"

#include <QPointer>

namespace cv {

SearchWorker::SearchWorker(Database &db, Principal principal, QObject *receiver)
    : m_db(db), m_principal(std::move(principal)), m_receiver(receiver)
{
    m_thread.setObjectName(QStringLiteral("search"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // The context object goes with the thread; the engine is destroyed on it too, before the
    // thread's catalog connection closes.
    QObject::connect(&m_thread, &QThread::finished, m_context, [this] {
        m_engine.reset();
        delete m_context;
    });
    m_thread.start();
}

SearchWorker::~SearchWorker()
{
    m_thread.quit();
    m_thread.wait();
}

void SearchWorker::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
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
    SearchQuery query = request.query;
    if (request.tagNames.isEmpty())
        return query;
    auto searcher = engine();
    if (!searcher)
        return searcher.error();
    auto ids = searcher.value()->tagIdsByName(request.tagNames);
    if (!ids)
        return ids.error();
    query.tagIds = ids.value();
    return query;
}

namespace {

// Hands `result` to `handler` on the receiver's thread, unless the receiver is gone.
template <typename T>
void deliver(QObject *receiver, std::function<void(Result<T>)> handler, Result<T> result)
{
    QPointer<QObject> alive(receiver);
    QMetaObject::invokeMethod(
        receiver,
        [alive, handler = std::move(handler), result = std::move(result)]() mutable {
            if (alive)
                handler(std::move(result));
        },
        Qt::QueuedConnection);
}

} // namespace

void SearchWorker::firstPage(const SearchRequest &request, const SearchSort &sort, int pageSize,
                             PageHandler done)
{
    post([this, request, sort, pageSize, done = std::move(done)]() mutable {
        auto query = resolveTags(request);
        auto searcher = engine();
        Result<SearchPage> page = !query      ? Result<SearchPage>(query.error())
                                  : !searcher ? Result<SearchPage>(searcher.error())
                                              : searcher.value()->firstPage(query.value(), sort, pageSize);
        deliver(m_receiver, std::move(done), std::move(page));
    });
}

void SearchWorker::nextPage(const SearchCursor &cursor, PageHandler done)
{
    post([this, cursor, done = std::move(done)]() mutable {
        auto searcher = engine();
        Result<SearchPage> page = searcher ? searcher.value()->nextPage(cursor)
                                           : Result<SearchPage>(searcher.error());
        deliver(m_receiver, std::move(done), std::move(page));
    });
}

void SearchWorker::count(const SearchRequest &request, std::shared_ptr<std::atomic<bool>> cancel,
                         CountHandler done)
{
    post([this, request, cancel = std::move(cancel), done = std::move(done)]() mutable {
        Result<qint64> counted = makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        if (!cancel->load()) {
            auto query = resolveTags(request);
            auto searcher = engine();
            counted = !query      ? Result<qint64>(query.error())
                      : !searcher ? Result<qint64>(searcher.error())
                                  : searcher.value()->count(query.value(), cancel.get());
        }
        deliver(m_receiver, std::move(done), std::move(counted));
    });
}

} // namespace cv
