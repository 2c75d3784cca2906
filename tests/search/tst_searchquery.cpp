// SearchQuery validation and JSON, SearchSort texts, SearchCursor tokens.
#include "search/searchcursor.h"
#include "search/searchquery.h"
#include "search/searchscope.h"
#include "search/searchsort.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cv;

namespace {

SearchQuery fullQuery()
{
    SearchQuery q;
    q.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    q.to = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
    q.agentIds = {QStringLiteral("A0001"), QStringLiteral("工号-7")};
    q.agentName = QStringLiteral("王");
    q.teams = {QStringLiteral("team-01")};
    q.phone = PhoneFilter(PhoneMatch::Suffix, QStringLiteral("8000"));
    q.directions = {Direction::Inbound, Direction::Internal};
    q.minDurationMs = 60'000;
    q.maxDurationMs = 600'000;
    q.minSentiment = -0.75;
    q.maxSentiment = 0.125;
    q.sentimentLabel = SentimentLabel::Negative;
    q.statuses = {RecordingStatus::Recovered};
    q.tagIds = {3, 9};
    q.tagMatch = TagMatch::All;
    q.hasEvaluation = true;
    q.minScore = 72.5;
    q.maxScore = 100;
    return q;
}

} // namespace

class TestSearchQuery final : public QObject
{
    Q_OBJECT

private slots:
    void emptyQueryIsValid();
    void fullQueryIsValid();
    void scoreBoundsAreValid();
    void rejects_data();
    void rejects();
    void jsonRoundTrip();
    void jsonOmitsUnsetFilters();
    void jsonRejects_data();
    void jsonRejects();
    void sortText();
    void cursorRoundTrip();
    void cursorNullSentiment();
    void cursorRejects_data();
    void cursorRejects();
    void scopeJson();
};

void TestSearchQuery::emptyQueryIsValid()
{
    QVERIFY(SearchQuery().validate().ok());
    QCOMPARE(SearchQuery().toJson(), QJsonObject());
}

void TestSearchQuery::fullQueryIsValid()
{
    const auto valid = fullQuery().validate();
    QVERIFY2(valid.ok(), qPrintable(valid.errorMessage()));
}

void TestSearchQuery::scoreBoundsAreValid()
{
    // Both ends of 0..100 are scores; "no evaluation" alone is a filter of its own.
    for (const auto &[min, max] : {std::pair<double, double>{0, 0}, {100, 100}, {0, 100}}) {
        SearchQuery q;
        q.minScore = min;
        q.maxScore = max;
        QVERIFY2(q.validate().ok(), qPrintable(q.validate().errorMessage()));
    }
    SearchQuery none;
    none.hasEvaluation = false;
    QVERIFY(none.validate().ok());
    SearchQuery lowerOnly;
    lowerOnly.hasEvaluation = true;
    lowerOnly.minScore = 0;
    QVERIFY(lowerOnly.validate().ok());
}

void TestSearchQuery::rejects_data()
{
    QTest::addColumn<int>("which");
    for (int i = 0; i < 23; ++i)
        QTest::newRow(qPrintable(QString::number(i))) << i;
}

