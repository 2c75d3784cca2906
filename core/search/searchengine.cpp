#include "searchengine.h"

#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/transactionguard.h"
#include "search/querycanceller.h"
#include "search/searchsql.h"
#include "tags/tagrepository.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace cv {

namespace {

Q_LOGGING_CATEGORY(lcSearch, "callvault.search", QtInfoMsg)

const QLatin1String kAuditAction("recording.search");

// A prepared statement on this thread's connection with its values bound.
Result<QSqlQuery> prepareStatement(Database &db, const SearchStatement &statement)
{
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    query.setForwardOnly(true);
    if (!query.prepare(statement.sql))
        return makeError(ErrorCode::Database,
                         QStringLiteral("The catalog could not prepare the search: %1")
                             .arg(query.lastError().text().trimmed()));
    for (const QVariant &value : statement.values)
        query.addBindValue(value);
    return query;
}

Error execError(QSqlQuery &query, const QString &what)
{
    const QString why = query.lastError().text().trimmed();
    TransactionGuard::holdFailedQuery(query);
    return makeError(ErrorCode::Database, what + QStringLiteral(": ") + why);
}

Result<SearchHit> readHit(const QSqlQuery &q)
{
    SearchHit hit;
    hit.id = QUuid::fromString(q.value(0).toString());
    hit.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    hit.endedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    hit.durationMs = q.value(3).toLongLong();
    const auto direction = directionFromText(q.value(4).toString());
    hit.agentId = q.value(5).toString();
    hit.agentName = q.value(6).toString();
    hit.team = q.value(7).toString();
    hit.customerPhone = q.value(8).toString();
    if (!q.value(9).isNull())
        hit.sentiment = q.value(9).toDouble();
    const auto status = recordingStatusFromText(q.value(10).toString());
    hit.tier = q.value(11).toString();
    hit.sizeBytes = q.value(12).toLongLong();
    if (hit.id.isNull() || !direction || !status)
        return makeError(ErrorCode::Format,
                         QStringLiteral("Recording %1 in the catalog has an invalid id, "
                                        "direction or status.")
                             .arg(q.value(0).toString()));
    hit.direction = *direction;
    hit.status = *status;
    return hit;
}

SearchCursor::Key keyOf(const SearchHit &hit, SearchSort::Key key)
{
    SearchCursor::Key k;
    switch (key) {
    case SearchSort::Key::Time:
        k.integer = hit.startedAt.toMSecsSinceEpoch();
        break;
    case SearchSort::Key::Duration:
        k.integer = hit.durationMs;
        break;
    case SearchSort::Key::Sentiment:
        k.sentiment = hit.sentiment;
        break;
    }
    return k;
}

} // namespace

SearchEngine::SearchEngine(Database &db, SearchScope scope, AuditEvent audit)
    : SearchEngine(db, std::move(scope), std::move(audit), Options{})
{
}

SearchEngine::SearchEngine(Database &db, SearchScope scope, AuditEvent audit, Options options)
    : m_db(db), m_scope(std::move(scope)), m_audit(std::move(audit)), m_options(options)
{
}

Result<void> SearchEngine::validate(const SearchQuery &query) const
{
    if (auto scope = m_scope.validate(); !scope)
        return scope;
    return query.validate();
}

Result<void> SearchEngine::audit(const QString &op, const SearchQuery &query,
                                 const SearchSort *sort, int pageSize)
{
    QJsonObject details{{QStringLiteral("op"), op},
                        {QStringLiteral("filters"), query.toJson()},
                        {QStringLiteral("scope"), m_scope.toJson()}};
    if (sort) {
        details.insert(QStringLiteral("sort"), sort->toText());
        details.insert(QStringLiteral("pageSize"), pageSize);
    }
    AuditEvent event = m_audit;
    event.action = kAuditAction;
    event.target = QString();
    event.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    event.allowed = true;
    auto appended = AuditLog(m_db).append(event);
    if (!appended)
        return makeError(appended.error().code,
                         QStringLiteral("The search was not run because its audit record could "
                                        "not be written. %1")
                             .arg(appended.errorMessage()));
    return {};
}

