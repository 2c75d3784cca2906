#include "qa/samplingrule.h"

#include "tags/tagname.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace cv {

namespace {

struct KindName
{
    SamplingKind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
    {SamplingKind::RandomPerAgent, "random_per_agent"},
    {SamplingKind::SentimentBelow, "sentiment_below"},
    {SamplingKind::Tagged, "tagged"},
    {SamplingKind::LongerThan, "longer_than"},
};

const QString kPeriod = QStringLiteral("period");
const QString kCount = QStringLiteral("count");
const QString kThreshold = QStringLiteral("threshold");
const QString kTags = QStringLiteral("tags");
const QString kMatch = QStringLiteral("match");
const QString kMinDuration = QStringLiteral("minDurationMs");

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

// The fields a kind's parameters may have besides "period".
QStringList fieldsOf(SamplingKind kind)
{
    switch (kind) {
    case SamplingKind::RandomPerAgent:
        return {kCount};
    case SamplingKind::SentimentBelow:
        return {kThreshold};
    case SamplingKind::Tagged:
        return {kTags, kMatch};
    case SamplingKind::LongerThan:
        return {kMinDuration};
    }
    return {};
}

// A JSON number that is a whole number within [min, max].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(min) ||
        d > static_cast<double>(max))
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace

QString samplingKindName(SamplingKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return QString();
}