void TestSearchQuery::rejects()
{
    QFETCH(int, which);
    SearchQuery q;
    const QDateTime t(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    switch (which) {
    case 0:
        q.from = t;
        q.to = t;
        break; // empty range
    case 1:
        q.from = t.addDays(1);
        q.to = t;
        break; // inverted
    case 2:
        q.agentIds = {QString()};
        break; // empty id
    case 3:
        q.agentIds = {QString(SearchQuery::kMaxTextLength + 1, u'a')};
        break;
    case 4:
        q.teams = {QStringLiteral("a") + QChar(0) + QStringLiteral("b")};
        break;
    case 5:
        q.agentName = QString(100 * 1024, u'x');
        break; // 100 kB
    case 6:
        for (int i = 0; i <= SearchQuery::kMaxListValues; ++i)
            q.agentIds.append(QString::number(i));
        break;
    case 7:
        q.phone = PhoneFilter(PhoneMatch::Suffix, QStringLiteral("12"));
        break;
    case 8:
        q.phone = PhoneFilter(PhoneMatch::Exact, QStringLiteral("x' OR '1'='1"));
        break;
    case 9:
        q.minDurationMs = -1;
        break;
    case 10:
        q.minDurationMs = 10;
        q.maxDurationMs = 5;
        break;
    case 11:
        q.minSentiment = -1.5;
        break;
    case 12:
        q.maxSentiment = std::numeric_limits<double>::quiet_NaN();
        break;
    case 13:
        q.minSentiment = 0.5;
        q.maxSentiment = 0.1;
        break;
    case 14:
        q.tagIds = {0};
        break;
    case 15:
        q.phone =
            PhoneFilter(PhoneMatch::Prefix, QStringLiteral("1") + QChar(0) + QStringLiteral("38"));
        break;
    case 16:
        q.minScore = -0.5;
        break;
    case 17:
        q.maxScore = 100.5;
        break;
    case 18:
        q.minScore = std::numeric_limits<double>::quiet_NaN();
        break;
    case 19:
        q.maxScore = std::numeric_limits<double>::infinity();
        break;
    case 20:
        q.minScore = 80;
        q.maxScore = 70;
        break; // inverted
    case 21:
        q.hasEvaluation = false;
        q.minScore = 50;
        break; // no call has a score without an evaluation
    case 22:
        q.hasEvaluation = false;
        q.maxScore = 50;
        break;
    }
    const auto valid = q.validate();
    QVERIFY(!valid.ok());
    QCOMPARE(valid.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!valid.errorMessage().isEmpty());
    QVERIFY(valid.errorMessage().size() < 300);
}

void TestSearchQuery::jsonRoundTrip()
{
    const SearchQuery q = fullQuery();
    const QJsonObject json = q.toJson();
    // Through text, as it is stored in the audit trail.
    const QJsonObject parsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const auto back = SearchQuery::fromJson(parsed);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QVERIFY(back.value() == q);
    QCOMPARE(json.value(QLatin1String("from")).toDouble(), 1709251200000.0);
    QCOMPARE(json.value(QLatin1String("phone")).toObject().value(QLatin1String("match")).toString(),
             QStringLiteral("suffix"));
    QCOMPARE(json.value(QLatin1String("directions")).toArray().first().toString(),
             QStringLiteral("in"));
    QCOMPARE(json.value(QLatin1String("sentiment")).toString(), QStringLiteral("negative"));
    QCOMPARE(json.value(QLatin1String("tagMatch")).toString(), QStringLiteral("all"));
    QCOMPARE(json.value(QLatin1String("hasEvaluation")), QJsonValue(true));
    QCOMPARE(json.value(QLatin1String("minScore")).toDouble(), 72.5);
    QCOMPARE(json.value(QLatin1String("maxScore")).toDouble(), 100.0);
    // "no evaluation" is false, not absent.
    SearchQuery none;
    none.hasEvaluation = false;
    const auto noneBack = SearchQuery::fromJson(none.toJson());
    QVERIFY(noneBack.ok());
    QVERIFY(noneBack->hasEvaluation == std::optional<bool>(false));
    QVERIFY(noneBack.value() == none);
    QVERIFY(!(noneBack.value() == SearchQuery()));
}

void TestSearchQuery::jsonOmitsUnsetFilters()
{
    SearchQuery q;
    q.statuses = {RecordingStatus::Normal};
    QCOMPARE(q.toJson().keys(), QStringList{QStringLiteral("statuses")});
}

void TestSearchQuery::jsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("unknown key") << QByteArray(R"({"sql":"DROP TABLE recordings"})");
    QTest::newRow("from as text") << QByteArray(R"({"from":"2024-01-01"})");
    QTest::newRow("fraction ms") << QByteArray(R"({"from":1.5})");
    QTest::newRow("agents not list") << QByteArray(R"({"agents":"A1"})");
    QTest::newRow("agent number") << QByteArray(R"({"agents":[1]})");
    QTest::newRow("bad direction") << QByteArray(R"({"directions":["sideways"]})");
    QTest::newRow("bad status") << QByteArray(R"({"statuses":["deleted"]})");
    QTest::newRow("bad label") << QByteArray(R"({"sentiment":"angry"})");
    QTest::newRow("bad phone match") << QByteArray(R"({"phone":{"match":"like","value":"1"}})");
    QTest::newRow("phone extra key")
        << QByteArray(R"({"phone":{"match":"exact","value":"13800138000","x":1}})");
    QTest::newRow("invalid range") << QByteArray(R"({"from":5,"to":4})");
    QTest::newRow("bad tag match") << QByteArray(R"({"tags":[1],"tagMatch":"some"})");
    QTest::newRow("has evaluation as text") << QByteArray(R"({"hasEvaluation":"yes"})");
    QTest::newRow("has evaluation as number") << QByteArray(R"({"hasEvaluation":1})");
    QTest::newRow("has evaluation null") << QByteArray(R"({"hasEvaluation":null})");
    QTest::newRow("score as text") << QByteArray(R"({"minScore":"80"})");
    QTest::newRow("score as list") << QByteArray(R"({"maxScore":[90]})");
    QTest::newRow("score null") << QByteArray(R"({"minScore":null})");
    QTest::newRow("score as object") << QByteArray(R"({"maxScore":{"$gt":1}})");
    QTest::newRow("score above 100") << QByteArray(R"({"maxScore":100.01})");
    QTest::newRow("score below 0") << QByteArray(R"({"minScore":-1})");
    QTest::newRow("score inverted") << QByteArray(R"({"minScore":90,"maxScore":80})");
    QTest::newRow("score without evaluation")
        << QByteArray(R"({"hasEvaluation":false,"minScore":10})");
}

