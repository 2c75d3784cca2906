#pragma once

#include "common/result.h"
#include "qa/qareport.h"
#include "qa/reportfilter.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// Which calls a report may count: every call, the calls of the agents in a user's teams
// (user_teams now), or one agent's calls.
struct ReportScope
{
    enum class Kind : int
    {
        All = 1,
        TeamsOfUser = 2,
        Agent = 3,
    };
    Kind kind = Kind::All;
    qint64 userId = 0; // TeamsOfUser
    QString agentId;   // Agent
};

// One evaluation as the C++ part of a report reads it (answers JSON, trend bucket).
struct ReportEvaluation
{
    qint64 id = 0;
    qint64 startedAtMs = 0;
    std::optional<double> score;
    QString formId;
    int formVersion = 0;
    QString answers;
    QString agentId;
    QString teamId;
};

// The SQL of QA reports (docs/qa-reports.md): evaluations past the draft whose call starts
// in the filter's period, of the filter's team / agent / form, within the scope. No
// permission checks (QaReportQuery acts for a person). Both dialects run the same text:
// only portable SQL (COALESCE, CASE, EXISTS, GROUP BY) and bound values.
class ReportRepository final
{
public:
    explicit ReportRepository(Database &db);

    // Per agent: id, display name, team (agents, teams), count, score sum / min / max and the
    // disputed count. Agents missing from the directory are shown by their id.
    Result<QVector<ReportGroup>> byAgent(const ReportFilter &filter, const ReportScope &scope);
    // Per form id (all versions together); the name is left empty.
    Result<QVector<ReportGroup>> byForm(const ReportFilter &filter, const ReportScope &scope);
    // Every counted evaluation, by call start.
    Result<QVector<ReportEvaluation>> evaluations(const ReportFilter &filter,
                                                  const ReportScope &scope);

private:
    Database &m_db;
};

} // namespace cv
