// callvaultctl tag and bookmark end to end, with the real binary on a SQLite site made by
// callvaultctl: users made with `user add` / `user passwd`, calls imported for agents of two
// teams; tagging, completion, search by tag, bookmarks by position, refusals (one line, exit
// 1), usage mistakes (exit 2), and the audit trail under the CallVault users' names.
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalog/catalogconfig.h"
#include "catalog/database.h"
#include "ctltesthelpers.h"

#include <QTest>

using namespace ctltest;

namespace {

const QString kPassword = QStringLiteral("a long enough password");

} // namespace

class TestTagsCtl final : public QObject
{
    Q_OBJECT

private:
    RunResult as(const QString &user, const QStringList &args) const
    {
        return m_site->ctl(args, m_site->envAs(user, kPassword));
    }
    static void expectRefused(const RunResult &r, const QString &phrase);

    std::unique_ptr<CtlSite> m_site;
    QString m_inT1; // agent A1, team T1, 3 s
    QString m_inT2; // agent A2, team T2

private slots:
    void initTestCase();
    void tagging();
    void taggingIsRefusedOutsideRoleAndScope();
    void bookmarks();
    void bookmarksAreRefusedOutsideRoleAndScope();
    void usageMistakesExitTwo_data();
    void usageMistakesExitTwo();
    void auditedUnderTheUsersNames();
};

void TestTagsCtl::expectRefused(const RunResult &r, const QString &phrase)
{
    CTL_EXPECT_EXIT(r, 1);
    QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.err, phrase);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestTagsCtl::initTestCase()
{
    QVERIFY2(!ctlPath().isEmpty(), "CALLVAULT_BUILD_DIR is not set");
    m_site = std::make_unique<CtlSite>();
    CTL_EXPECT_EXIT(m_site->init(), 0);
    RunResult r;
    m_inT1 =
        m_site->importSine(8000, 1, 3000, {QStringLiteral("--agent"), QStringLiteral("A1")}, &r);
    QVERIFY2(!m_inT1.isEmpty(), qPrintable(r.describe()));
    m_inT2 =
        m_site->importSine(8000, 1, 3000, {QStringLiteral("--agent"), QStringLiteral("A2")}, &r);
    QVERIFY2(!m_inT2.isEmpty(), qPrintable(r.describe()));
    const QList<QStringList> setup = {
        {QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("T1")},
        {QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("T2")},
        {QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A1"),
         QStringLiteral("T1")},
        {QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A2"),
         QStringLiteral("T2")},
    };
    for (const QStringList &args : setup)
        CTL_EXPECT_EXIT(m_site->ctl(args, m_site->adminEnv()), 0);
    QVERIFY2(m_site->addUser(QStringLiteral("sup"),
                             {QStringLiteral("--role"), QStringLiteral("supervisor"),
                              QStringLiteral("--team"), QStringLiteral("T1")},
                             kPassword, &r),
             qPrintable(r.describe()));
    QVERIFY2(m_site->addUser(QStringLiteral("qa"),
                             {QStringLiteral("--role"), QStringLiteral("qa_evaluator"),
                              QStringLiteral("--team"), QStringLiteral("T1")},
                             kPassword, &r),
             qPrintable(r.describe()));
    QVERIFY2(m_site->addUser(QStringLiteral("ag"),
                             {QStringLiteral("--role"), QStringLiteral("agent"),
                              QStringLiteral("--agent-id"), QStringLiteral("A1")},
                             kPassword, &r),
             qPrintable(r.describe()));
}

void TestTagsCtl::tagging()
{
    const QString sup = QStringLiteral("sup");
    RunResult r = as(sup, {QStringLiteral("tag"), QStringLiteral("add"), m_inT1,
                           QStringLiteral("VIP"), QStringLiteral("投诉"), QStringLiteral("vip")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("Tagged %1 with VIP (new tag)").arg(m_inT1),
                          QStringLiteral("Tagged %1 with 投诉 (new tag)").arg(m_inT1)}));
    r = as(sup, {QStringLiteral("tag"), QStringLiteral("add"), m_inT1, QStringLiteral("Vip")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("%1 already has tag VIP").arg(m_inT1));

    r = as(QStringLiteral("qa"), {QStringLiteral("tag"), QStringLiteral("list"), m_inT1});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("VIP"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("投诉"));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 tags"));

    // Completion, one name per line; the agent may complete too (recording.search).
    r = as(QStringLiteral("ag"), {QStringLiteral("tag"), QStringLiteral("names"),
                                  QStringLiteral("--prefix"), QStringLiteral("v")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("VIP"));
    r = as(sup, {QStringLiteral("tag"), QStringLiteral("names")});
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("VIP"), QStringLiteral("投诉")}));

    // Search by tag, in either case.
    r = as(sup, {QStringLiteral("search"), QStringLiteral("--tag"), QStringLiteral("vip")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, m_inT1);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 shown"));

    r = as(sup, {QStringLiteral("tag"), QStringLiteral("remove"), m_inT1, QStringLiteral("vip"),
                 QStringLiteral("nothing")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("Removed tag VIP from %1").arg(m_inT1),
                          QStringLiteral("%1 has no tag nothing").arg(m_inT1)}));
    r = as(sup, {QStringLiteral("search"), QStringLiteral("--tag"), QStringLiteral("VIP")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("0 shown"));

    // A bad name is refused with the rule, nothing else.
    r = as(sup, {QStringLiteral("tag"), QStringLiteral("add"), m_inT1, QStringLiteral("a,b")});
    expectRefused(r, QStringLiteral("A tag name may not contain a comma"));
    r = as(sup, {QStringLiteral("tag"), QStringLiteral("add"),
                 QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("x")});
    expectRefused(r, QStringLiteral("in the catalog"));
}

