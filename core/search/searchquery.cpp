#include "searchquery.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>

namespace cv {

namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

Result<void> checkText(const QString &what, const QString &value)
{
    if (value.isEmpty())
        return invalid(QStringLiteral("The %1 filter has an empty value.").arg(what));
    if (value.size() > SearchQuery::kMaxTextLength)
        return invalid(QStringLiteral("The %1 filter is too long (at most %2 characters).")
                           .arg(what)
                           .arg(SearchQuery::kMaxTextLength));
    if (value.contains(QChar(0)))
        return invalid(QStringLiteral("The %1 filter contains a NUL character.").arg(what));
    return {};
}

Result<void> checkList(const QString &what, int size)
{
    if (size > SearchQuery::kMaxListValues)
        return invalid(QStringLiteral("The %1 filter has too many values (at most %2).")
                           .arg(what)
                           .arg(SearchQuery::kMaxListValues));
    return {};
}

bool sentimentInRange(double value)
{
    return std::isfinite(value) && value >= -1.0 && value <= 1.0;
}

bool scoreInRange(double value)
{
    return std::isfinite(value) && value >= SearchQuery::kMinScore &&
           value <= SearchQuery::kMaxScore;
}

// JSON readers: false when the value has the wrong type.
bool readStrings(const QJsonValue &value, QStringList *out)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return false;
        out->append(item.toString());
    }
    return true;
}

bool readInt64(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    // Integral and exactly representable (|d| <= 2^53).
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

template <typename Enum>
bool readEnums(const QJsonValue &value, std::optional<Enum> (*fromText)(const QString &),
               QVector<Enum> *out)
{
    QStringList texts;
    if (!readStrings(value, &texts))
        return false;
    for (const QString &text : texts) {
        const auto parsed = fromText(text);
        if (!parsed)
            return false;
        out->append(*parsed);
    }
    return true;
}

QJsonArray stringArray(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values)
        array.append(value);
    return array;
}

} // namespace

QString sentimentLabelToText(SentimentLabel label)
{
    switch (label) {
    case SentimentLabel::Negative:
        return QStringLiteral("negative");
    case SentimentLabel::Neutral:
        return QStringLiteral("neutral");
    case SentimentLabel::Positive:
        return QStringLiteral("positive");
    }
    return QString();
}

std::optional<SentimentLabel> sentimentLabelFromText(const QString &text)
{
    for (SentimentLabel label :
         {SentimentLabel::Negative, SentimentLabel::Neutral, SentimentLabel::Positive}) {
        if (text == sentimentLabelToText(label))
            return label;
    }
    return std::nullopt;
}

Result<void> SearchQuery::validate() const
{
    if (from && !from->isValid())
        return invalid(QStringLiteral("The start of the time range is not a valid time."));
    if (to && !to->isValid())
        return invalid(QStringLiteral("The end of the time range is not a valid time."));
    if (from && to && *from >= *to)
        return invalid(QStringLiteral("The time range is empty: its start must be before "
                                      "its end."));
    if (auto r = checkList(QStringLiteral("agent"), agentIds.size()); !r)
        return r;
    for (const QString &id : agentIds) {
        if (auto r = checkText(QStringLiteral("agent"), id); !r)
            return r;
    }
    if (!agentName.isEmpty()) {
        if (auto r = checkText(QStringLiteral("agent name"), agentName); !r)
            return r;
    }
    if (auto r = checkList(QStringLiteral("team"), teams.size()); !r)
        return r;
    for (const QString &team : teams) {
        if (auto r = checkText(QStringLiteral("team"), team); !r)
            return r;
    }
    if (phone) {
        if (phone->typed().contains(QChar(0)))
            return invalid(QStringLiteral("The phone filter contains a NUL character."));
        if (auto key = phone->key(); !key)
            return key.error();
    }
    if (minDurationMs && *minDurationMs < 0)
        return invalid(QStringLiteral("The minimum duration cannot be negative."));
    if (maxDurationMs && *maxDurationMs < 0)
        return invalid(QStringLiteral("The maximum duration cannot be negative."));
    if (minDurationMs && maxDurationMs && *minDurationMs > *maxDurationMs)
        return invalid(QStringLiteral("The minimum duration is above the maximum."));
    if ((minSentiment && !sentimentInRange(*minSentiment)) ||
        (maxSentiment && !sentimentInRange(*maxSentiment)))
        return invalid(QStringLiteral("Sentiment filters must lie between -1 and 1."));
    if (minSentiment && maxSentiment && *minSentiment > *maxSentiment)
        return invalid(QStringLiteral("The minimum sentiment is above the maximum."));
    if (auto r = checkList(QStringLiteral("tag"), tagIds.size()); !r)
        return r;
    for (qint64 id : tagIds) {
        if (id <= 0)
            return invalid(QStringLiteral("Tag ids are positive numbers."));
    }
    if ((minScore && !scoreInRange(*minScore)) || (maxScore && !scoreInRange(*maxScore)))
        return invalid(QStringLiteral("Score filters must lie between %1 and %2.")
                           .arg(kMinScore)
                           .arg(kMaxScore));
    if (minScore && maxScore && *minScore > *maxScore)
        return invalid(QStringLiteral("The minimum score is above the maximum."));
    if (hasEvaluation == false && (minScore || maxScore))
        return invalid(QStringLiteral("A score range finds calls that have an evaluation: it "
                                      "cannot be combined with \"no evaluation\"."));
    return {};
}

