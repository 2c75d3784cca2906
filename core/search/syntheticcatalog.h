#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVector>
#include <functional>
#include <random>

namespace cv {

class Database;

// A realistic, reproducible catalog for the search benchmark (docs/search.md, "Benchmark"):
// N recordings over two years in working hours (fewer at weekends), 500 agents in 50 teams
// with Chinese names, ~N/5 customers (mainland mobiles and landlines written in the usual
// mixed forms, some calling often), log-normal durations, sentiment on 90 % of the calls,
// a few recovered/unfinished ones, tags on ~15 % of the calls and QA evaluations on ~5 %
// (scores 40..100, a tenth of them drafts, some calls evaluated twice). The rows go
// straight into the tables (one transaction, multi-row prepared INSERTs), not through the
// recording pipeline: there is no audio, and peaks are a token 16 bytes.
class SyntheticCatalog final
{
public:
    struct Config
    {
        qint64 rows = 1'000'000;
        int agents = 500;
        int teams = 50;
        int tags = 30;
        int days = 730;
        QDate firstDay = QDate(2024, 1, 1);
        quint64 seed = 2026;
    };

    explicit SyntheticCatalog(Config config);

    const Config &config() const { return m_config; }
    QString agentId(int index) const; // "A0001"...
    QString teamId(int index) const;  // "team-01"...
    int teamOfAgent(int agentIndex) const { return agentIndex % m_config.teams; }
    QString tagName(int index) const;
    QDateTime firstTime() const; // first day, 00:00 China time, in UTC
    QDateTime endTime() const;   // after the last day
    // Customer numbers in canonical form (PhoneNumber::normalize), for suffix queries.
    const QVector<QString> &customerNumbers() const { return m_customers; }

    // Fills a migrated catalog that has no recordings. `progress(done, total)` is called
    // every few thousand rows.
    Result<void> generate(Database &db, const std::function<void(qint64, qint64)> &progress);

private:
    Result<void> load(Database &db, std::mt19937_64 &rng,
                      const std::function<void(qint64, qint64)> &progress);

    Config m_config;
    QVector<QString> m_customers; // canonical
};

} // namespace cv
