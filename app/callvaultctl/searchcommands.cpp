// callvaultctl search and callvaultctl bench search (docs/search.md).
#include "catalog/database.h"
#include "commands.h"
#include "ctllogin.h"
#include "search/searchbenchmark.h"
#include "search/searchengine.h"
#include "search/usersearch.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <limits>

namespace ctl {

namespace {

// "2024-03-01" (a whole day: as --to, the end of that day), "2024-03-01T08:30",
// "2024-03-01 08:30:00", optionally with "Z" or "+08:00". Without a zone: UTC, as `list`
// and `search` print times.
std::optional<QDateTime> parseTime(const QString &text, bool endOfDay)
{
    const QString t = text.trimmed();
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid() && t.size() == 10) {
        const QDateTime start(date, QTime(0, 0), Qt::UTC);
        return endOfDay ? start.addDays(1) : start;
    }
    QString iso = t;
    iso.replace(u' ', u'T');
    QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeSpec(Qt::UTC);
    return parsed.toUTC();
}

// "90" (seconds), "90s", "5m", "1h", "1:30", "1:02:03".
std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression unit(QStringLiteral("^(\\d{1,7})([smh]?)$"));
    static const QRegularExpression clock(QStringLiteral("^(?:(\\d{1,4}):)?(\\d{1,4}):(\\d\\d)$"));
    const QString t = text.trimmed().toLower();
    if (const auto m = unit.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QString u = m.captured(2);
        const qint64 factor = u == QLatin1String("h") ? 3600 : u == QLatin1String("m") ? 60 : 1;
        return n * factor * 1000;
    }
    if (const auto m = clock.match(t); m.hasMatch()) {
        const qint64 seconds = m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 +
                               m.captured(3).toLongLong();
        return seconds * 1000;
    }
    return std::nullopt;
}

// "80-100", "80-" (at least 80), "-60" (at most 60); decimals allowed ("72.5-"). Scores are
// never negative, so '-' separates the bounds unambiguously. Ranges outside 0..100 parse
// here and are refused by SearchQuery::validate() with its own message.
bool parseScoreRange(const QString &text, cv::SearchQuery *q)
{
    static const QRegularExpression range(
        QStringLiteral("^(\\d{1,3}(?:\\.\\d{1,6})?)?-(\\d{1,3}(?:\\.\\d{1,6})?)?$"));
    QString compact = text;
    compact.remove(u' ');
    const auto m = range.match(compact);
    if (!m.hasMatch() || (!m.hasCaptured(1) && !m.hasCaptured(2)))
        return false;
    if (m.hasCaptured(1))
        q->minScore = m.captured(1).toDouble();
    if (m.hasCaptured(2))
        q->maxScore = m.captured(2).toDouble();
    return true;
}

// The values of a repeatable option, commas also separating values.
QStringList listValues(const QCommandLineParser &p, const QString &name)
{
    QStringList values;
    for (const QString &value : p.values(name)) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
            values.append(part.trimmed());
    }
    return values;
}

struct ParsedSearch
{
    cv::SearchQuery query;
    QStringList tagNames;
    bool anyFilter = false;
};

