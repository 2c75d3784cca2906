#pragma once

#include "catalog/catalogconfig.h"
#include "common/result.h"
#include "search/syntheticcatalog.h"

#include <QString>
#include <QVector>
#include <functional>
#include <memory>

namespace cv {

class Database;

// `callvaultctl bench search` (docs/search.md, "Benchmark"): a fixed mix of searches as a
// supervisor whose scope is two teams (~20 of 500 agents), on a SyntheticCatalog, timing
// the first page (50 rows) and the count of every query, audit row included. Each query
// type runs with varying parameters (seeded, so runs are comparable), after a few
// untimed warm-up runs.
class SearchBenchmark final
{
public:
    static constexpr double kTargetFirstPageP99Ms = 50.0;

    struct Percentiles
    {
        double p50 = 0;
        double p99 = 0;
        double max = 0;
    };
    struct QueryFigures
    {
        QString name;
        Percentiles firstPage; // ms
        Percentiles count;     // ms
        double meanRows = 0;   // rows on the first page
        double meanMatches = 0;
        int runs = 0;
    };
    struct Report
    {
        QString scope; // for people
        QVector<QueryFigures> queries;
        bool targetMet() const;
    };

    // Where a benchmark catalog lives. SQLite: a file. PostgreSQL: the schema
    // "callvault_bench" in the database of the URL (created, or replaced when it holds
    // another catalog).
    struct Target
    {
        QString label;
        CatalogConfig config;
        QString pgAdminUrl; // PostgreSQL only: the URL as given
    };
    static Target sqliteTarget(const QString &path);
    static Result<Target> postgresTarget(const QString &url);

    // Opens the target's catalog. Reuses it when it holds exactly `rows` recordings of a
    // previous run (unless `fresh`); otherwise starts from an empty, migrated catalog and
    // sets *needsData.
    static Result<std::unique_ptr<Database>> open(const Target &target, qint64 rows, bool fresh,
                                                  bool *needsData);
    // Planner statistics after a bulk load, as a site's catalog has them: PostgreSQL runs
    // VACUUM ANALYZE (what autovacuum does), SQLite nothing unless `sqliteToo` (SQLite never
    // analyzes by itself, and CallVault does not run ANALYZE on it).
    static Result<void> analyze(Database &db, bool sqliteToo);

    SearchBenchmark(Database &db, const SyntheticCatalog &catalog);

    Result<Report> run(int runsPerQuery, int pageSize,
                       const std::function<void(const QString &)> &progress);

private:
    Database &m_db;
    const SyntheticCatalog &m_catalog;
};

} // namespace cv
