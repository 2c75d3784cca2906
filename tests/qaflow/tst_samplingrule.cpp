// SamplingRule's parameters JSON (strict: unknown fields, wrong types and out-of-range values
// refused with the field named) and the sampling periods (day, week from Monday 00:00 UTC,
// month).
#include "qa/samplingrule.h"

#include <QDateTime>
#include <QTest>

using namespace cv;

namespace {
qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestSamplingRule final : public QObject
{
    Q_OBJECT

private slots:
    void kindNames();
    void readsEveryKind();
    void roundTrip();
    void refusals_data();
    void refusals();
    void windows();
};

void TestSamplingRule::kindNames()
{
    for (SamplingKind kind : {SamplingKind::RandomPerAgent, SamplingKind::SentimentBelow,
                              SamplingKind::Tagged, SamplingKind::LongerThan})
        QCOMPARE(samplingKindFromName(samplingKindName(kind)), std::optional<SamplingKind>(kind));
    QCOMPARE(samplingKindName(SamplingKind::RandomPerAgent), QStringLiteral("random_per_agent"));
    QVERIFY(!samplingKindFromName(QStringLiteral("everything")));
}

void TestSamplingRule::readsEveryKind()
{
    auto random = samplingjson::readParameters(SamplingKind::RandomPerAgent,
                                               R"({"count":3,"period":"day"})");
    QVERIFY2(random.ok(), qPrintable(random.errorMessage()));
    QCOMPARE(random->count, 3);
    QCOMPARE(random->period, SamplingPeriod::Day);
    auto sentiment =
        samplingjson::readParameters(SamplingKind::SentimentBelow, R"({"threshold":-0.3})");
    QVERIFY2(sentiment.ok(), qPrintable(sentiment.errorMessage()));
    QCOMPARE(sentiment->threshold, -0.3);
    QCOMPARE(sentiment->period, SamplingPeriod::Week); // the default
    auto tagged = samplingjson::readParameters(
        SamplingKind::Tagged, R"({"tags":["complaint","VIP"],"match":"all","period":"month"})");
    QVERIFY2(tagged.ok(), qPrintable(tagged.errorMessage()));
    QCOMPARE(tagged->tags, (QStringList{QStringLiteral("complaint"), QStringLiteral("VIP")}));
    QCOMPARE(tagged->match, TagMatch::All);
    QCOMPARE(tagged->period, SamplingPeriod::Month);
    auto any = samplingjson::readParameters(SamplingKind::Tagged, R"({"tags":["complaint"]})");
    QVERIFY2(any.ok(), qPrintable(any.errorMessage()));
    QCOMPARE(any->match, TagMatch::Any);
    auto longer =
        samplingjson::readParameters(SamplingKind::LongerThan, R"({"minDurationMs":600000})");
    QVERIFY2(longer.ok(), qPrintable(longer.errorMessage()));
    QCOMPARE(longer->minDurationMs, 600000);
}

void TestSamplingRule::roundTrip()
{
    SamplingParameters p;
    p.tags = QStringList{QStringLiteral("投诉"), QStringLiteral("vip")};
    p.match = TagMatch::All;
    p.period = SamplingPeriod::Day;
    const QString json = samplingjson::writeParameters(SamplingKind::Tagged, p);
    QCOMPARE(json, QStringLiteral(R"({"match":"all","period":"day","tags":["投诉","vip"]})"));
    auto back = samplingjson::readParameters(SamplingKind::Tagged, json.toUtf8());
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(back->tags, p.tags);
    QCOMPARE(back->match, p.match);
    QCOMPARE(back->period, p.period);
}

void TestSamplingRule::refusals_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("names");
    const int random = static_cast<int>(SamplingKind::RandomPerAgent);
    const int sentiment = static_cast<int>(SamplingKind::SentimentBelow);
    const int tagged = static_cast<int>(SamplingKind::Tagged);
    const int longer = static_cast<int>(SamplingKind::LongerThan);
    QTest::newRow("not json") << random << QByteArray("{count:3") << "JSON object";
    QTest::newRow("array") << random << QByteArray("[3]") << "JSON object";
    QTest::newRow("unknown field") << random << QByteArray(R"({"count":3,"seed":1})") << "\"seed\"";
    QTest::newRow("other kind's field") << random << QByteArray(R"({"count":3,"threshold":0})")
                                        << "\"threshold\"";
    QTest::newRow("missing count") << random << QByteArray("{}") << "\"count\"";
    QTest::newRow("count zero") << random << QByteArray(R"({"count":0})") << "\"count\"";
    QTest::newRow("count fraction") << random << QByteArray(R"({"count":1.5})") << "\"count\"";
    QTest::newRow("count too big") << random << QByteArray(R"({"count":1001})") << "\"count\"";
    QTest::newRow("count text") << random << QByteArray(R"({"count":"3"})") << "\"count\"";
    QTest::newRow("bad period") << random << QByteArray(R"({"count":3,"period":"year"})")
                                << "\"period\"";
    QTest::newRow("threshold text") << sentiment << QByteArray(R"({"threshold":"low"})")
                                    << "\"threshold\"";
    QTest::newRow("threshold below -1") << sentiment << QByteArray(R"({"threshold":-1.5})")
                                        << "\"threshold\"";
    QTest::newRow("no tags") << tagged << QByteArray(R"({"tags":[]})") << "\"tags\"";
    QTest::newRow("tags not a list") << tagged << QByteArray(R"({"tags":"complaint"})") << "\"tags\"";
    QTest::newRow("tag not text") << tagged << QByteArray(R"({"tags":[1]})") << "\"tags\"";
    QTest::newRow("empty tag") << tagged << QByteArray(R"({"tags":[" "]})") << "\"tags\"";
    QTest::newRow("same tag twice") << tagged << QByteArray(R"({"tags":["VIP","vip"]})") << "\"tags\"";
    QTest::newRow("bad match") << tagged << QByteArray(R"({"tags":["a"],"match":"most"})")
                               << "\"match\"";
    QTest::newRow("duration zero") << longer << QByteArray(R"({"minDurationMs":0})")
                                   << "\"minDurationMs\"";
    QTest::newRow("duration two days") << longer << QByteArray(R"({"minDurationMs":172800000})")
                                       << "\"minDurationMs\"";
}