// Fills `out` from the filter options; an error message for the person otherwise.
QString parseFilters(const QCommandLineParser &p, ParsedSearch *out)
{
    cv::SearchQuery &q = out->query;
    const auto set = [&](const char *name) {
        const bool isSet = p.isSet(QString::fromLatin1(name));
        out->anyFilter = out->anyFilter || isSet;
        return isSet;
    };
    if (set("from")) {
        q.from = parseTime(p.value(QStringLiteral("from")), false);
        if (!q.from)
            return QStringLiteral("--from must be a date (2024-03-01) or an ISO 8601 time");
    }
    if (set("to")) {
        q.to = parseTime(p.value(QStringLiteral("to")), true);
        if (!q.to)
            return QStringLiteral("--to must be a date (2024-03-31) or an ISO 8601 time");
    }
    if (set("agent"))
        q.agentIds = listValues(p, QStringLiteral("agent"));
    if (set("agent-name"))
        q.agentName = p.value(QStringLiteral("agent-name"));
    if (set("team"))
        q.teams = listValues(p, QStringLiteral("team"));
    if (set("phone")) {
        auto phone = cv::PhoneFilter::parse(p.value(QStringLiteral("phone")));
        if (!phone)
            return phone.errorMessage();
        q.phone = phone.takeValue();
    }
    if (set("direction")) {
        for (const QString &d : listValues(p, QStringLiteral("direction"))) {
            const auto direction = cv::directionFromText(d);
            if (!direction)
                return QStringLiteral("--direction must be in, out or internal");
            q.directions.append(*direction);
        }
    }
    if (set("min-duration")) {
        q.minDurationMs = parseDuration(p.value(QStringLiteral("min-duration")));
        if (!q.minDurationMs)
            return QStringLiteral("--min-duration must be seconds (90), 90s, 5m, 1h or 1:30");
    }
    if (set("max-duration")) {
        q.maxDurationMs = parseDuration(p.value(QStringLiteral("max-duration")));
        if (!q.maxDurationMs)
            return QStringLiteral("--max-duration must be seconds (90), 90s, 5m, 1h or 1:30");
    }
    if (set("sentiment")) {
        const QString s = p.value(QStringLiteral("sentiment")).trimmed();
        if (const auto label = cv::sentimentLabelFromText(s.toLower())) {
            q.sentimentLabel = label;
        } else {
            const int dots = s.indexOf(QLatin1String(".."));
            bool okMin = true, okMax = true;
            if (dots < 0)
                return QStringLiteral("--sentiment must be negative, neutral, positive or a "
                                      "range MIN..MAX (e.g. -1..-0.5, 0.3..)");
            if (const QString lo = s.left(dots); !lo.isEmpty())
                q.minSentiment = lo.toDouble(&okMin);
            if (const QString hi = s.mid(dots + 2); !hi.isEmpty())
                q.maxSentiment = hi.toDouble(&okMax);
            if (!okMin || !okMax || (!q.minSentiment && !q.maxSentiment))
                return QStringLiteral("--sentiment range must be numbers between -1 and 1, "
                                      "e.g. -1..-0.5");
        }
    }
    if (set("status")) {
        for (const QString &s : listValues(p, QStringLiteral("status"))) {
            const auto status = cv::recordingStatusFromText(s);
            if (!status)
                return QStringLiteral("--status must be normal, unfinished or recovered");
            q.statuses.append(*status);
        }
    }
    if (set("tag"))
        out->tagNames = listValues(p, QStringLiteral("tag"));
    if (set("all-tags"))
        q.tagMatch = cv::TagMatch::All;
    if (set("has-evaluation")) {
        const QString answer = p.value(QStringLiteral("has-evaluation")).trimmed().toLower();
        if (answer != QLatin1String("yes") && answer != QLatin1String("no"))
            return QStringLiteral("--has-evaluation must be yes or no");
        q.hasEvaluation = answer == QLatin1String("yes");
    }
    if (set("score") && !parseScoreRange(p.value(QStringLiteral("score")), &q))
        return QStringLiteral("--score must be a range of scores from 0 to 100: MIN-MAX, MIN- "
                              "or -MAX (e.g. 80-100, 90-, -60)");
    if (auto valid = q.validate(); !valid)
        return valid.errorMessage();
    return QString();
}

QString sentimentText(const std::optional<double> &sentiment)
{
    return sentiment ? QString::number(*sentiment, 'f', 2) : QStringLiteral("-");
}

void printPage(const cv::SearchPage &page)
{
    const QString format = QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9");
    out(format.arg(QStringLiteral("ID"), -36)
            .arg(QStringLiteral("STARTED (UTC)"), -19)
            .arg(QStringLiteral("DURATION"), -10)
            .arg(QStringLiteral("DIR"), -3)
            .arg(QStringLiteral("AGENT"), -8)
            .arg(QStringLiteral("TEAM"), -8)
            .arg(QStringLiteral("PHONE"), -16)
            .arg(QStringLiteral("SENT"), 5)
            .arg(QStringLiteral("STATUS")));
    for (const cv::SearchHit &h : page.hits) {
        out(format.arg(h.id.toString(QUuid::WithoutBraces), -36)
                .arg(h.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -19)
                .arg(formatDuration(h.durationMs), -10)
                .arg(cv::directionToText(h.direction), -3)
                .arg(h.agentId, -8)
                .arg(h.team, -8)
                .arg(h.customerPhone, -16)
                .arg(sentimentText(h.sentiment), 5)
                .arg(cv::recordingStatusToText(h.status)));
    }
}

} // namespace