void TestSearchQuery::jsonRejects()
{
    QFETCH(QByteArray, json);
    const auto q = SearchQuery::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!q.ok());
    QCOMPARE(q.error().code, ErrorCode::InvalidArgument);
}

void TestSearchQuery::sortText()
{
    for (auto key :
         {SearchSort::Key::Time, SearchSort::Key::Duration, SearchSort::Key::Sentiment}) {
        for (auto order : {SearchSort::Order::Ascending, SearchSort::Order::Descending}) {
            const SearchSort sort{key, order};
            const auto back = SearchSort::fromText(sort.toText());
            QVERIFY(back.has_value());
            QVERIFY(*back == sort);
        }
    }
    QCOMPARE(SearchSort::fromText(QStringLiteral("duration"))->order,
             SearchSort::Order::Descending);
    QVERIFY(!SearchSort::fromText(QStringLiteral("agent_id")).has_value());
    QVERIFY(!SearchSort::fromText(QStringLiteral("time:up")).has_value());
    QVERIFY(!SearchSort::fromText(QStringLiteral("time; DROP TABLE x")).has_value());
}

void TestSearchQuery::cursorRoundTrip()
{
    SearchCursor::Key key;
    key.sentiment = -0.123456789012345;
    const QUuid id = QUuid::createUuid();
    const SearchCursor cursor(
        fullQuery(), {SearchSort::Key::Sentiment, SearchSort::Order::Ascending}, 25, key, id);
    const QString token = cursor.toToken();
    QVERIFY(token.startsWith(QLatin1String("cv1.")));
    const auto back = SearchCursor::fromToken(token, 1000);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QVERIFY(back->query() == fullQuery());
    QCOMPARE(back->sort().key, SearchSort::Key::Sentiment);
    QCOMPARE(back->pageSize(), 25);
    QCOMPARE(back->lastId(), id);
    QVERIFY(back->lastKey().sentiment.has_value());
    QCOMPARE(*back->lastKey().sentiment, -0.123456789012345); // exact, for the keyset

    SearchCursor::Key time;
    time.integer = 1709251200123;
    const SearchCursor byTime(SearchQuery(), SearchSort(), 50, time, id);
    QCOMPARE(SearchCursor::fromToken(byTime.toToken(), 1000)->lastKey().integer, 1709251200123);
}

