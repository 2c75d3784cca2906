// PhoneNumber and PhoneFilter: every written form of a number normalizes to one canonical
// form; prefixes, suffixes and their index ranges.
#include "search/phonefilter.h"
#include "search/phonenumber.h"

#include <QTest>

using namespace cv;

class TestPhoneNumber final : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void reversed();
    void prefix_data();
    void prefix();
    void prefixRejects();
    void suffix();
    void successor();
    void filterParse_data();
    void filterParse();
    void filterRejects_data();
    void filterRejects();
    void fullWidthInput();
};

void TestPhoneNumber::normalize_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("canonical");
    const QString mobile = QStringLiteral("13800138000");
    const QString shanghai = QStringLiteral("02161234567");
    QTest::newRow("E.164 spaced") << QStringLiteral("+86 138 0013 8000") << mobile;
    QTest::newRow("E.164") << QStringLiteral("+8613800138000") << mobile;
    QTest::newRow("0086") << QStringLiteral("008613800138000") << mobile;
    QTest::newRow("86 no plus") << QStringLiteral("8613800138000") << mobile;
    QTest::newRow("national") << QStringLiteral("13800138000") << mobile;
    QTest::newRow("dashes") << QStringLiteral("138-0013-8000") << mobile;
    QTest::newRow("dots") << QStringLiteral("138.0013.8000") << mobile;
    QTest::newRow("trunk 0 mobile") << QStringLiteral("013800138000") << mobile;
    QTest::newRow("+86 (0) mobile") << QStringLiteral("+86 (0)138 0013 8000") << mobile;
    QTest::newRow("landline dash") << QStringLiteral("021-6123 4567") << shanghai;
    QTest::newRow("landline E.164") << QStringLiteral("+86 21 6123 4567") << shanghai;
    QTest::newRow("landline +86 (0)") << QStringLiteral("+86 (0)21 6123 4567") << shanghai;
    QTest::newRow("landline 0086") << QStringLiteral("0086 21 61234567") << shanghai;
    QTest::newRow("landline 86 no plus") << QStringLiteral("862161234567") << shanghai;
    QTest::newRow("landline parens") << QStringLiteral("(021) 6123.4567") << shanghai;
    QTest::newRow("landline slash") << QStringLiteral("021/61234567") << shanghai;
    QTest::newRow("landline tab") << QStringLiteral("021\t61234567") << shanghai;
    QTest::newRow("Beijing E.164")
        << QStringLiteral("+86 10 6512 3456") << QStringLiteral("01065123456");
    QTest::newRow("Beijing national")
        << QStringLiteral("010-6512 3456") << QStringLiteral("01065123456");
    QTest::newRow("3-digit area") << QStringLiteral("+86 571 8888 1234")
                                  << QStringLiteral("057188881234");
    QTest::newRow("3-digit area 86")
        << QStringLiteral("8657188881234") << QStringLiteral("057188881234");
    QTest::newRow("400 E.164") << QStringLiteral("+86 400 810 8888")
                               << QStringLiteral("4008108888");
    QTest::newRow("400 national") << QStringLiteral("400-810-8888") << QStringLiteral("4008108888");
    QTest::newRow("abroad +") << QStringLiteral("+1 (415) 555-0100")
                              << QStringLiteral("0014155550100");
    QTest::newRow("abroad 00") << QStringLiteral("001 415 555 0100")
                               << QStringLiteral("0014155550100");
    QTest::newRow("Hong Kong") << QStringLiteral("+852 2123 4567")
                               << QStringLiteral("0085221234567");
    QTest::newRow("local 8 digits") << QStringLiteral("6123 4567") << QStringLiteral("61234567");
    QTest::newRow("extension") << QStringLiteral("8001") << QStringLiteral("8001");
    QTest::newRow("service") << QStringLiteral("95588") << QStringLiteral("95588");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("words") << QStringLiteral("anonymous") << QString();
    QTest::newRow("plus only") << QStringLiteral("+") << QString();
    QTest::newRow("+86 only") << QStringLiteral("+86") << QString();
    QTest::newRow("two plus") << QStringLiteral("++8613800138000") << QString();
    QTest::newRow("plus inside") << QStringLiteral("138+00138000") << QString();
    QTest::newRow("letters") << QStringLiteral("138OO138OOO") << QString();
    QTest::newRow("19 digits") << QStringLiteral("1234567890123456789") << QString();
    QTest::newRow("18 digits") << QStringLiteral("123456789012345678")
                               << QStringLiteral("123456789012345678");
    QTest::newRow("newline") << QStringLiteral("138\n00138000") << QString();
    QTest::newRow("full-width stored") << QStringLiteral("１３８００１３８０００") << QString();
}