int runSearch(const QStringList &args)
{
    QCommandLineParser p;
    const auto option = [&p](const char *name, const char *help, const char *value) {
        p.addOption(
            {QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(value)});
    };
    option("from", "Calls that started at or after this date/time (UTC unless a zone is given).",
           "TIME");
    option("to", "Calls that started before this time; a date alone includes that whole day.",
           "TIME");
    option("agent", "Agent id (工号); repeat or separate with commas for several.", "ID");
    option("agent-name", "Agents whose name contains this text.", "TEXT");
    option("team", "Team id; repeat or separate with commas for several.", "ID");
    option("phone", "Customer number: NUMBER (any written form), PREFIX* or *LAST-DIGITS (>= 4).",
           "NUM");
    option("direction", "in, out or internal (several with commas).", "DIR");
    option("min-duration", "At least this long: seconds, 90s, 5m, 1h or 1:30.", "DUR");
    option("max-duration", "At most this long.", "DUR");
    option("sentiment", "negative, neutral, positive, or a range MIN..MAX within -1..1.", "S");
    option("status", "normal, unfinished or recovered (several with commas).", "STATUS");
    option("tag", "Tag name; repeat for several (calls with any of them).", "NAME");
    p.addOption({QStringLiteral("all-tags"),
                 QStringLiteral("With several --tag: calls that have all of them.")});
    option("has-evaluation",
           "yes: calls with a QA evaluation (drafts do not count); no: calls without one.",
           "yes|no");
    option("score",
           "Calls with an evaluation scored in this range (inclusive, 0-100): MIN-MAX, MIN- or "
           "-MAX, e.g. 80-100.",
           "RANGE");
    option("sort", "time, duration or sentiment, then :asc or :desc (default time:desc).", "ORDER");
    option("limit", "Recordings per page (default 50).", "N");
    option("after", "Continue a search: the cursor printed under the previous page.", "CURSOR");
    p.addOption({QStringLiteral("count"), QStringLiteral("Also count all matching recordings.")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Search recordings as a CallVault user: needs recording.search "
                                    "and finds only the calls your role reaches (your teams, your "
                                    "own calls). Every search is audited."),
                     {}, &code))
        return code;

    ParsedSearch parsed;
    if (const QString problem = parseFilters(p, &parsed); !problem.isEmpty())
        return usageError(problem, args.first());
    std::optional<cv::SearchSort> sort = cv::SearchSort();
    if (p.isSet(QStringLiteral("sort"))) {
        sort = cv::SearchSort::fromText(p.value(QStringLiteral("sort")));
        if (!sort)
            return usageError(QStringLiteral("--sort must be time, duration or sentiment, "
                                             "optionally with :asc or :desc"),
                              args.first());
    }
    int limit = 50;
    if (p.isSet(QStringLiteral("limit"))) {
        bool numeric = false;
        limit = p.value(QStringLiteral("limit")).toInt(&numeric);
        if (!numeric || limit < 1 || limit > 1000)
            return usageError(QStringLiteral("--limit must be 1 to 1000"), args.first());
    }

    auto in = login(p);
    if (!in)
        return fail(in.error());
    // The person's permission and scope, checked and applied in core.
    auto opened = cv::UserSearch::open(in->db(), in->principal());
    if (!opened)
        return fail(opened.error());
    cv::SearchEngine &engine = opened.value();
    if (!parsed.tagNames.isEmpty()) {
        auto ids = engine.tagIdsByName(parsed.tagNames);
        if (!ids)
            return fail(ids.error());
        parsed.query.tagIds = ids.takeValue();
    }

    cv::Result<cv::SearchPage> page = cv::SearchPage{};
    cv::SearchQuery query = parsed.query;
    if (p.isSet(QStringLiteral("after"))) {
        auto cursor = cv::SearchCursor::fromToken(p.value(QStringLiteral("after")),
                                                  engine.options().maxPageSize);
        if (!cursor)
            return fail(cursor.error());
        // The filters may be repeated with --after, but must be the cursor's.
        if ((parsed.anyFilter && cursor->query() != parsed.query) ||
            (p.isSet(QStringLiteral("sort")) && !(cursor->sort() == *sort)) ||
            (p.isSet(QStringLiteral("limit")) && cursor->pageSize() != limit))
            return usageError(QStringLiteral("--after continues another search: give the same "
                                             "filters, --sort and --limit, or none of them"),
                              args.first());
        query = cursor->query();
        page = engine.nextPage(cursor.value());
    } else {
        page = engine.firstPage(query, *sort, limit);
    }
    if (!page)
        return fail(page.error());
    printPage(page.value());
    if (p.isSet(QStringLiteral("count"))) {
        auto total = engine.count(query);
        if (!total)
            return fail(total.error());
        out(QStringLiteral("%1 shown, %2 matching recordings")
                .arg(page->hits.size())
                .arg(total.value()));
    } else {
        out(QStringLiteral("%1 shown").arg(page->hits.size()));
    }
    if (page->next)
        out(QStringLiteral("next page: --after %1").arg(page->next->toToken()));
    else
        out(QStringLiteral("no more results"));
    return kExitOk;
}