std::optional<SamplingKind> samplingKindFromName(const QString &name)
{
    for (const KindName &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString samplingPeriodName(SamplingPeriod period)
{
    switch (period) {
    case SamplingPeriod::Day:
        return QStringLiteral("day");
    case SamplingPeriod::Week:
        return QStringLiteral("week");
    case SamplingPeriod::Month:
        return QStringLiteral("month");
    }
    return QString();
}

std::pair<qint64, qint64> samplingWindow(SamplingPeriod period, qint64 atMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).date();
    QDate start = day;
    QDate end = day.addDays(1);
    if (period == SamplingPeriod::Week) {
        start = day.addDays(1 - day.dayOfWeek()); // Monday is 1
        end = start.addDays(7);
    } else if (period == SamplingPeriod::Month) {
        start = QDate(day.year(), day.month(), 1);
        end = start.addMonths(1);
    }
    return {QDateTime(start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
            QDateTime(end, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
}

namespace samplingjson {

Result<void> checkParameters(SamplingKind kind, const SamplingParameters &p)
{
    switch (kind) {
    case SamplingKind::RandomPerAgent:
        if (p.count < 1 || p.count > SamplingParameters::kMaxCount)
            return invalid(QStringLiteral("\"count\" must be a whole number from 1 to %1.")
                               .arg(SamplingParameters::kMaxCount));
        break;
    case SamplingKind::SentimentBelow:
        if (!std::isfinite(p.threshold) || p.threshold < -1 || p.threshold > 1)
            return invalid(QStringLiteral("\"threshold\" must be a number from -1 to 1."));
        break;
    case SamplingKind::Tagged: {
        if (p.tags.isEmpty() || p.tags.size() > SamplingParameters::kMaxTags)
            return invalid(QStringLiteral("\"tags\" must name 1 to %1 tags.")
                               .arg(SamplingParameters::kMaxTags));
        QSet<QString> seen;
        for (const QString &tag : p.tags) {
            auto name = TagName::parse(tag);
            if (!name || name->text() != tag)
                return invalid(QStringLiteral("\"tags\" holds an empty, too long (over %1 "
                                              "characters) or unreadable tag name.")
                                   .arg(SamplingParameters::kMaxTagLength));
            if (seen.contains(name->key()))
                return invalid(QStringLiteral("\"tags\" names the tag \"%1\" twice.").arg(tag));
            seen.insert(name->key());
        }
        break;
    }
    case SamplingKind::LongerThan:
        if (p.minDurationMs < SamplingParameters::kMinDurationMs ||
            p.minDurationMs > SamplingParameters::kMaxDurationMs)
            return invalid(QStringLiteral("\"minDurationMs\" must be a whole number from %1 to %2 "
                                          "(1 second to 24 hours).")
                               .arg(SamplingParameters::kMinDurationMs)
                               .arg(SamplingParameters::kMaxDurationMs));
        break;
    }
    return {};
}

Result<SamplingParameters> readParameters(SamplingKind kind, const QByteArray &json)
{
    if (json.size() > 64 * 1024)
        return invalid(QStringLiteral("The rule's parameters are longer than 64 KiB."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("The rule's parameters must be one JSON object."));
    const QJsonObject object = doc.object();
    const QStringList allowed = fieldsOf(kind) << kPeriod;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalid(QStringLiteral("\"%1\" is not a parameter of a %2 rule (it takes %3).")
                               .arg(it.key().left(64), samplingKindName(kind),
                                    allowed.join(QStringLiteral(", "))));
    }
    SamplingParameters p;
    if (object.contains(kPeriod)) {
        const QString period = object.value(kPeriod).toString();
        if (period == QLatin1String("day"))
            p.period = SamplingPeriod::Day;
        else if (period == QLatin1String("week"))
            p.period = SamplingPeriod::Week;
        else if (period == QLatin1String("month"))
            p.period = SamplingPeriod::Month;
        else
            return invalid(QStringLiteral("\"period\" must be \"day\", \"week\" or \"month\"."));
    }
    for (const QString &field : fieldsOf(kind)) {
        if (!object.contains(field) && field != kMatch)
            return invalid(QStringLiteral("\"%1\" is missing.").arg(field));
    }
    switch (kind) {
    case SamplingKind::RandomPerAgent: {
        const auto count = wholeNumber(object.value(kCount), 1, SamplingParameters::kMaxCount);
        if (!count)
            return invalid(QStringLiteral("\"count\" must be a whole number from 1 to %1.")
                               .arg(SamplingParameters::kMaxCount));
        p.count = static_cast<int>(*count);
        break;
    }
    case SamplingKind::SentimentBelow:
        if (!object.value(kThreshold).isDouble())
            return invalid(QStringLiteral("\"threshold\" must be a number from -1 to 1."));
        p.threshold = object.value(kThreshold).toDouble();
        break;
    case SamplingKind::Tagged: {
        if (!object.value(kTags).isArray())
            return invalid(QStringLiteral("\"tags\" must be a list of tag names."));
        for (const QJsonValue &tag : object.value(kTags).toArray()) {
            if (!tag.isString())
                return invalid(QStringLiteral("\"tags\" must be a list of tag names."));
            p.tags << tag.toString();
        }
        if (object.contains(kMatch)) {
            const QString match = object.value(kMatch).toString();
            if (match == QLatin1String("any"))
                p.match = TagMatch::Any;
            else if (match == QLatin1String("all"))
                p.match = TagMatch::All;
            else
                return invalid(QStringLiteral("\"match\" must be \"any\" or \"all\"."));
        }
        break;
    }
    case SamplingKind::LongerThan: {
        const auto ms = wholeNumber(object.value(kMinDuration), SamplingParameters::kMinDurationMs,
                                    SamplingParameters::kMaxDurationMs);
        if (!ms)
            return invalid(QStringLiteral("\"minDurationMs\" must be a whole number from %1 to "
                                          "%2 (1 second to 24 hours).")
                               .arg(SamplingParameters::kMinDurationMs)
                               .arg(SamplingParameters::kMaxDurationMs));
        p.minDurationMs = *ms;
        break;
    }
    }
    if (auto ok = checkParameters(kind, p); !ok)
        return ok.error();
    return p;
}

QString writeParameters(SamplingKind kind, const SamplingParameters &p)
{
    QJsonObject object{{kPeriod, samplingPeriodName(p.period)}};
    switch (kind) {
    case SamplingKind::RandomPerAgent:
        object.insert(kCount, p.count);
        break;
    case SamplingKind::SentimentBelow:
        object.insert(kThreshold, p.threshold);
        break;
    case SamplingKind::Tagged:
        object.insert(kTags, QJsonArray::fromStringList(p.tags));
        object.insert(kMatch,
                      p.match == TagMatch::All ? QStringLiteral("all") : QStringLiteral("any"));
        break;
    case SamplingKind::LongerThan:
        object.insert(kMinDuration, static_cast<double>(p.minDurationMs));
        break;
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace samplingjson

} // namespace cv