void TestSamplingRule::refusals()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, names);
    auto read = samplingjson::readParameters(static_cast<SamplingKind>(kind), json);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(read.errorMessage().contains(names), qPrintable(read.errorMessage()));
}

void TestSamplingRule::windows()
{
    // Wednesday 2024-04-03 15:30 UTC.
    const qint64 at = utc(2024, 4, 3, 15, 30);
    QCOMPARE(samplingWindow(SamplingPeriod::Day, at), std::make_pair(utc(2024, 4, 3), utc(2024, 4, 4)));
    QCOMPARE(samplingWindow(SamplingPeriod::Week, at), std::make_pair(utc(2024, 4, 1), utc(2024, 4, 8)));
    QCOMPARE(samplingWindow(SamplingPeriod::Month, at), std::make_pair(utc(2024, 4, 1), utc(2024, 5, 1)));
    // The first and the last millisecond of a week belong to it; Sunday is its last day.
    QCOMPARE(samplingWindow(SamplingPeriod::Week, utc(2024, 4, 1)).first, utc(2024, 4, 1));
    QCOMPARE(samplingWindow(SamplingPeriod::Week, utc(2024, 4, 8) - 1).first, utc(2024, 4, 1));
    QCOMPARE(samplingWindow(SamplingPeriod::Week, utc(2024, 4, 8)).first, utc(2024, 4, 8));
    // Across a year's end and a leap February.
    QCOMPARE(samplingWindow(SamplingPeriod::Week, utc(2025, 1, 1)),
             std::make_pair(utc(2024, 12, 30), utc(2025, 1, 6)));
    QCOMPARE(samplingWindow(SamplingPeriod::Month, utc(2024, 2, 29, 23, 59)),
             std::make_pair(utc(2024, 2, 1), utc(2024, 3, 1)));
}

QTEST_GUILESS_MAIN(TestSamplingRule)
#include "tst_samplingrule.moc"