void TestPhoneNumber::normalize()
{
    QFETCH(QString, raw);
    QFETCH(QString, canonical);
    QCOMPARE(PhoneNumber::normalize(raw), canonical);
    QVERIFY(PhoneNumber::normalize(raw).size() <= PhoneNumber::kMaxCanonicalLength);
}

void TestPhoneNumber::reversed()
{
    QCOMPARE(PhoneNumber::reversed(QStringLiteral("13800138000")), QStringLiteral("00083100831"));
    QCOMPARE(PhoneNumber::reversed(QString()), QString());
}

void TestPhoneNumber::prefix_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("mobile") << QStringLiteral("1380013") << QStringLiteral("1380013");
    QTest::newRow("mobile dashed") << QStringLiteral("138-0013") << QStringLiteral("1380013");
    QTest::newRow("mobile +86") << QStringLiteral("+86 138 0013") << QStringLiteral("1380013");
    QTest::newRow("mobile 0086") << QStringLiteral("0086138") << QStringLiteral("138");
    QTest::newRow("mobile trunk 0") << QStringLiteral("0138001") << QStringLiteral("138001");
    QTest::newRow("area code") << QStringLiteral("021") << QStringLiteral("021");
    QTest::newRow("area code +86") << QStringLiteral("+86 21") << QStringLiteral("021");
    QTest::newRow("area code +86 (0)") << QStringLiteral("+86 (0)21 61") << QStringLiteral("02161");
    QTest::newRow("Beijing +86") << QStringLiteral("+86 10 65") << QStringLiteral("01065");
    QTest::newRow("400 +86") << QStringLiteral("+86 400 8") << QStringLiteral("4008");
    QTest::newRow("abroad") << QStringLiteral("+1 415") << QStringLiteral("001415");
    QTest::newRow("whole number") << QStringLiteral("8613800138000")
                                  << QStringLiteral("13800138000");
}

void TestPhoneNumber::prefix()
{
    QFETCH(QString, typed);
    QFETCH(QString, prefix);
    const auto got = PhoneNumber::normalizePrefix(typed);
    QVERIFY2(got.ok(), qPrintable(got.errorMessage()));
    QCOMPARE(got.value(), prefix);
}

void TestPhoneNumber::prefixRejects()
{
    for (const QString &typed :
         {QStringLiteral("13"), QStringLiteral("+86"), QStringLiteral("+86 0"),
          QStringLiteral("abc"), QStringLiteral(""), QStringLiteral("12a4")}) {
        const auto got = PhoneNumber::normalizePrefix(typed);
        QVERIFY2(!got.ok(), qPrintable(typed));
        QCOMPARE(got.error().code, ErrorCode::InvalidArgument);
    }
}

void TestPhoneNumber::suffix()
{
    QCOMPARE(PhoneNumber::suffixDigits(QStringLiteral("8000")).value(), QStringLiteral("8000"));
    QCOMPARE(PhoneNumber::suffixDigits(QStringLiteral("34-567")).value(), QStringLiteral("34567"));
    QVERIFY(!PhoneNumber::suffixDigits(QStringLiteral("000")).ok());
    QVERIFY(!PhoneNumber::suffixDigits(QStringLiteral("+8000")).ok());
    QVERIFY(!PhoneNumber::suffixDigits(QStringLiteral("80a0")).ok());
    QVERIFY(!PhoneNumber::suffixDigits(QString(19, u'1')).ok());
}

