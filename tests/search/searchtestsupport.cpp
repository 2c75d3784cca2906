#include "searchtestsupport.h"

#include "catalog/agentrepository.h"
#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace cv;

namespace searchtest {

namespace {

Result<void> execBound(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db.connection());
    if (!query.prepare(sql))
        return makeError(ErrorCode::Database, query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return makeError(ErrorCode::Database,
                         sql + QStringLiteral(": ") + query.lastError().text());
    return {};
}

} // namespace

Result<QUuid> addRecording(Database &db, const QUuid &siteId, const QDateTime &startedAt,
                           const QString &agentId, const QString &phone, qint64 durationMs,
                           Direction direction, std::optional<double> sentiment,
                           RecordingStatus status)
{
    RecordingRow row = catalogtest::makeRecording(siteId, startedAt);
    row.endedAt = startedAt.addMSecs(durationMs);
    row.durationMs = durationMs;
    row.agentId = agentId;
    row.customerPhone = phone;
    row.direction = direction;
    row.sentiment = sentiment;
    row.status = status;
    if (auto r = RecordingRepository(db).insert(row); !r)
        return r.error();
    return row.id;
}

Result<qint64> addTag(Database &db, const QString &name)
{
    if (auto r = execBound(db,
                           QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) "
                                          "VALUES (?, 'test', 0)"),
                           {name});
        !r)
        return r.error();
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT id FROM tags WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return makeError(ErrorCode::Database, QStringLiteral("tag id not found"));
    return query.value(0).toLongLong();
}

Result<void> tagRecording(Database &db, const QUuid &recordingId, qint64 tagId,
                          const QDateTime &startedAt)
{
    return execBound(
        db,
        QStringLiteral("INSERT INTO recording_tags (recording_id, tag_id, "
                       "started_at_ms, tagged_by, tagged_at_ms) VALUES (?, ?, ?, 'test', 0)"),
        {recordingId.toString(QUuid::WithoutBraces), QVariant(static_cast<qlonglong>(tagId)),
         QVariant(static_cast<qlonglong>(startedAt.toMSecsSinceEpoch()))});
}

Result<void> addEvaluation(Database &db, const QUuid &recordingId, const QDateTime &startedAt,
                           const QString &state, std::optional<double> score,
                           const QString &evaluator)
{
    const qint64 started = startedAt.toMSecsSinceEpoch();
    const bool draft = state == QLatin1String("draft");
    return execBound(
        db,
        QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, "
                       "form_version, evaluator, state, score, created_at_ms, submitted_at_ms) "
                       "VALUES (?, ?, 'test-form', 1, ?, ?, ?, ?, ?)"),
        {recordingId.toString(QUuid::WithoutBraces), QVariant(static_cast<qlonglong>(started)),
         evaluator, state, score ? QVariant(*score) : QVariant(QMetaType::fromType<double>()),
         QVariant(static_cast<qlonglong>(started + 3'600'000)),
         draft ? QVariant(QMetaType::fromType<qlonglong>())
               : QVariant(static_cast<qlonglong>(started + 7'200'000))});
}

