#include "searchbenchmark.h"

#include "catalog/database.h"
#include "search/searchengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>

namespace cv {

namespace {

const QLatin1String kPgSchema("callvault_bench");
constexpr int kWarmUpRuns = 3;
constexpr int kScopeTeams = 2;

Result<void> execRaw(Database &db, const QString &sql)
{
    auto connection = db.openedConnection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    // Constant benchmark SQL without values.
    if (!query.exec(sql))
        return makeError(ErrorCode::Database,
                         sql + QStringLiteral(": ") + query.lastError().text().trimmed());
    return {};
}

SearchBenchmark::Percentiles percentiles(QVector<double> values)
{
    SearchBenchmark::Percentiles p;
    if (values.isEmpty())
        return p;
    std::sort(values.begin(), values.end());
    // Nearest rank.
    const auto rank = [&](double q) {
        const int index = static_cast<int>(std::ceil(q * values.size())) - 1;
        return values.at(std::clamp(index, 0, static_cast<int>(values.size()) - 1));
    };
    p.p50 = rank(0.50);
    p.p99 = rank(0.99);
    p.max = values.constLast();
    return p;
}

// The month `index` (0 = the catalog's first) in China time, as [from, to).
std::pair<QDateTime, QDateTime> month(const SyntheticCatalog &catalog, int index)
{
    const QDate first = catalog.config().firstDay.addMonths(index);
    const QDateTime from =
        QDateTime(QDate(first.year(), first.month(), 1), QTime(0, 0), Qt::UTC).addSecs(-8 * 3600);
    return {from, from.addMonths(1)};
}

} // namespace

bool SearchBenchmark::Report::targetMet() const
{
    return std::all_of(queries.begin(), queries.end(), [](const QueryFigures &q) {
        return q.firstPage.p99 <= kTargetFirstPageP99Ms;
    });
}

SearchBenchmark::Target SearchBenchmark::sqliteTarget(const QString &path)
{
    return Target{QStringLiteral("SQLite ") + path, CatalogConfig::sqlite(path), QString()};
}

Result<SearchBenchmark::Target> SearchBenchmark::postgresTarget(const QString &url)
{
    const QString separator = url.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
    auto config = CatalogConfig::fromPgUrl(url + separator +
                                           QStringLiteral("options=-csearch_path%3D") + kPgSchema);
    if (!config)
        return config.error();
    return Target{QStringLiteral("PostgreSQL ") + config->displayName() +
                      QStringLiteral(" (schema ") + kPgSchema + u')',
                  config.takeValue(), url};
}

Result<std::unique_ptr<Database>> SearchBenchmark::open(const Target &target, qint64 rows,
                                                        bool fresh, bool *needsData)
{
    *needsData = true;
    const auto existingRows = [](Database &db) -> qint64 {
        auto version = db.schemaVersion();
        if (!version || version.value() != Database::latestSchemaVersion())
            return -1;
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM recordings")) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    };
    if (target.config.kind == CatalogConfig::Kind::Sqlite) {
        if (!fresh && QFile::exists(target.config.sqlitePath)) {
            auto db = Database::open(target.config);
            if (db && existingRows(*db.value()) == rows) {
                *needsData = false;
                return db;
            }
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(target.config.sqlitePath + suffix);
    } else {
        auto adminConfig = CatalogConfig::fromPgUrl(target.pgAdminUrl);
        if (!adminConfig)
            return adminConfig.error();
        auto admin = Database::open(adminConfig.value());
        if (!admin)
            return admin.error();
        if (!fresh) {
            auto db = Database::open(target.config);
            if (db && existingRows(*db.value()) == rows) {
                *needsData = false;
                return db;
            }
        }
        if (auto r = execRaw(*admin.value(), QStringLiteral("SET client_min_messages = warning"));
            !r)
            return r.error();
        if (auto r = execRaw(*admin.value(), QStringLiteral("DROP SCHEMA IF EXISTS ") + kPgSchema +
                                                 QStringLiteral(" CASCADE"));
            !r)
            return r.error();
        if (auto r = execRaw(*admin.value(), QStringLiteral("CREATE SCHEMA ") + kPgSchema); !r)
            return r.error();
    }
    auto db = Database::open(target.config);
    if (!db)
        return db.error();
    if (auto migrated = db.value()->migrate(); !migrated)
        return migrated.error();
    return db;
}

Result<void> SearchBenchmark::analyze(Database &db, bool sqliteToo)
{
    if (db.kind() == Database::Kind::Postgres)
        return execRaw(db, QStringLiteral("VACUUM ANALYZE recordings, recording_tags, "
                                          "evaluations, agents, teams, tags"));
    return sqliteToo ? execRaw(db, QStringLiteral("ANALYZE")) : Result<void>();
}

SearchBenchmark::SearchBenchmark(Database &db, const SyntheticCatalog &catalog)
    : m_db(db), m_catalog(catalog)
{
}

Result<SearchBenchmark::Report>
SearchBenchmark::run(int runsPerQuery, int pageSize,
                     const std::function<void(const QString &)> &progress)
{
    const SyntheticCatalog::Config &c = m_catalog.config();
    QStringList teams;
    QVector<int> scopeAgents;
    for (int t = 0; t < std::min(kScopeTeams, c.teams); ++t)
        teams.append(m_catalog.teamId(t));
    for (int a = 0; a < c.agents; ++a) {
        if (m_catalog.teamOfAgent(a) < kScopeTeams)
            scopeAgents.append(a);
    }
    AuditEvent audit;
    audit.actor = QStringLiteral("bench-supervisor");
    audit.program = QStringLiteral("callvaultctl bench search");
    SearchEngine engine(m_db, SearchScope::teams(teams), audit);

    std::mt19937_64 rng(c.seed + 17);
    const int months = std::max(1, c.days / 31);
    const qint64 spanMs =
        m_catalog.endTime().toMSecsSinceEpoch() - m_catalog.firstTime().toMSecsSinceEpoch();
    const auto window = [&](qint64 days) {
        const qint64 length = std::min<qint64>(days * 86'400'000, spanMs);
        const qint64 startMax = spanMs - length;
        const qint64 start =
            startMax > 0 ? static_cast<qint64>(rng() % static_cast<quint64>(startMax)) : 0;
        const QDateTime from = m_catalog.firstTime().addMSecs(start);
        return std::make_pair(from, from.addMSecs(length));
    };
    const auto randomMonth = [&] { return month(m_catalog, static_cast<int>(rng() % months)); };

    struct Mix
    {
        QString name;
        std::function<SearchQuery()> make;
    };
    QVector<Mix> all = {
        {QStringLiteral("no filter (the team's newest calls)"), [] { return SearchQuery(); }},
        {QStringLiteral("time range (7/30/90 days)"),
         [&] {
             SearchQuery q;
             const qint64 lengths[] = {7, 30, 90};
             std::tie(q.from, q.to) = window(lengths[rng() % 3]);
             return q;
         }},
        {QStringLiteral("agent + month"),
         [&] {
             SearchQuery q;
             q.agentIds = {m_catalog.agentId(scopeAgents.at(
                 static_cast<int>(rng() % static_cast<quint64>(scopeAgents.size()))))};
             std::tie(q.from, q.to) = randomMonth();
             return q;
         }},
        {QStringLiteral("phone suffix (4 digits)"),
         [&] {
             SearchQuery q;
             const auto &numbers = m_catalog.customerNumbers();
             const QString number =
                 numbers.at(static_cast<int>(rng() % static_cast<quint64>(numbers.size())));
             q.phone = PhoneFilter(PhoneMatch::Suffix, number.right(4));
             return q;
         }},
        {QStringLiteral("low sentiment + 30 days"),
         [&] {
             SearchQuery q;
             q.sentimentLabel = SentimentLabel::Negative;
             std::tie(q.from, q.to) = window(30);
             return q;
         }},
        {QStringLiteral("multi-filter (90 d, in, >2 min, normal, sentiment<0)"),
         [&] {
             SearchQuery q;
             std::tie(q.from, q.to) = window(90);
             q.directions = {Direction::Inbound};
             q.minDurationMs = 120'000;
             q.statuses = {RecordingStatus::Normal};
             q.maxSentiment = 0.0;
             return q;
         }},
        {QStringLiteral("score + month"),
         [&] {
             // A QA lead's questions about one month: the failed calls, the middle band,
             // the best ones (the generator's scores lie in 40..100, most around 80).
             const std::pair<double, double> bands[] = {{0, 60}, {60, 85}, {90, 100}};
             SearchQuery q;
             std::tie(q.minScore, q.maxScore) = bands[rng() % std::size(bands)];
             std::tie(q.from, q.to) = randomMonth();
             return q;
         }},
    };
    if (c.tags > 0) {
        QVector<qint64> tagIds;
        for (int t = 0; t < c.tags; ++t) {
            auto id = engine.tagIdsByName({m_catalog.tagName(t)});
            if (!id)
                return id.error();
            tagIds.append(id->first());
        }
        all.append({QStringLiteral("tag + month"), [&rng, tagIds, randomMonth] {
                        // Popular tags more often, as the generator hands them out.
                        std::uniform_real_distribution<double> unit(0, 1);
                        const int tag =
                            std::min(static_cast<int>(tagIds.size()) - 1,
                                     static_cast<int>(tagIds.size() * std::pow(unit(rng), 1.5)));
                        SearchQuery q;
                        q.tagIds = {tagIds.at(tag)};
                        std::tie(q.from, q.to) = randomMonth();
                        return q;
                    }});
    }

    Report report;
    report.scope = QStringLiteral("supervisor of %1 (%2 of %3 agents)")
                       .arg(teams.join(QStringLiteral(", ")))
                       .arg(scopeAgents.size())
                       .arg(c.agents);
    const SearchSort sort; // newest first
    for (const Mix &m : all) {
        if (progress)
            progress(m.name);
        QueryFigures figures;
        figures.name = m.name;
        QVector<double> pageMs;
        QVector<double> countMs;
        double rows = 0;
        double matches = 0;
        for (int i = 0; i < kWarmUpRuns + runsPerQuery; ++i) {
            const SearchQuery q = m.make();
            QElapsedTimer timer;
            timer.start();
            auto page = engine.firstPage(q, sort, pageSize);
            const double pageTime = timer.nsecsElapsed() / 1e6;
            if (!page)
                return page.error();
            timer.restart();
            auto count = engine.count(q);
            const double countTime = timer.nsecsElapsed() / 1e6;
            if (!count)
                return count.error();
            if (i < kWarmUpRuns)
                continue;
            pageMs.append(pageTime);
            countMs.append(countTime);
            rows += page->hits.size();
            matches += static_cast<double>(count.value());
        }
        figures.runs = runsPerQuery;
        figures.firstPage = percentiles(pageMs);
        figures.count = percentiles(countMs);
        figures.meanRows = rows / std::max(1, runsPerQuery);
        figures.meanMatches = matches / std::max(1, runsPerQuery);
        report.queries.append(figures);
    }
    return report;
}

} // namespace cv