namespace {

void printReport(const cv::SearchBenchmark::Report &report)
{
    out(QStringLiteral("  scope: %1").arg(report.scope));
    out(QStringLiteral("  %1  %2  %3  %4  %5  %6  %7")
            .arg(QStringLiteral("query"), -52)
            .arg(QStringLiteral("page p50"), 9)
            .arg(QStringLiteral("page p99"), 9)
            .arg(QStringLiteral("count p50"), 9)
            .arg(QStringLiteral("count p99"), 9)
            .arg(QStringLiteral("rows"), 5)
            .arg(QStringLiteral("matches"), 8));
    for (const auto &q : report.queries) {
        const auto ms = [](double v) { return QStringLiteral("%1 ms").arg(v, 0, 'f', 1); };
        out(QStringLiteral("  %1  %2  %3  %4  %5  %6  %7")
                .arg(q.name, -52)
                .arg(ms(q.firstPage.p50), 9)
                .arg(ms(q.firstPage.p99), 9)
                .arg(ms(q.count.p50), 9)
                .arg(ms(q.count.p99), 9)
                .arg(q.meanRows, 5, 'f', 1)
                .arg(q.meanMatches, 8, 'f', 0));
    }
    out(QStringLiteral("  first page p99 <= %1 ms for every query: %2")
            .arg(cv::SearchBenchmark::kTargetFirstPageP99Ms, 0, 'f', 0)
            .arg(report.targetMet() ? QStringLiteral("target met")
                                    : QStringLiteral("target NOT met")));
}

int benchOne(const cv::SearchBenchmark::Target &target, const cv::SyntheticCatalog &catalog,
             bool fresh, bool analyzeSqlite, int runs, int pageSize)
{
    out(QStringLiteral("bench search: %1, %2 recordings")
            .arg(target.label)
            .arg(catalog.config().rows));
    bool needsData = false;
    auto db = cv::SearchBenchmark::open(target, catalog.config().rows, fresh, &needsData);
    if (!db)
        return fail(db.error());
    if (needsData) {
        QElapsedTimer timer;
        timer.start();
        cv::SyntheticCatalog generator = catalog;
        auto made = generator.generate(*db.value(), [](qint64 done, qint64 total) {
            err(QStringLiteral("  generating: %1/%2").arg(done).arg(total));
        });
        if (!made)
            return fail(made.error());
        const double loadSeconds = timer.nsecsElapsed() / 1e9;
        timer.restart();
        if (auto analyzed = cv::SearchBenchmark::analyze(*db.value(), analyzeSqlite); !analyzed)
            return fail(analyzed.error());
        out(QStringLiteral("  generated in %1 s (%2 rows/s), statistics in %3 s")
                .arg(loadSeconds, 0, 'f', 1)
                .arg(catalog.config().rows / std::max(loadSeconds, 1e-9), 0, 'f', 0)
                .arg(timer.nsecsElapsed() / 1e9, 0, 'f', 1));
    } else {
        out(QStringLiteral("  reusing the catalog of a previous run (--fresh to regenerate)"));
    }
    cv::SearchBenchmark bench(*db.value(), catalog);
    out(QStringLiteral("  %1 runs per query after 3 warm-up runs, page size %2, newest first; "
                       "times include the audit row")
            .arg(runs)
            .arg(pageSize));
    auto report = bench.run(runs, pageSize,
                            [](const QString &name) { err(QStringLiteral("  running: ") + name); });
    if (!report)
        return fail(report.error());
    printReport(report.value());
    return kExitOk;
}

} // namespace