Result<SearchPage> SearchEngine::firstPage(const SearchQuery &query, const SearchSort &sort,
                                           int pageSize)
{
    if (pageSize < 1 || pageSize > m_options.maxPageSize)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A result page holds 1 to %1 recordings.").arg(m_options.maxPageSize));
    if (auto valid = validate(query); !valid)
        return valid.error();
    if (auto audited = audit(QStringLiteral("first"), query, &sort, pageSize); !audited)
        return audited.error();
    return runPage(query, sort, pageSize, nullptr);
}

Result<SearchPage> SearchEngine::nextPage(const SearchCursor &cursor)
{
    if (cursor.pageSize() < 1 || cursor.pageSize() > m_options.maxPageSize)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A result page holds 1 to %1 recordings.").arg(m_options.maxPageSize));
    if (auto valid = validate(cursor.query()); !valid)
        return valid.error();
    if (auto audited =
            audit(QStringLiteral("next"), cursor.query(), &cursor.sort(), cursor.pageSize());
        !audited)
        return audited.error();
    return runPage(cursor.query(), cursor.sort(), cursor.pageSize(), &cursor);
}

Result<SearchPage> SearchEngine::runPage(const SearchQuery &query, const SearchSort &sort,
                                         int pageSize, const SearchCursor *after)
{
    SearchPage page;
    if (m_scope.isEmpty())
        return page;
    QElapsedTimer timer;
    timer.start();
    const SearchSqlBuilder builder(m_db.kind(), m_scope, m_options.bands);
    // One row more than the page: it tells whether a next page exists.
    auto statement = builder.page(query, sort, after, pageSize + 1);
    if (!statement)
        return statement.error();
    auto q = prepareStatement(m_db, statement.value());
    if (!q)
        return q.error();
    if (!q->exec())
        return execError(q.value(), QStringLiteral("The search failed"));
    while (q->next()) {
        auto hit = readHit(q.value());
        if (!hit)
            return hit.error();
        page.hits.append(hit.takeValue());
    }
    if (page.hits.size() > pageSize) {
        page.hits.removeLast();
        const SearchHit &last = page.hits.constLast();
        page.next = SearchCursor(query, sort, pageSize, keyOf(last, sort.key), last.id);
    }
    qCDebug(lcSearch) << "page of" << page.hits.size() << "in" << timer.elapsed() << "ms";
    return page;
}

Result<qint64> SearchEngine::count(const SearchQuery &query, const std::atomic<bool> *cancel)
{
    if (auto valid = validate(query); !valid)
        return valid.error();
    const auto cancelled = [] {
        return makeError(ErrorCode::Cancelled, QStringLiteral("The count was cancelled."));
    };
    if (cancel && cancel->load())
        return cancelled();
    if (auto audited = audit(QStringLiteral("count"), query, nullptr, 0); !audited)
        return audited.error();
    if (m_scope.isEmpty())
        return qint64(0);
    const SearchSqlBuilder builder(m_db.kind(), m_scope, m_options.bands);
    auto statement = builder.count(query);
    if (!statement)
        return statement.error();
    auto q = prepareStatement(m_db, statement.value());
    if (!q)
        return q.error();
    bool ok = false;
    bool wasCancelled = false;
    {
        const QueryCanceller canceller(m_db.connection(), cancel);
        ok = q->exec() && q->next();
        wasCancelled = canceller.cancelled();
    }
    if (ok)
        return static_cast<qint64>(q->value(0).toLongLong());
    if (wasCancelled) {
        TransactionGuard::holdFailedQuery(q.value());
        return cancelled();
    }
    return execError(q.value(), QStringLiteral("The count failed"));
}

Result<QVector<qint64>> SearchEngine::tagIdsByName(const QStringList &names)
{
    // The tag rules (ASCII letters ignore case) are TagRepository's, so `--tag vip` finds
    // the tag written "VIP" as tagging does.
    QVector<qint64> ids;
    TagRepository tags(m_db);
    for (const QString &typed : names) {
        auto name = TagName::parse(typed);
        if (!name)
            return name.error();
        auto found = tags.find(name.value());
        if (!found)
            return found.error();
        if (!found.value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("There is no tag \"%1\".").arg(name->text()));
        ids.append(found.value()->id);
    }
    return ids;
}

} // namespace cv