QJsonObject SearchQuery::toJson() const
{
    QJsonObject json;
    if (from)
        json.insert(QStringLiteral("from"), static_cast<double>(from->toMSecsSinceEpoch()));
    if (to)
        json.insert(QStringLiteral("to"), static_cast<double>(to->toMSecsSinceEpoch()));
    if (!agentIds.isEmpty())
        json.insert(QStringLiteral("agents"), stringArray(agentIds));
    if (!agentName.isEmpty())
        json.insert(QStringLiteral("agentName"), agentName);
    if (!teams.isEmpty())
        json.insert(QStringLiteral("teams"), stringArray(teams));
    if (phone)
        json.insert(QStringLiteral("phone"),
                    QJsonObject{{QStringLiteral("match"), phoneMatchToText(phone->match())},
                                {QStringLiteral("value"), phone->typed()}});
    if (!directions.isEmpty()) {
        QJsonArray array;
        for (Direction d : directions)
            array.append(directionToText(d));
        json.insert(QStringLiteral("directions"), array);
    }
    if (minDurationMs)
        json.insert(QStringLiteral("minDurationMs"), static_cast<double>(*minDurationMs));
    if (maxDurationMs)
        json.insert(QStringLiteral("maxDurationMs"), static_cast<double>(*maxDurationMs));
    if (minSentiment)
        json.insert(QStringLiteral("minSentiment"), *minSentiment);
    if (maxSentiment)
        json.insert(QStringLiteral("maxSentiment"), *maxSentiment);
    if (sentimentLabel)
        json.insert(QStringLiteral("sentiment"), sentimentLabelToText(*sentimentLabel));
    if (!statuses.isEmpty()) {
        QJsonArray array;
        for (RecordingStatus s : statuses)
            array.append(recordingStatusToText(s));
        json.insert(QStringLiteral("statuses"), array);
    }
    if (!tagIds.isEmpty()) {
        QJsonArray array;
        for (qint64 id : tagIds)
            array.append(static_cast<double>(id));
        json.insert(QStringLiteral("tags"), array);
        json.insert(QStringLiteral("tagMatch"),
                    tagMatch == TagMatch::All ? QStringLiteral("all") : QStringLiteral("any"));
    }
    if (hasEvaluation)
        json.insert(QStringLiteral("hasEvaluation"), *hasEvaluation);
    if (minScore)
        json.insert(QStringLiteral("minScore"), *minScore);
    if (maxScore)
        json.insert(QStringLiteral("maxScore"), *maxScore);
    return json;
}