int runBenchSearch(const QStringList &args)
{
    QCommandLineParser p;
    const auto option = [&p](const char *name, const char *help, const char *value) {
        p.addOption(
            {QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(value)});
    };
    option("rows", "Recordings to generate (default 1000000).", "N");
    option("pg",
           "Also benchmark PostgreSQL at this URL (default $CALLVAULT_BENCH_PG_URL); uses the "
           "schema callvault_bench there.",
           "URL");
    option("only", "Run only sqlite or postgres.", "BACKEND");
    option("sqlite", "The SQLite catalog file to generate and keep (default: a temporary one).",
           "FILE");
    option("runs", "Timed runs per query type (default 100).", "N");
    option("page-size", "Rows per first page (default 50).", "N");
    option("seed", "Random seed of the generated catalog (default 2026).", "S");
    p.addOption({QStringLiteral("fresh"),
                 QStringLiteral("Regenerate even when the catalog of a previous run is there.")});
    p.addOption(
        {QStringLiteral("analyze-sqlite"),
         QStringLiteral("Run ANALYZE on the new SQLite catalog (a site's catalog never does).")});
    int code = 0;
    if (!parse(p, args,
               QStringLiteral(
                   "Benchmark the search engine on a generated catalog (SQLite, PostgreSQL)."),
               &code))
        return code;
    const auto number = [&p](const char *name, qint64 fallback, qint64 min,
                             qint64 max) -> std::optional<qint64> {
        const QString key = QString::fromLatin1(name);
        if (!p.isSet(key))
            return fallback;
        bool ok = false;
        const qint64 value = p.value(key).toLongLong(&ok);
        if (!ok || value < min || value > max)
            return std::nullopt;
        return value;
    };
    const auto rows = number("rows", 1'000'000, 1000, 100'000'000);
    const auto runs = number("runs", 100, 1, 100000);
    const auto pageSize = number("page-size", 50, 1, 1000);
    const auto seed = number("seed", 2026, 0, std::numeric_limits<qint64>::max());
    if (!rows || !runs || !pageSize || !seed)
        return usageError(
            QStringLiteral(
                "--rows must be 1000..100000000, --runs >= 1, --page-size 1..1000, --seed >= 0"),
            args.first());
    const QString only = p.value(QStringLiteral("only"));
    if (!only.isEmpty() && only != QLatin1String("sqlite") && only != QLatin1String("postgres"))
        return usageError(QStringLiteral("--only must be sqlite or postgres"), args.first());
    const QString pgUrl = p.isSet(QStringLiteral("pg"))
                              ? p.value(QStringLiteral("pg"))
                              : qEnvironmentVariable("CALLVAULT_BENCH_PG_URL");
    if (only == QLatin1String("postgres") && pgUrl.isEmpty())
        return usageError(
            QStringLiteral("--only postgres needs --pg URL or $CALLVAULT_BENCH_PG_URL"),
            args.first());

    cv::SyntheticCatalog::Config config;
    config.rows = *rows;
    config.seed = static_cast<quint64>(*seed);
    const cv::SyntheticCatalog catalog(config);
    const bool fresh = p.isSet(QStringLiteral("fresh"));
    const bool analyzeSqlite = p.isSet(QStringLiteral("analyze-sqlite"));
    int result = kExitOk;
    if (only != QLatin1String("postgres")) {
        QTemporaryDir scratch;
        QString path = p.value(QStringLiteral("sqlite"));
        if (path.isEmpty()) {
            if (!scratch.isValid())
                return fail(QStringLiteral("could not create a temporary directory"));
            path = scratch.filePath(QStringLiteral("bench-catalog.sqlite"));
        }
        result = benchOne(cv::SearchBenchmark::sqliteTarget(path), catalog, fresh, analyzeSqlite,
                          static_cast<int>(*runs), static_cast<int>(*pageSize));
        if (result != kExitOk)
            return result;
    }
    if (!pgUrl.isEmpty() && only != QLatin1String("sqlite")) {
        auto target = cv::SearchBenchmark::postgresTarget(pgUrl);
        if (!target)
            return fail(target.error());
        result = benchOne(target.value(), catalog, fresh, analyzeSqlite, static_cast<int>(*runs),
                          static_cast<int>(*pageSize));
    } else if (only.isEmpty()) {
        out(QStringLiteral(
            "(PostgreSQL not benchmarked: give --pg URL or set CALLVAULT_BENCH_PG_URL)"));
    }
    return result;
}

} // namespace ctl
