// callvaultctl search, end to end: a site made with the real callvaultctl, calls imported
// with their agent, number and start time, then searched by a supervisor of the agents' team
// by number in several forms, by evaluation and score, paged with the printed cursor,
// counted; the role's scope and permission apply (an agent sees their own calls, the admin
// none); bad input is refused without any SQL error.
#include "catalog/database.h"
#include "ctltesthelpers.h"
#include "searchtestsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace ctltest;

namespace {

const QString kPassword = QStringLiteral("search password 1");

} // namespace

class TestSearchCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void phoneForms_data();
    void phoneForms();
    void pagesWithTheCursor();
    void countAndFilters();
    void evaluationFilters_data();
    void evaluationFilters();
    void evaluationOptionErrors_data();
    void evaluationOptionErrors();
    void badInput_data();
    void badInput();
    void scopeAndPermission();

private:
    // The recording ids in search output (table rows).
    static QStringList ids(const RunResult &r);
    static QString cursor(const RunResult &r);

    // Evaluations straight into the site's catalog (no command writes them yet: issue 6).
    void addEvaluations(const QMap<QString, QDateTime> &started);

    std::unique_ptr<CtlSite> m_site;
    QMap<QString, QString> m_ids; // name -> id
};

QStringList TestSearchCli::ids(const RunResult &r)
{
    static const QRegularExpression row(
        QStringLiteral("^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})  "));
    QStringList found;
    for (const QString &line : r.out.split(u'\n')) {
        const auto m = row.match(line);
        if (m.hasMatch())
            found.append(m.captured(1));
    }
    return found;
}

QString TestSearchCli::cursor(const RunResult &r)
{
    static const QRegularExpression next(QStringLiteral("^next page: --after (\\S+)$"),
                                         QRegularExpression::MultilineOption);
    const auto m = next.match(r.out);
    return m.hasMatch() ? m.captured(1) : QString();
}

void TestSearchCli::initTestCase()
{
    QVERIFY2(!ctlPath().isEmpty(), "CALLVAULT_BUILD_DIR is not set");
    m_site = std::make_unique<CtlSite>();
    QVERIFY(m_site->isValid());
    CTL_EXPECT_EXIT(m_site->init(), 0);
    struct Call
    {
        const char *name;
        const char *agent;
        const char *phone;
        const char *started;
        const char *direction;
    };
    const Call calls[] = {
        {"c1", "A1", "+86 138 0013 8000", "2024-03-01T09:00:00Z", "in"},
        {"c2", "A1", "138-0013-8000", "2024-03-01T10:00:00Z", "out"},
        {"c3", "A2", "021-6123 4567", "2024-03-02T09:00:00Z", "in"},
        {"c4", "A2", "13900139000", "2024-04-01T09:00:00Z", "in"},
    };
    QMap<QString, QDateTime> started;
    for (const Call &c : calls) {
        started.insert(QString::fromLatin1(c.name),
                       QDateTime::fromString(QString::fromLatin1(c.started), Qt::ISODate));
        RunResult result;
        const QString id =
            m_site->importSine(8000, 1, 300,
                               {QStringLiteral("--agent"), QString::fromLatin1(c.agent),
                                QStringLiteral("--phone"), QString::fromUtf8(c.phone),
                                QStringLiteral("--started-at"), QString::fromLatin1(c.started),
                                QStringLiteral("--direction"), QString::fromLatin1(c.direction)},
                               &result);
        QVERIFY2(!id.isEmpty(), qPrintable(result.describe()));
        m_ids.insert(QString::fromLatin1(c.name), id);
    }
    addEvaluations(started);
    if (QTest::currentTestFailed())
        return;
    // Both agents in team T1; the searches below run as its supervisor.
    for (const QStringList &args :
         {QStringList{QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("T1")},
          QStringList{QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A1"),
                      QStringLiteral("T1")},
          QStringList{QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A2"),
                      QStringLiteral("T1")}})
        CTL_EXPECT_EXIT(m_site->ctl(args, m_site->adminEnv()), 0);
    RunResult failed;
    QVERIFY2(m_site->addUser(QStringLiteral("sup"),
                             {QStringLiteral("--role"), QStringLiteral("supervisor"),
                              QStringLiteral("--team"), QStringLiteral("T1")},
                             kPassword, &failed),
             qPrintable(failed.describe()));
    QVERIFY2(m_site->addUser(QStringLiteral("agent2"),
                             {QStringLiteral("--role"), QStringLiteral("agent"),
                              QStringLiteral("--agent-id"), QStringLiteral("A2")},
                             kPassword, &failed),
             qPrintable(failed.describe()));
    m_site->env() = m_site->envAs(QStringLiteral("sup"), kPassword);
}