void TestPhoneNumber::successor()
{
    QCOMPARE(PhoneNumber::prefixSuccessor(QStringLiteral("1380013")), QStringLiteral("1380014"));
    QCOMPARE(PhoneNumber::prefixSuccessor(QStringLiteral("1389")), QStringLiteral("139"));
    QCOMPARE(PhoneNumber::prefixSuccessor(QStringLiteral("0999")), QStringLiteral("1"));
    QCOMPARE(PhoneNumber::prefixSuccessor(QStringLiteral("999")), QString());
    // Every string with the prefix lies in [prefix, successor), nothing else does.
    const QString prefix = QStringLiteral("0219");
    const QString next = PhoneNumber::prefixSuccessor(prefix);
    for (const QString &s :
         {QStringLiteral("0219"), QStringLiteral("02199999999"), QStringLiteral("0219000")})
        QVERIFY(s >= prefix && s < next);
    for (const QString &s :
         {QStringLiteral("022"), QStringLiteral("0218999"), QStringLiteral("021")})
        QVERIFY(!(s >= prefix && s < next));
}

void TestPhoneNumber::filterParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("match");
    QTest::addColumn<QString>("key");
    QTest::newRow("exact E.164") << QStringLiteral("+86 138 0013 8000") << int(PhoneMatch::Exact)
                                 << QStringLiteral("13800138000");
    QTest::newRow("exact 0086") << QStringLiteral("008613800138000") << int(PhoneMatch::Exact)
                                << QStringLiteral("13800138000");
    QTest::newRow("prefix") << QStringLiteral("1380013*") << int(PhoneMatch::Prefix)
                            << QStringLiteral("1380013");
    QTest::newRow("prefix +86 landline")
        << QStringLiteral(" +86 21 6123* ") << int(PhoneMatch::Prefix) << QStringLiteral("0216123");
    QTest::newRow("suffix") << QStringLiteral("*8000") << int(PhoneMatch::Suffix)
                            << QStringLiteral("0008");
    QTest::newRow("suffix long") << QStringLiteral("*6123 4567") << int(PhoneMatch::Suffix)
                                 << QStringLiteral("76543216");
}

void TestPhoneNumber::filterParse()
{
    QFETCH(QString, text);
    QFETCH(int, match);
    QFETCH(QString, key);
    const auto filter = PhoneFilter::parse(text);
    QVERIFY2(filter.ok(), qPrintable(filter.errorMessage()));
    QCOMPARE(int(filter->match()), match);
    QCOMPARE(filter->key().value(), key);
    // The text form parses back to the same filter.
    const auto again = PhoneFilter::parse(filter->toText());
    QVERIFY(again.ok());
    QVERIFY(again.value() == filter.value());
    QCOMPARE(phoneMatchFromText(phoneMatchToText(filter->match())), filter->match());
}

void TestPhoneNumber::filterRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("star only") << QStringLiteral("*");
    QTest::newRow("both ends") << QStringLiteral("*800*");
    QTest::newRow("star inside") << QStringLiteral("138*000");
    QTest::newRow("short suffix") << QStringLiteral("*800");
    QTest::newRow("short prefix") << QStringLiteral("13*");
    QTest::newRow("words") << QStringLiteral("' OR 1=1 --");
    QTest::newRow("not a number") << QStringLiteral("anonymous");
}

void TestPhoneNumber::filterRejects()
{
    QFETCH(QString, text);
    const auto filter = PhoneFilter::parse(text);
    QVERIFY(!filter.ok());
    QCOMPARE(filter.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!filter.errorMessage().isEmpty());
}

void TestPhoneNumber::fullWidthInput()
{
    // Typed with a Chinese input method: full-width digits, plus and dashes.
    const auto exact = PhoneFilter::parse(QStringLiteral("＋８６ １３８－００１３－８０００"));
    QVERIFY2(exact.ok(), qPrintable(exact.errorMessage()));
    QCOMPARE(exact->key().value(), QStringLiteral("13800138000"));
    const auto suffix = PhoneFilter::parse(QStringLiteral("＊８０００"));
    QVERIFY2(suffix.ok(), qPrintable(suffix.errorMessage()));
    QCOMPARE(suffix->key().value(), QStringLiteral("0008"));
    const auto dash = PhoneFilter::parse(QStringLiteral("021—6123 4567")); // em dash
    QVERIFY2(dash.ok(), qPrintable(dash.errorMessage()));
    QCOMPARE(dash->key().value(), QStringLiteral("02161234567"));
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