Result<Known> seedKnown(Database &db, const QUuid &siteId)
{
    Known k;
    k.t0 = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    AgentRepository agents(db);
    const AgentRow rows[] = {
        {QStringLiteral("A1"), QStringLiteral("王伟"), QStringLiteral("T1")},
        {QStringLiteral("A2"), QStringLiteral("李芳"), QStringLiteral("T1")},
        {QStringLiteral("A3"), QStringLiteral("Zhang Wei"), QStringLiteral("T2")},
        {QStringLiteral("A4"), QStringLiteral("王芳"), QStringLiteral("T3")}};
    for (const AgentRow &row : rows) {
        if (auto r = agents.upsert(row); !r)
            return r.error();
    }
    struct Row
    {
        const char *name;
        qint64 offsetMs;
        const char *agent;
        const char *phone;
        qint64 seconds;
        Direction direction;
        std::optional<double> sentiment;
        RecordingStatus status;
    };
    constexpr qint64 h = 3'600'000;
    constexpr qint64 d = 24 * h;
    const Row table[] = {
        // r1 and r10 start in the same millisecond (a tie for every time order).
        {"r1", 1 * h, "A1", "+86 138 0013 8000", 60, Direction::Inbound, -0.5,
         RecordingStatus::Normal},
        {"r2", 2 * h, "A1", "13800138000", 300, Direction::Outbound, 0.0, RecordingStatus::Normal},
        {"r3", 3 * h, "A2", "021-6123 4567", 30, Direction::Inbound, 0.6,
         RecordingStatus::Recovered},
        // r4 starts exactly at t0 + 1 day: outside [t0, t0 + 1 day).
        {"r4", 1 * d, "A2", "+86 21 6123 4567", 600, Direction::Inbound, std::nullopt,
         RecordingStatus::Normal},
        // -0.3 and 0.3 are the neutral band's own edges.
        {"r5", 2 * d, "A3", "008613900139000", 120, Direction::Outbound, -0.3,
         RecordingStatus::Unfinished},
        {"r6", 32 * d, "A3", "8001", 45, Direction::Internal, 0.3, RecordingStatus::Normal},
        {"r7", 33 * d, "A4", "+1 415 555 0100", 900, Direction::Inbound, 0.31,
         RecordingStatus::Normal},
        // A9 is in no team: no team scope or team filter ever shows r8.
        {"r8", 34 * d, "A9", "", 10, Direction::Inbound, -0.31, RecordingStatus::Normal},
        {"r9", 40 * d, "A1", "138-0013-9999", 200, Direction::Inbound, -0.9,
         RecordingStatus::Normal},
        {"r10", 1 * h, "A4", "0086 21 61234567", 61, Direction::Outbound, 0.1,
         RecordingStatus::Normal},
    };
    QMap<QString, QDateTime> &started = k.started;
    for (const Row &row : table) {
        const QDateTime at = k.t0.addMSecs(row.offsetMs);
        auto id =
            addRecording(db, siteId, at, QString::fromUtf8(row.agent), QString::fromUtf8(row.phone),
                         row.seconds * 1000, row.direction, row.sentiment, row.status);
        if (!id)
            return id.error();
        k.ids.insert(QString::fromLatin1(row.name), id.value());
        k.names.insert(id.value(), QString::fromLatin1(row.name));
        started.insert(QString::fromLatin1(row.name), at);
    }
    auto complaint = addTag(db, QStringLiteral("投诉"));
    auto praise = addTag(db, QStringLiteral("表扬"));
    if (!complaint || !praise)
        return makeError(ErrorCode::Database, QStringLiteral("could not add tags"));
    k.complaintTag = complaint.value();
    k.praiseTag = praise.value();
    const QPair<const char *, qint64> links[] = {{"r1", k.complaintTag},
                                                 {"r3", k.complaintTag},
                                                 {"r7", k.complaintTag},
                                                 {"r3", k.praiseTag},
                                                 {"r6", k.praiseTag}};
    for (const auto &[name, tag] : links) {
        const QString n = QString::fromLatin1(name);
        if (auto r = tagRecording(db, k.ids.value(n), tag, started.value(n)); !r)
            return r.error();
    }
    return k;
}

QStringList orderedNames(const Known &known, const QVector<SearchHit> &hits)
{
    QStringList names;
    for (const SearchHit &hit : hits)
        names.append(known.names.value(hit.id, hit.id.toString(QUuid::WithoutBraces)));
    return names;
}

QStringList sortedNames(const Known &known, const QVector<SearchHit> &hits)
{
    QStringList names = orderedNames(known, hits);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b; // r2 before r10
    });
    return names;
}

AuditEvent searcher()
{
    AuditEvent event;
    event.actor = QStringLiteral("supervisor-1");
    event.host = QStringLiteral("ws-07");
    event.program = QStringLiteral("callvault");
    return event;
}

void expectMatches(Database &db, const Known &known, const QString &what, const SearchQuery &query,
                   const QStringList &expected, const SearchScope &scope, SentimentBands bands)
{
    SearchEngine::Options options;
    options.bands = bands;
    SearchEngine engine(db, scope, searcher(), options);
    const auto page = engine.firstPage(query, SearchSort(), 100);
    QVERIFY2(page.ok(), qPrintable(what + QStringLiteral(": ") + page.errorMessage()));
    QVERIFY2(!page->next.has_value(), qPrintable(what));
    const QStringList got = sortedNames(known, page->hits);
    QVERIFY2(got == expected, qPrintable(QStringLiteral("%1: got [%2], expected [%3]")
                                             .arg(what, got.join(u' '), expected.join(u' '))));
    const auto count = engine.count(query);
    QVERIFY2(count.ok(), qPrintable(what + QStringLiteral(": ") + count.errorMessage()));
    QVERIFY2(count.value() == expected.size(),
             qPrintable(QStringLiteral("%1: count %2, expected %3")
                            .arg(what)
                            .arg(count.value())
                            .arg(expected.size())));
}

Result<QVector<SearchHit>> allPages(SearchEngine &engine, const SearchQuery &query,
                                    const SearchSort &sort, int pageSize, int maxPages)
{
    QVector<SearchHit> hits;
    auto page = engine.firstPage(query, sort, pageSize);
    for (int n = 0; n < maxPages; ++n) {
        if (!page)
            return page.error();
        hits += page->hits;
        if (!page->next)
            return hits;
        page = engine.nextPage(*page->next);
    }
    return makeError(ErrorCode::Database, QStringLiteral("too many pages"));
}

} // namespace searchtest