void TestSearchCli::addEvaluations(const QMap<QString, QDateTime> &started)
{
    auto db = cv::Database::open(
        cv::CatalogConfig::sqlite(m_site->dir() + QStringLiteral("/catalog.sqlite")));
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    // c1: 85; c2: only a draft; c3: 40 and 92; c4: none.
    const struct
    {
        const char *call;
        const char *state;
        std::optional<double> score;
    } rows[] = {{"c1", "submitted", 85},
                {"c2", "draft", std::nullopt},
                {"c3", "submitted", 40},
                {"c3", "acknowledged", 92}};
    for (const auto &row : rows) {
        const QString call = QString::fromLatin1(row.call);
        const auto added = searchtest::addEvaluation(
            *db.value(), QUuid::fromString(m_ids.value(call)), started.value(call),
            QString::fromLatin1(row.state), row.score);
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    }
}

void TestSearchCli::phoneForms_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QStringList>("expected");
    const QStringList mobile = {QStringLiteral("c1"), QStringLiteral("c2")};
    QTest::newRow("E.164") << QStringLiteral("+86 138 0013 8000") << mobile;
    QTest::newRow("0086") << QStringLiteral("008613800138000") << mobile;
    QTest::newRow("national") << QStringLiteral("13800138000") << mobile;
    QTest::newRow("suffix") << QStringLiteral("*8000") << mobile;
    QTest::newRow("prefix") << QStringLiteral("1380013*") << mobile;
    QTest::newRow("landline +86") << QStringLiteral("+86 21 6123 4567")
                                  << QStringList{QStringLiteral("c3")};
    QTest::newRow("landline suffix")
        << QStringLiteral("*4567") << QStringList{QStringLiteral("c3")};
    QTest::newRow("no call") << QStringLiteral("*1234") << QStringList();
}

void TestSearchCli::phoneForms()
{
    QFETCH(QString, phone);
    QFETCH(QStringList, expected);
    const RunResult r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--phone"), phone});
    CTL_EXPECT_EXIT(r, 0);
    QStringList want;
    for (const QString &name : expected)
        want.append(m_ids.value(name));
    QStringList got = ids(r);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    QVERIFY2(got == want, qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("no more results"));
}

void TestSearchCli::pagesWithTheCursor()
{
    QStringList seen;
    RunResult r =
        m_site->ctl({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("1"),
                     QStringLiteral("--sort"), QStringLiteral("time:asc")});
    CTL_EXPECT_EXIT(r, 0);
    seen += ids(r);
    for (int guard = 0; guard < 10 && !cursor(r).isEmpty(); ++guard) {
        // The same filters may be repeated with --after.
        r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--after"), cursor(r),
                         QStringLiteral("--sort"), QStringLiteral("time:asc")});
        CTL_EXPECT_EXIT(r, 0);
        seen += ids(r);
    }
    QCOMPARE(seen,
             (QStringList{m_ids.value(QStringLiteral("c1")), m_ids.value(QStringLiteral("c2")),
                          m_ids.value(QStringLiteral("c3")), m_ids.value(QStringLiteral("c4"))}));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("no more results"));

    // A cursor with other filters is refused.
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("1")});
    const QString token = cursor(r);
    QVERIFY(!token.isEmpty());
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--after"), token,
                     QStringLiteral("--agent"), QStringLiteral("A2")});
    CTL_EXPECT_EXIT(r, 2);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("--after continues another search"));
}

void TestSearchCli::countAndFilters()
{
    RunResult r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--agent"),
                               QStringLiteral("A2"), QStringLiteral("--count")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 shown, 2 matching recordings"));
    // A date alone as --to includes that whole day.
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--from"),
                     QStringLiteral("2024-03-01"), QStringLiteral("--to"),
                     QStringLiteral("2024-03-01"), QStringLiteral("--count")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 shown, 2 matching recordings"));
    r = m_site->ctl(
        {QStringLiteral("search"), QStringLiteral("--direction"), QStringLiteral("out")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(ids(r), QStringList{m_ids.value(QStringLiteral("c2"))});
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--max-duration"),
                     QStringLiteral("1s"), QStringLiteral("--status"), QStringLiteral("normal"),
                     QStringLiteral("--count")});
    CTL_EXPECT_EXIT(r, 0);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("4 shown, 4 matching recordings"));
    r = m_site->ctl(
        {QStringLiteral("search"), QStringLiteral("--sentiment"), QStringLiteral("negative")});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(ids(r), QStringList()); // imported calls have no sentiment
}