void TestTagsCtl::taggingIsRefusedOutsideRoleAndScope()
{
    expectRefused(
        as(QStringLiteral("sup"),
           {QStringLiteral("tag"), QStringLiteral("add"), m_inT2, QStringLiteral("VIP")}),
        QStringLiteral("Permission denied: recording %1 is outside the teams of sup.").arg(m_inT2));
    expectRefused(as(QStringLiteral("qa"),
                     {QStringLiteral("tag"), QStringLiteral("add"), m_inT1, QStringLiteral("VIP")}),
                  QStringLiteral("Permission denied: qa (role qa_evaluator) may not tag "
                                 "recordings."));
    expectRefused(as(QStringLiteral("ag"), {QStringLiteral("tag"), QStringLiteral("remove"), m_inT1,
                                            QStringLiteral("投诉")}),
                  QStringLiteral("Permission denied: ag (role agent) may not tag recordings."));
    expectRefused(
        as(QStringLiteral("ag"), {QStringLiteral("tag"), QStringLiteral("list"), m_inT2}),
        QStringLiteral("Permission denied: recording %1 is not a call of ag.").arg(m_inT2));
    expectRefused(m_site->ctl({QStringLiteral("tag"), QStringLiteral("names")}, m_site->adminEnv()),
                  QStringLiteral("Permission denied: admin (role admin) may not search recordings "
                                 "or tag recordings."));
    // The tag stayed.
    const RunResult r =
        as(QStringLiteral("sup"), {QStringLiteral("tag"), QStringLiteral("list"), m_inT1});
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("投诉"));
}