Result<SearchQuery> SearchQuery::fromJson(const QJsonObject &json)
{
    SearchQuery q;
    const auto bad = [](const QString &key) {
        return invalid(QStringLiteral("The search filter \"%1\" is not valid.").arg(key.left(40)));
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        qint64 number = 0;
        if (key == QLatin1String("from") || key == QLatin1String("to")) {
            if (!readInt64(value, &number))
                return bad(key);
            (key == QLatin1String("from") ? q.from : q.to) =
                QDateTime::fromMSecsSinceEpoch(number, Qt::UTC);
        } else if (key == QLatin1String("agents")) {
            if (!readStrings(value, &q.agentIds))
                return bad(key);
        } else if (key == QLatin1String("agentName")) {
            if (!value.isString())
                return bad(key);
            q.agentName = value.toString();
        } else if (key == QLatin1String("teams")) {
            if (!readStrings(value, &q.teams))
                return bad(key);
        } else if (key == QLatin1String("phone")) {
            const QJsonObject phone = value.toObject();
            const auto match = phoneMatchFromText(phone.value(QLatin1String("match")).toString());
            const QJsonValue typed = phone.value(QLatin1String("value"));
            if (!value.isObject() || phone.size() != 2 || !match || !typed.isString())
                return bad(key);
            q.phone = PhoneFilter(*match, typed.toString());
        } else if (key == QLatin1String("directions")) {
            if (!readEnums<Direction>(value, &directionFromText, &q.directions))
                return bad(key);
        } else if (key == QLatin1String("minDurationMs") || key == QLatin1String("maxDurationMs")) {
            if (!readInt64(value, &number))
                return bad(key);
            (key == QLatin1String("minDurationMs") ? q.minDurationMs : q.maxDurationMs) = number;
        } else if (key == QLatin1String("minSentiment") || key == QLatin1String("maxSentiment")) {
            if (!value.isDouble())
                return bad(key);
            (key == QLatin1String("minSentiment") ? q.minSentiment : q.maxSentiment) =
                value.toDouble();
        } else if (key == QLatin1String("sentiment")) {
            q.sentimentLabel = sentimentLabelFromText(value.toString());
            if (!q.sentimentLabel)
                return bad(key);
        } else if (key == QLatin1String("statuses")) {
            if (!readEnums<RecordingStatus>(value, &recordingStatusFromText, &q.statuses))
                return bad(key);
        } else if (key == QLatin1String("tags")) {
            if (!value.isArray())
                return bad(key);
            for (const QJsonValue &item : value.toArray()) {
                if (!readInt64(item, &number))
                    return bad(key);
                q.tagIds.append(number);
            }
        } else if (key == QLatin1String("tagMatch")) {
            if (value.toString() == QLatin1String("all"))
                q.tagMatch = TagMatch::All;
            else if (value.toString() == QLatin1String("any"))
                q.tagMatch = TagMatch::Any;
            else
                return bad(key);
        } else if (key == QLatin1String("hasEvaluation")) {
            if (!value.isBool())
                return bad(key);
            q.hasEvaluation = value.toBool();
        } else if (key == QLatin1String("minScore") || key == QLatin1String("maxScore")) {
            if (!value.isDouble())
                return bad(key);
            (key == QLatin1String("minScore") ? q.minScore : q.maxScore) = value.toDouble();
        } else {
            return bad(key);
        }
    }
    if (auto valid = q.validate(); !valid)
        return valid.error();
    return q;
}

bool SearchQuery::operator==(const SearchQuery &o) const
{
    return from == o.from && to == o.to && agentIds == o.agentIds && agentName == o.agentName &&
           teams == o.teams && phone == o.phone && directions == o.directions &&
           minDurationMs == o.minDurationMs && maxDurationMs == o.maxDurationMs &&
           minSentiment == o.minSentiment && maxSentiment == o.maxSentiment &&
           sentimentLabel == o.sentimentLabel && statuses == o.statuses && tagIds == o.tagIds &&
           (tagIds.isEmpty() || tagMatch == o.tagMatch) && hasEvaluation == o.hasEvaluation &&
           minScore == o.minScore && maxScore == o.maxScore;
}

} // namespace cv
