// The text rules of core/tags without a catalog: tag names (trimmed, 1..64 characters, no
// control characters or commas, ASCII letters ignore case), bookmark texts (exact, up to
// 2000 characters, line breaks allowed) and bookmark positions as people type them.
#include "tags/bookmarktext.h"
#include "tags/offsettext.h"
#include "tags/tagname.h"

#include <QTest>

using namespace cv;

class TestTagText final : public QObject
{
    Q_OBJECT

private slots:
    void tagNames_data();
    void tagNames();
    void tagNamesIgnoreAsciiCaseOnly();
    void bookmarkTexts_data();
    void bookmarkTexts();
    void offsets_data();
    void offsets();
    void offsetFormat();
};

void TestTagText::tagNames_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored"); // empty: refused
    QTest::newRow("plain") << QStringLiteral("VIP") << QStringLiteral("VIP");
    QTest::newRow("chinese") << QStringLiteral("投诉") << QStringLiteral("投诉");
    QTest::newRow("trimmed") << QStringLiteral("  needs follow-up \t")
                             << QStringLiteral("needs follow-up");
    QTest::newRow("ideographic space trimmed")
        << (QChar(0x3000) + QStringLiteral("表扬") + QChar(0x3000)) << QStringLiteral("表扬");
    QTest::newRow("inner spaces kept") << QStringLiteral("a  b") << QStringLiteral("a  b");
    QTest::newRow("quotes") << QStringLiteral("it's \"ok\"") << QStringLiteral("it's \"ok\"");
    QTest::newRow("64 characters") << QString(64, u'x') << QString(64, u'x');
    QTest::newRow("64 emoji") << QStringLiteral("😀").repeated(64)
                              << QStringLiteral("😀").repeated(64);
    QTest::newRow("65 characters") << QString(65, u'x') << QString();
    QTest::newRow("65 emoji") << QStringLiteral("😀").repeated(65) << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   ") << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QString();
    QTest::newRow("newline inside") << QStringLiteral("a\nb") << QString();
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QString();
    QTest::newRow("lone surrogate") << (QStringLiteral("a") + QChar(0xd800)) << QString();
    QTest::newRow("replacement character") << QString::fromUtf8("\xff vip") << QString();
}

void TestTagText::tagNames()
{
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    const auto name = TagName::parse(typed);
    if (stored.isEmpty()) {
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(name.errorMessage().startsWith(QLatin1String("A tag name ")),
                 qPrintable(name.errorMessage()));
    } else {
        QVERIFY2(name.ok(), qPrintable(name.errorMessage()));
        QCOMPARE(name->text(), stored);
    }
}

void TestTagText::tagNamesIgnoreAsciiCaseOnly()
{
    const TagName vip = TagName::parse(QStringLiteral("VIP")).value();
    QVERIFY(vip.matches(QStringLiteral("vip")));
    QVERIFY(vip.matches(QStringLiteral("Vip")));
    QVERIFY(!vip.matches(QStringLiteral("vip2")));
    QCOMPARE(vip.key(), QStringLiteral("vip"));
    // Outside ASCII case stays significant (as SQLite's lower() sees it).
    const TagName umlaut = TagName::parse(QStringLiteral("Ärger")).value();
    QVERIFY(umlaut.matches(QStringLiteral("ÄRGER")));
    QVERIFY(!umlaut.matches(QStringLiteral("ärger")));
    QVERIFY(TagName::parse(QStringLiteral("vi")).value().isPrefixOf(QStringLiteral("VIP")));
    QVERIFY(!TagName::parse(QStringLiteral("ip")).value().isPrefixOf(QStringLiteral("VIP")));
}

void TestTagText::bookmarkTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("plain") << QStringLiteral("客户要求退款 at 1:23") << true;
    QTest::newRow("lines and tabs") << QStringLiteral(" first\r\n\tsecond \n") << true;
    QTest::newRow("2000") << QString(2000, u'x') << true;
    QTest::newRow("2000 emoji") << QStringLiteral("😀").repeated(2000) << true;
    QTest::newRow("2001") << QString(2001, u'x') << false;
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0)) << false;
    QTest::newRow("escape") << QStringLiteral("\x1b[31mred") << false;
    QTest::newRow("lone surrogate") << QString(QChar(0xdc00)) << false;
    QTest::newRow("broken UTF-8") << QString::fromUtf8("\xc3\x28") << false;
}

void TestTagText::bookmarkTexts()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    const auto checked = bookmarktext::check(text);
    QCOMPARE(checked.ok(), accepted);
    if (!accepted) {
        QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
        QVERIFY(checked.errorMessage().startsWith(QLatin1String("A bookmark text ")));
    }
}

void TestTagText::offsets_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::newRow("ms") << QStringLiteral("83000") << qint64(83000);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("m:ss") << QStringLiteral("1:23") << qint64(83000);
    QTest::newRow("mm:ss") << QStringLiteral("01:23") << qint64(83000);
    QTest::newRow("fraction") << QStringLiteral("1:23.5") << qint64(83500);
    QTest::newRow("millis") << QStringLiteral("1:23.045") << qint64(83045);
    QTest::newRow("long minutes") << QStringLiteral("90:00") << qint64(5400000);
    QTest::newRow("h:mm:ss") << QStringLiteral("1:02:03") << qint64(3723000);
    QTest::newRow("h:mm:ss.f") << QStringLiteral("1:02:03.250") << qint64(3723250);
    QTest::newRow("spaces") << QStringLiteral(" 0:05 ") << qint64(5000);
    QTest::newRow("60 seconds") << QStringLiteral("1:60") << qint64(-1);
    QTest::newRow("60 minutes with hours") << QStringLiteral("1:60:00") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("words") << QStringLiteral("soon") << qint64(-1);
    QTest::newRow("one digit seconds") << QStringLiteral("1:2") << qint64(-1);
    QTest::newRow("four decimals") << QStringLiteral("1:02.1234") << qint64(-1);
    QTest::newRow("injection") << QStringLiteral("1:00' OR 1=1") << qint64(-1);
}

void TestTagText::offsets()
{
    QFETCH(QString, typed);
    QFETCH(qint64, ms);
    const auto parsed = offsettext::parse(typed);
    if (ms < 0) {
        QVERIFY2(!parsed, qPrintable(typed));
    } else {
        QVERIFY2(parsed.has_value(), qPrintable(typed));
        QCOMPARE(*parsed, ms);
    }
}

void TestTagText::offsetFormat()
{
    QCOMPARE(offsettext::format(0), QStringLiteral("0:00.000"));
    QCOMPARE(offsettext::format(83045), QStringLiteral("1:23.045"));
    QCOMPARE(offsettext::format(3723250), QStringLiteral("1:02:03.250"));
    for (const qint64 ms :
         {qint64(0), qint64(59999), qint64(83045), qint64(3599999), qint64(3723250)})
        QCOMPARE(offsettext::parse(offsettext::format(ms)).value_or(-1), ms);
}

QTEST_GUILESS_MAIN(TestTagText)
#include "tst_tagtext.moc"