void TestSearchQuery::cursorNullSentiment()
{
    const SearchCursor cursor(SearchQuery(),
                              {SearchSort::Key::Sentiment, SearchSort::Order::Descending}, 10,
                              SearchCursor::Key{}, QUuid::createUuid());
    const auto back = SearchCursor::fromToken(cursor.toToken(), 1000);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QVERIFY(!back->lastKey().sentiment.has_value());
}

void TestSearchQuery::cursorRejects_data()
{
    QTest::addColumn<QString>("token");
    const auto token = [](const QByteArray &json) -> QString {
        return QStringLiteral("cv1.") +
               QString::fromLatin1(
                   json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    const QByteArray id = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    QTest::newRow("empty") << QString();
    QTest::newRow("no prefix") << QStringLiteral("abc");
    QTest::newRow("not base64") << QStringLiteral("cv1.$$$");
    QTest::newRow("not json") << token("hello");
    QTest::newRow("too long") << QStringLiteral("cv1.") +
                                     QString(SearchCursor::kMaxTokenLength, u'A');
    QTest::newRow("page size 0") << token(R"({"q":{},"s":"time:desc","n":0,"k":1,"id":")" + id +
                                          "\"}");
    QTest::newRow("page size huge")
        << token(R"({"q":{},"s":"time:desc","n":100000,"k":1,"id":")" + id + "\"}");
    QTest::newRow("bad sort") << token(
        R"({"q":{},"s":"id; DROP TABLE recordings","n":5,"k":1,"id":")" + id + "\"}");
    QTest::newRow("bad id") << token(R"({"q":{},"s":"time:desc","n":5,"k":1,"id":"' OR 1=1"})");
    QTest::newRow("text key") << token(R"({"q":{},"s":"time:desc","n":5,"k":"1 OR 1=1","id":")" +
                                       id + "\"}");
    QTest::newRow("bad filter") << token(
        R"({"q":{"agents":[1]},"s":"time:desc","n":5,"k":1,"id":")" + id + "\"}");
    QTest::newRow("extra key") << token(R"({"q":{},"s":"time:desc","n":5,"k":1,"id":")" + id +
                                        R"(","x":1})");
    QTest::newRow("score as text")
        << token(R"({"q":{"minScore":"1 OR 1=1"},"s":"time:desc","n":5,"k":1,"id":")" + id + "\"}");
    QTest::newRow("score out of range")
        << token(R"({"q":{"maxScore":1e300},"s":"time:desc","n":5,"k":1,"id":")" + id + "\"}");
}

void TestSearchQuery::cursorRejects()
{
    QFETCH(QString, token);
    const auto cursor = SearchCursor::fromToken(token, 1000);
    QVERIFY(!cursor.ok());
    QCOMPARE(cursor.error().code, ErrorCode::InvalidArgument);
}

void TestSearchQuery::scopeJson()
{
    QCOMPARE(SearchScope::all().toJson().value(QLatin1String("kind")).toString(),
             QStringLiteral("all"));
    QVERIFY(!SearchScope::all().isEmpty());
    QVERIFY(SearchScope::teams({}).isEmpty());
    QVERIFY(SearchScope::agent(QString()).isEmpty());
    const QJsonObject teams = SearchScope::teams({QStringLiteral("t1")}).toJson();
    QCOMPARE(teams.value(QLatin1String("teams")).toArray().first().toString(),
             QStringLiteral("t1"));
    QCOMPARE(
        SearchScope::agent(QStringLiteral("A1")).toJson().value(QLatin1String("agent")).toString(),
        QStringLiteral("A1"));
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