void TestSearchCli::evaluationFilters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    const auto calls = [](const char *names) {
        return QString::fromLatin1(names).split(u' ', Qt::SkipEmptyParts);
    };
    const QString has = QStringLiteral("--has-evaluation");
    const QString score = QStringLiteral("--score");
    QTest::newRow("has") << QStringList{has, QStringLiteral("yes")} << calls("c1 c3");
    QTest::newRow("has, any case") << QStringList{has, QStringLiteral("YES")} << calls("c1 c3");
    QTest::newRow("has none (a draft is none)")
        << QStringList{has, QStringLiteral("no")} << calls("c2 c4");
    QTest::newRow("range") << QStringList{score, QStringLiteral("80-100")} << calls("c1 c3");
    QTest::newRow("one score") << QStringList{score, QStringLiteral("85-85")} << calls("c1");
    QTest::newRow("at least") << QStringList{score, QStringLiteral("90-")} << calls("c3");
    QTest::newRow("at most") << QStringList{score, QStringLiteral("-50")} << calls("c3");
    QTest::newRow("at most, =") << QStringList{QStringLiteral("--score=-40")} << calls("c3");
    QTest::newRow("decimals, spaces")
        << QStringList{score, QStringLiteral(" 84.5 - 85.5 ")} << calls("c1");
    QTest::newRow("between c3's scores")
        << QStringList{score, QStringLiteral("41-84")} << QStringList();
    QTest::newRow("with a time range")
        << QStringList{score, QStringLiteral("0-100"), QStringLiteral("--from"),
                       QStringLiteral("2024-03-02")}
        << calls("c3");
    QTest::newRow("has + range") << QStringList{has, QStringLiteral("yes"), score,
                                                QStringLiteral("80-")}
                                 << calls("c1 c3");
}

void TestSearchCli::evaluationFilters()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const RunResult r =
        m_site->ctl(QStringList{QStringLiteral("search"), QStringLiteral("--count")} + args);
    CTL_EXPECT_EXIT(r, 0);
    QStringList want;
    for (const QString &name : expected)
        want.append(m_ids.value(name));
    QStringList got = ids(r);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    QVERIFY2(got == want, qPrintable(r.describe()));
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("%1 shown, %1 matching recordings").arg(want.size()));
}

void TestSearchCli::evaluationOptionErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString has = QStringLiteral("--has-evaluation");
    const QString score = QStringLiteral("--score");
    const QString scoreForm = QStringLiteral("--score must be a range of scores from 0 to 100: "
                                             "MIN-MAX, MIN- or -MAX (e.g. 80-100, 90-, -60)");
    QTest::newRow("has maybe") << QStringList{has, QStringLiteral("maybe")}
                               << QStringLiteral("--has-evaluation must be yes or no");
    QTest::newRow("has 1") << QStringList{has, QStringLiteral("1")}
                           << QStringLiteral("--has-evaluation must be yes or no");
    QTest::newRow("one number") << QStringList{score, QStringLiteral("80")} << scoreForm;
    QTest::newRow("no number") << QStringList{score, QStringLiteral("-")} << scoreForm;
    QTest::newRow("words") << QStringList{score, QStringLiteral("good")} << scoreForm;
    QTest::newRow("three bounds") << QStringList{score, QStringLiteral("1-2-3")} << scoreForm;
    QTest::newRow("negative") << QStringList{score, QStringLiteral("-10-20")} << scoreForm;
    QTest::newRow("injection") << QStringList{score, QStringLiteral("0-100' OR 1=1 --")}
                               << scoreForm;
    QTest::newRow("above 100") << QStringList{score, QStringLiteral("90-101")}
                               << QStringLiteral("Score filters must lie between 0 and 100.");
    QTest::newRow("inverted") << QStringList{score, QStringLiteral("90-80")}
                              << QStringLiteral("The minimum score is above the maximum.");
    QTest::newRow("no evaluation with a score")
        << QStringList{has, QStringLiteral("no"), score, QStringLiteral("50-")}
        << QStringLiteral("cannot be combined with \"no evaluation\"");
}

void TestSearchCli::evaluationOptionErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const RunResult r = m_site->ctl(QStringList{QStringLiteral("search")} + args);
    CTL_EXPECT_EXIT(r, 2);
    CTL_EXPECT_CONTAINS(r.err, message);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("Try: callvaultctl search --help"));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
}

void TestSearchCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("phone injection")
        << QStringList{QStringLiteral("--phone"), QStringLiteral("' OR 1=1 --")};
    QTest::newRow("short suffix") << QStringList{QStringLiteral("--phone"), QStringLiteral("*80")};
    QTest::newRow("sort column") << QStringList{QStringLiteral("--sort"),
                                                QStringLiteral("agent_id; DROP TABLE recordings")};
    QTest::newRow("direction") << QStringList{QStringLiteral("--direction"),
                                              QStringLiteral("in' OR '1")};
    QTest::newRow("from") << QStringList{QStringLiteral("--from"), QStringLiteral("yesterday")};
    QTest::newRow("range") << QStringList{QStringLiteral("--from"), QStringLiteral("2024-05-01"),
                                          QStringLiteral("--to"), QStringLiteral("2024-04-01")};
    QTest::newRow("sentiment") << QStringList{QStringLiteral("--sentiment"),
                                              QStringLiteral("-3..0")};
    QTest::newRow("limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")};
    QTest::newRow("cursor") << QStringList{QStringLiteral("--after"),
                                           QStringLiteral("cv1.' OR 1=1")};
    QTest::newRow("tag") << QStringList{QStringLiteral("--tag"), QStringLiteral("' OR 1=1 --")};
    QTest::newRow("score") << QStringList{QStringLiteral("--score"),
                                          QStringLiteral("0-100; DROP TABLE evaluations")};
    QTest::newRow("has evaluation")
        << QStringList{QStringLiteral("--has-evaluation"), QStringLiteral("yes' OR '1")};
}

void TestSearchCli::badInput()
{
    QFETCH(QStringList, args);
    const RunResult r = m_site->ctl(QStringList{QStringLiteral("search")} + args);
    QVERIFY2(r.started && !r.crashed && (r.exitCode == 1 || r.exitCode == 2),
             qPrintable(r.describe()));
    QVERIFY2(ids(r).isEmpty(), qPrintable(r.describe()));
    for (const char *marker : {"syntax", "SQLITE", "QPSQL", "ERROR:", "unrecognized token"})
        QVERIFY2(!r.err.contains(QLatin1String(marker)), qPrintable(r.describe()));
}

void TestSearchCli::scopeAndPermission()
{
    // The agent finds their own calls only, whatever the filters say.
    const QProcessEnvironment agent = m_site->envAs(QStringLiteral("agent2"), kPassword);
    RunResult r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--count")}, agent);
    CTL_EXPECT_EXIT(r, 0);
    QStringList got = ids(r);
    std::sort(got.begin(), got.end());
    QStringList want = {m_ids.value(QStringLiteral("c3")), m_ids.value(QStringLiteral("c4"))};
    std::sort(want.begin(), want.end());
    QCOMPARE(got, want);
    CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 shown, 2 matching recordings"));
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--agent"), QStringLiteral("A1")},
                    agent);
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(ids(r).isEmpty(), qPrintable(r.describe()));
    // A cursor from the supervisor's search does not widen the agent's scope.
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--limit"), QStringLiteral("1"),
                     QStringLiteral("--sort"), QStringLiteral("time:asc")});
    const QString token = cursor(r);
    QVERIFY(!token.isEmpty());
    r = m_site->ctl({QStringLiteral("search"), QStringLiteral("--after"), token}, agent);
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(ids(r), QStringList{m_ids.value(QStringLiteral("c3"))});

    // The admin does not read calls: refused in one line, exit 1.
    r = m_site->ctl({QStringLiteral("search")}, m_site->adminEnv());
    CTL_EXPECT_EXIT(r, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("callvaultctl: error: Permission denied: admin (role "
                                             "admin) may not search recordings."));
    QVERIFY(r.out.isEmpty());
    // A wrong password or no user at all.
    r = m_site->ctl({QStringLiteral("search")},
                    m_site->envAs(QStringLiteral("sup"), QStringLiteral("wrong password")));
    CTL_EXPECT_EXIT(r, 1);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("The user name or password is wrong."));
    QProcessEnvironment nobody = m_site->env();
    nobody.remove(QStringLiteral("CALLVAULT_USER"));
    r = m_site->ctl({QStringLiteral("search")}, nobody);
    CTL_EXPECT_EXIT(r, 2);
    CTL_EXPECT_CONTAINS(r.err, QStringLiteral("--user NAME or $CALLVAULT_USER"));
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
