#pragma once

#include "qa/reportfilter.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

// The figures of one group of evaluations (everything, an agent, a team or a form) in a QA
// report (docs/qa-reports.md). Counts are of evaluations past the draft; the score is each
// evaluation's current one (a re-score replaces it).
struct ReportGroup
{
    QString id;       // agent id, team id or form id; empty for the overall figures
    QString name;     // display name: the agent's, the team's, the form's title
    QString teamId;   // agents: their team now (agents.team)
    QString teamName;
    int count = 0;          // evaluations
    int scored = 0;         // of them with a score (every one past the draft has one)
    double scoreSum = 0;
    std::optional<double> minScore;
    std::optional<double> maxScore;
    int disputed = 0;       // evaluations with a 'disputed' event (also when resolved since)
    int answersRead = 0;    // evaluations whose answers and form version could be read
    int criticalFailed = 0; // of them with a failed critical or fatal question

    std::optional<double> average() const;
    // disputed / count, 0..1; empty without evaluations.
    std::optional<double> disputeRate() const;
    // criticalFailed / answersRead, 0..1; empty when no answers could be read.
    std::optional<double> criticalFailRate() const;
    // Adds another group's counts (for teams and the overall figures).
    void add(const ReportGroup &other);
};

// One question of one form version: how it was answered in the report's evaluations where
// it was shown (its condition held).
struct ReportQuestion
{
    QString formId;
    int formVersion = 0;
    QString questionId;
    QString text;
    bool critical = false;
    bool fatal = false;
    int shown = 0;          // evaluations where the question was visible
    int answered = 0;       // with a scored answer (not N/A, not missing)
    int notApplicable = 0;  // answered N/A
    double fractionSum = 0; // sum of the answers' share of the question's points (0..1)
    int failed = 0;         // critical / fatal questions: answers that fail them

    std::optional<double> averageFraction() const;
    // failed / answered for critical and fatal questions; empty for the others.
    std::optional<double> failRate() const;
};

// One bucket of the trend: a calendar week or month, [startMs, endMs).
struct ReportTrendPoint
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    int count = 0;
    double scoreSum = 0;
    int scored = 0;

    std::optional<double> average() const;
};

struct QaReport
{
    ReportFilter filter;
    ReportGroup overall;
    QVector<ReportGroup> agents; // by display name
    QVector<ReportGroup> teams;  // by team name
    QVector<ReportGroup> forms;  // by form id
    QVector<ReportQuestion> questions; // by form id, version, then form order
    QVector<ReportTrendPoint> trend;   // every bucket of the period, empty ones too
    int unreadAnswers = 0; // evaluations left out of question figures (answers not readable)
};

} // namespace cv
