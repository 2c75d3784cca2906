#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "search/phonefilter.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <optional>

namespace cv {

// Sentiment in three bands (docs/search.md). Stored in cursors and audit details as text:
// 'negative', 'neutral', 'positive'.
enum class SentimentLabel : int
{
    Negative = 1, // sentiment < negativeBelow
    Neutral = 2,  // negativeBelow <= sentiment <= positiveAbove
    Positive = 3, // sentiment > positiveAbove
};
QString sentimentLabelToText(SentimentLabel label);
std::optional<SentimentLabel> sentimentLabelFromText(const QString &text);

// Where the bands of SentimentLabel lie; the defaults are the site's unless configured.
struct SentimentBands
{
    static constexpr double kDefaultNegativeBelow = -0.3;
    static constexpr double kDefaultPositiveAbove = 0.3;
    double negativeBelow = kDefaultNegativeBelow;
    double positiveAbove = kDefaultPositiveAbove;
};

// Tags: a recording matches when it has any of the tags, or all of them.
enum class TagMatch : int
{
    Any = 1,
    All = 2,
};

// The filters of one search. Every set filter narrows the result (AND); within a list
// (agents, teams, directions, statuses, tags with TagMatch::Any) any value matches (OR).
// Values are always bound as SQL parameters, never put into SQL text. Recordings with no
// sentiment match no sentiment filter. Evaluations (migration 007) count once they are not
// drafts: a draft is work in progress, invisible to every evaluation filter.
struct SearchQuery final
{
    static constexpr int kMaxListValues = 500; // per list filter
    static constexpr int kMaxTextLength = 256; // per text value (agent id, name, team)
    static constexpr double kMinScore = 0.0;   // evaluations.score lies in [kMinScore, kMaxScore]
    static constexpr double kMaxScore = 100.0;

    std::optional<QDateTime> from; // started at or after (inclusive)
    std::optional<QDateTime> to;   // started before (exclusive)
    QStringList agentIds;          // recordings.agent_id, exact
    QString agentName;             // agents.name contains this (ASCII case-insensitive); '' = any
    QStringList teams;             // agents.team (team ids), exact
    std::optional<PhoneFilter> phone;
    QVector<Direction> directions;
    std::optional<qint64> minDurationMs; // inclusive
    std::optional<qint64> maxDurationMs; // inclusive
    std::optional<double> minSentiment;  // inclusive, -1..1
    std::optional<double> maxSentiment;  // inclusive, -1..1
    std::optional<SentimentLabel> sentimentLabel;
    QVector<RecordingStatus> statuses;
    QVector<qint64> tagIds; // tags.id (migration 003)
    TagMatch tagMatch = TagMatch::Any;
    // true: at least one evaluation that is not a draft; false: none.
    std::optional<bool> hasEvaluation;
    // Both inclusive, within kMinScore..kMaxScore: some evaluation that is not a draft has a
    // score in the range (one evaluation within both bounds, not one per bound).
    std::optional<double> minScore;
    std::optional<double> maxScore;

    // InvalidArgument, with a message for a person, for a query that cannot run: an empty
    // or inverted range, a value out of range, a text with a NUL character or longer than
    // kMaxTextLength, a list longer than kMaxListValues, a phone filter that is no number,
    // a score range together with hasEvaluation == false (no call can match both).
    Result<void> validate() const;

    // The filters that are set, as JSON (for the audit trail and cursors): times in ms since
    // the epoch, enums as their stored texts.
    QJsonObject toJson() const;
    // The inverse of toJson(); InvalidArgument for unknown keys or wrong types.
    static Result<SearchQuery> fromJson(const QJsonObject &json);

    bool operator==(const SearchQuery &other) const;
    bool operator!=(const SearchQuery &other) const { return !(*this == other); }
};

} // namespace cv