void TestTagsCtl::bookmarks()
{
    RunResult r = as(QStringLiteral("sup"),
                     {QStringLiteral("bookmark"), QStringLiteral("add"), m_inT1,
                      QStringLiteral("--at"), QStringLiteral("0:02.5"), QStringLiteral("--text"),
                      QStringLiteral("客户要求退款\nsecond line \\ end")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("at 0:02.500 in %1").arg(m_inT1));
    r = as(QStringLiteral("qa"),
           {QStringLiteral("bookmark"), QStringLiteral("add"), m_inT1, QStringLiteral("--at"),
            QStringLiteral("150"), QStringLiteral("--text"), QString()});
    CTL_EXPECT_EXIT(r, 0);
    r = as(QStringLiteral("qa"), {QStringLiteral("bookmark"), QStringLiteral("list"), m_inT1});
    CTL_EXPECT_EXIT(r, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(1).contains(QLatin1String("0:00.150")) && lines.at(1).contains(u"qa"),
             qPrintable(r.out));
    QVERIFY2(lines.at(2).contains(QLatin1String("0:02.500")) &&
                 lines.at(2).endsWith(QStringLiteral("客户要求退款\\nsecond line \\\\ end")),
             qPrintable(r.out));
    QCOMPARE(lines.at(3), QStringLiteral("2 bookmarks"));
    const QString supBookmark = lines.at(2).trimmed().section(u' ', 0, 0);

    // Past the end of the 3 s call.
    expectRefused(as(QStringLiteral("sup"), {QStringLiteral("bookmark"), QStringLiteral("add"),
                                             m_inT1, QStringLiteral("--at"), QStringLiteral("0:04"),
                                             QStringLiteral("--text"), QStringLiteral("late")}),
                  QStringLiteral("0:04.000 is after the end of recording %1").arg(m_inT1));
    // The evaluator removes the supervisor's note; then it is gone.
    r = as(QStringLiteral("qa"),
           {QStringLiteral("bookmark"), QStringLiteral("remove"), supBookmark});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(
        r.out,
        QStringLiteral("Removed bookmark %1 (at 0:02.500 in %2, by sup)").arg(supBookmark, m_inT1));
    expectRefused(as(QStringLiteral("qa"),
                     {QStringLiteral("bookmark"), QStringLiteral("remove"), supBookmark}),
                  QStringLiteral("There is no bookmark %1.").arg(supBookmark));
}

void TestTagsCtl::bookmarksAreRefusedOutsideRoleAndScope()
{
    expectRefused(as(QStringLiteral("sup"), {QStringLiteral("bookmark"), QStringLiteral("add"),
                                             m_inT2, QStringLiteral("--at"), QStringLiteral("0"),
                                             QStringLiteral("--text"), QStringLiteral("x")}),
                  QStringLiteral("is outside the teams of sup"));
    expectRefused(
        as(QStringLiteral("ag"), {QStringLiteral("bookmark"), QStringLiteral("list"), m_inT1}),
        QStringLiteral("Permission denied: ag (role agent) may not bookmark "
                       "recordings."));
    expectRefused(m_site->ctl({QStringLiteral("bookmark"), QStringLiteral("add"), m_inT1,
                               QStringLiteral("--at"), QStringLiteral("0"),
                               QStringLiteral("--text"), QStringLiteral("x")},
                              m_site->adminEnv()),
                  QStringLiteral("Permission denied: admin (role admin) may not bookmark "
                                 "recordings."));
}

void TestTagsCtl::usageMistakesExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("tag") << QStringList{QStringLiteral("tag")};
    QTest::newRow("tag unknown") << QStringList{QStringLiteral("tag"), QStringLiteral("rename")};
    QTest::newRow("tag add no tag") << QStringList{QStringLiteral("tag"), QStringLiteral("add"),
                                                   QUuid::createUuid().toString()};
    QTest::newRow("tag add bad id") << QStringList{QStringLiteral("tag"), QStringLiteral("add"),
                                                   QStringLiteral("' OR 1=1"), QStringLiteral("x")};
    QTest::newRow("tag list two") << QStringList{QStringLiteral("tag"), QStringLiteral("list"),
                                                 QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("tag names limit") << QStringList{QStringLiteral("tag"), QStringLiteral("names"),
                                                    QStringLiteral("--limit"), QStringLiteral("0")};
    QTest::newRow("bookmark no text")
        << QStringList{QStringLiteral("bookmark"), QStringLiteral("add"),
                       QUuid::createUuid().toString(), QStringLiteral("--at"), QStringLiteral("1")};
    QTest::newRow("bookmark bad at") << QStringList{
        QStringLiteral("bookmark"), QStringLiteral("add"),  QUuid::createUuid().toString(),
        QStringLiteral("--at"),     QStringLiteral("1:75"), QStringLiteral("--text"),
        QStringLiteral("x")};
    QTest::newRow("bookmark remove word")
        << QStringList{QStringLiteral("bookmark"), QStringLiteral("remove"), QStringLiteral("one")};
    QTest::newRow("bookmark remove negative")
        << QStringList{QStringLiteral("bookmark"), QStringLiteral("remove"), QStringLiteral("-3")};
}

void TestTagsCtl::usageMistakesExitTwo()
{
    QFETCH(QStringList, args);
    const RunResult r = as(QStringLiteral("sup"), args);
    CTL_EXPECT_EXIT(r, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    // No user at all is a usage mistake too, before any password is asked for.
    if (args.size() > 2) {
        QProcessEnvironment env = m_site->env();
        env.remove(QStringLiteral("CALLVAULT_USER"));
        CTL_EXPECT_EXIT(m_site->ctl(args, env), 2);
    }
}

void TestTagsCtl::auditedUnderTheUsersNames()
{
    auto db = cv::Database::open(
        cv::CatalogConfig::sqlite(m_site->dir() + QStringLiteral("/catalog.sqlite")));
    QVERIFY(db.ok());
    const auto rows = authtest::auditRows(*db.value());
    for (const QString &action :
         {QStringLiteral("recording.tag"), QStringLiteral("recording.untag"),
          QStringLiteral("bookmark.add"), QStringLiteral("bookmark.remove"),
          QStringLiteral("recording.search")})
        QVERIFY2(authtest::countAudit(rows, action, QStringLiteral("allowed")) >= 1,
                 qPrintable(action));
    for (const QString &action :
         {QStringLiteral("recording.tag"), QStringLiteral("recording.untag"),
          QStringLiteral("tag.list"), QStringLiteral("tag.names"), QStringLiteral("bookmark.add"),
          QStringLiteral("bookmark.list")})
        QVERIFY2(authtest::countAudit(rows, action, QStringLiteral("denied")) >= 1,
                 qPrintable(action));
    for (const auto &row : rows) {
        if (row.action == QLatin1String("recording.tag") ||
            row.action == QLatin1String("recording.untag") ||
            row.action == QLatin1String("recording.search") ||
            row.action.startsWith(QLatin1String("bookmark.")) ||
            row.action.startsWith(QLatin1String("tag.")))
            QVERIFY2(!row.actor.startsWith(QLatin1String("os:")), qPrintable(row.actor));
    }
    const auto chain = cv::AuditLog(*db.value()).verifyChain();
    QVERIFY2(chain.ok(), qPrintable(chain.errorMessage()));
}

QTEST_GUILESS_MAIN(TestTagsCtl)
#include "test_tags_ctl.moc"
