// callvaultctl sampling ... end to end (the real binary, a key-file site): a supervisor adds a
// rule, generates its queue for a week (again: nothing new), the evaluator sees their queue;
// bad parameters are refused before any log-in with the field named; an evaluator may not add
// rules; a rule is switched off.
#include "ctltesthelpers.h"

#include <QTest>

using namespace ctltest;

namespace {
const QString kSupervisorPassword = QStringLiteral("Supervisor passw0rd for tests");
const QString kEvaluatorPassword = QStringLiteral("Evaluator passw0rd for tests");
} // namespace

class TestSamplingCtl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.isValid());
        RunResult r = m_site.init();
        CTL_EXPECT_EXIT(r, 0);
        r = m_site.ctl({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("Team 1"),
                        QStringLiteral("--id"), QStringLiteral("T1")},
                       m_site.adminEnv());
        CTL_EXPECT_EXIT(r, 0);
        r = m_site.ctl({QStringLiteral("team"), QStringLiteral("assign-agent"), QStringLiteral("A1"),
                        QStringLiteral("T1")},
                       m_site.adminEnv());
        CTL_EXPECT_EXIT(r, 0);
        QVERIFY2(m_site.addUser(QStringLiteral("sup"),
                                {QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--team"),
                                 QStringLiteral("T1")},
                                kSupervisorPassword, &r),
                 qPrintable(r.describe()));
        QVERIFY2(m_site.addUser(QStringLiteral("eva"),
                                {QStringLiteral("--role"), QStringLiteral("qa_evaluator"), QStringLiteral("--team"),
                                 QStringLiteral("T1")},
                                kEvaluatorPassword, &r),
                 qPrintable(r.describe()));
        m_sup = m_site.envAs(QStringLiteral("sup"), kSupervisorPassword);
        m_eva = m_site.envAs(QStringLiteral("eva"), kEvaluatorPassword);
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("defaults"), QStringLiteral("--lang"), QStringLiteral("en")},
                       m_sup);
        CTL_EXPECT_EXIT(r, 0);
        // Three calls of agent A1 in the week of Monday 2026-03-02: 1, 2.5 and 3 seconds.
        const QStringList starts{QStringLiteral("2026-03-03T10:00:00Z"), QStringLiteral("2026-03-04T10:00:00Z"),
                                 QStringLiteral("2026-03-05T10:00:00Z")};
        const int lengths[] = {1000, 2500, 3000};
        for (int i = 0; i < 3; ++i) {
            const QString id = m_site.importSine(8000, 1, lengths[i],
                                                 {QStringLiteral("--agent"), QStringLiteral("A1"),
                                                  QStringLiteral("--started-at"), starts[i]},
                                                 &r);
            QVERIFY2(!id.isEmpty(), qPrintable(r.describe()));
        }
    }

    void rulesQueuesAndRefusals()
    {
        // Bad parameters: refused before any password is used, the field named.
        QProcessEnvironment noPassword = m_sup;
        noPassword.remove(QStringLiteral("CALLVAULT_PASSWORD"));
        RunResult r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("rule-add"), QStringLiteral("Long"),
                                  QStringLiteral("--kind"), QStringLiteral("longer_than"), QStringLiteral("--params"),
                                  QStringLiteral("{\"minDuration\":2000}"), QStringLiteral("--form"),
                                  QStringLiteral("service-quality-en"), QStringLiteral("--evaluator"),
                                  QStringLiteral("eva")},
                                 noPassword);
        CTL_EXPECT_EXIT(r, 2);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("\"minDuration\""));

        const QStringList add{QStringLiteral("sampling"), QStringLiteral("rule-add"), QStringLiteral("Long calls"),
                              QStringLiteral("--kind"), QStringLiteral("longer_than"), QStringLiteral("--params"),
                              QStringLiteral("{\"minDurationMs\":2000}"), QStringLiteral("--form"),
                              QStringLiteral("service-quality-en"), QStringLiteral("--evaluator"),
                              QStringLiteral("eva"), QStringLiteral("--deadline-days"), QStringLiteral("3")};
        // An evaluator does not manage sampling rules.
        r = m_site.ctl(add, m_eva);
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("manage sampling rules"));

        r = m_site.ctl(add, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Added sampling rule 1 (Long calls)"));
        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("rule-list")}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1  Long calls  longer_than"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("1 rules"));

        const QStringList generate{QStringLiteral("sampling"), QStringLiteral("generate"), QStringLiteral("--rule"),
                                   QStringLiteral("1"), QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                                   QStringLiteral("--to"), QStringLiteral("2026-03-09")};
        r = m_site.ctl(generate, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("queued 2 calls"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("per evaluator: eva 2"));
        r = m_site.ctl(generate, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("queued 0 calls"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("skipped 2 already queued"));
        // --from without --to is a usage error.
        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("generate"), QStringLiteral("--rule"),
                        QStringLiteral("1"), QStringLiteral("--from"), QStringLiteral("2026-03-02")},
                       m_sup);
        CTL_EXPECT_EXIT(r, 2);

        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("queue")}, m_eva);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("agent A1"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Long calls  service-quality-en v1  open"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("2 items"));
        // A supervisor has no queue of their own (no recording.score) but sees the rule's.
        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("queue")}, m_sup);
        CTL_EXPECT_EXIT(r, 1);
        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("queue"), QStringLiteral("--rule"),
                        QStringLiteral("1")},
                       m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("eva  open"));

        r = m_site.ctl({QStringLiteral("sampling"), QStringLiteral("rule-disable"), QStringLiteral("1")}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Sampling rule 1 (Long calls) is off"));
        r = m_site.ctl(generate, m_sup);
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("switched off"));
    }

private:
    CtlSite m_site;
    QProcessEnvironment m_sup;
    QProcessEnvironment m_eva;
};

QTEST_GUILESS_MAIN(TestSamplingCtl)
#include "tst_samplingctl.moc"
