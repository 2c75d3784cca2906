#pragma once

#include "common/result.h"
#include "search/searchquery.h" // TagMatch: the search's "any / all of the tags"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace cv {

// What a sampling rule picks (docs/qa-workflow.md, "Sampling and work queues"). Stored as
// text ('random_per_agent', ...); the texts never change.
enum class SamplingKind : int
{
    RandomPerAgent = 1, // N calls per agent per period, picked at random (deterministically)
    SentimentBelow = 2, // every call whose sentiment is below a threshold
    Tagged = 3,         // every call with any / all of some tags
    LongerThan = 4,     // every call at least this long
};

// The period a scheduled run samples: the day, the week (Monday 00:00 UTC) or the month
// (the 1st, 00:00 UTC) that contains the moment of the run.
enum class SamplingPeriod : int
{
    Day = 1,
    Week = 2,
    Month = 3,
};

// The kind's parameters (one JSON object in sampling_rules.parameters). Only the fields of
// the rule's kind are meaningful; `period` is shared by every kind (default week).
struct SamplingParameters
{
    SamplingPeriod period = SamplingPeriod::Week;
    int count = 0;        // RandomPerAgent: 1..kMaxCount calls per agent
    double threshold = 0; // SentimentBelow: -1..1, calls with sentiment < threshold
    QStringList tags;     // Tagged: 1..kMaxTags tag names
    TagMatch match = TagMatch::Any;
    qint64 minDurationMs = 0; // LongerThan: 1 s..24 h, calls with duration >= this

    static constexpr int kMaxCount = 1000;
    static constexpr int kMaxTags = 20;
    static constexpr int kMaxTagLength = 64; // TagName::kMaxLength
    static constexpr qint64 kMinDurationMs = 1000;
    static constexpr qint64 kMaxDurationMs = 24LL * 3600 * 1000;
};

// One sampling rule (tables sampling_rules and sampling_rule_evaluators, migration 10).
struct SamplingRule
{
    qint64 id = 0;
    QString name;
    SamplingKind kind = SamplingKind::RandomPerAgent;
    SamplingParameters parameters;
    QString teamId; // empty: every team the person who generates may see
    QString formId; // the latest published version at generation time
    int deadlineDays = 7;
    QStringList evaluators; // user names, sorted
    bool active = true;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxDeadlineDays = 365;
    static constexpr int kMaxEvaluators = 100;
};

QString samplingKindName(SamplingKind kind);
std::optional<SamplingKind> samplingKindFromName(const QString &name);
QString samplingPeriodName(SamplingPeriod period);

// [start, end) in ms since the epoch, UTC, of the period that contains `atMs`.
std::pair<qint64, qint64> samplingWindow(SamplingPeriod period, qint64 atMs);

// The strict reader and writer of a rule's parameters: the JSON must be an object with only
// the fields of the kind (and "period"), of the right types and in range; a refusal is
// InvalidArgument with a message naming the field. Untrusted bytes (an imported rule, a
// command line): fuzzed by tests/fuzz/fuzz_samplingparameters.cpp.
namespace samplingjson {

Result<SamplingParameters> readParameters(SamplingKind kind, const QByteArray &json);
// Compact JSON with sorted keys; readParameters(kind, writeParameters(kind, p)) gives p.
QString writeParameters(SamplingKind kind, const SamplingParameters &parameters);
// The checks readParameters makes, for parameters built in code (the UI's fields).
Result<void> checkParameters(SamplingKind kind, const SamplingParameters &parameters);

} // namespace samplingjson

} // namespace cv
