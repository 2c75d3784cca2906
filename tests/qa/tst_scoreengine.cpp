// ScoreEngine (core/qa): table-driven cases over testforms::scoringForm() with the expected
// scores worked out by hand in the comments. The form (weights in brackets):
//   A [2]  a1 yes/no [1]; a2 scale 1..5 [3], N/A allowed; a3 choice [2] good 4 / ok 2 / bad 0
//   B [1]  b1 yes/no [1] critical, N/A allowed; b2 yes/no [1]
//   C [1]  c1 yes/no [1] fatal; c2 yes/no [1] if a1 = no; c3 scale 1..4 [1] if c2 = yes;
//          c4 free text
// Fractions: yes 1, no 0; scale v of 1..N -> (v-1)/(N-1); choice points / 4.
// Section = 100 × Σ w·f / Σ w over answered; total = Σ W·S / Σ W over sections with a score.
#include "qa/scoreengine.h"
#include "qatestforms.h"

#include <QTest>

using namespace cv;

Q_DECLARE_METATYPE(cv::Answer)
Q_DECLARE_METATYPE(cv::AnswerMap)

namespace {

constexpr double kNone = -1; // "N/A" in the expected columns

AnswerMap best()
{
    return {{QStringLiteral("a1"), Answer::yes()},
            {QStringLiteral("a2"), Answer::scale(5)},
            {QStringLiteral("a3"), Answer::choice(QStringLiteral("good"))},
            {QStringLiteral("b1"), Answer::yes()},
            {QStringLiteral("b2"), Answer::yes()},
            {QStringLiteral("c1"), Answer::yes()}};
}

AnswerMap with(AnswerMap answers, const QString &id, const Answer &a)
{
    answers.insert(id, a);
    return answers;
}

AnswerMap without(AnswerMap answers, const QString &id)
{
    answers.remove(id);
    return answers;
}

QStringList ids(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

const QStringList kAlwaysVisible = ids("a1 a2 a3 b1 b2 c1 c4");

} // namespace

class TestScoreEngine final : public QObject
{
    Q_OBJECT

private slots:
    void scores_data();
    void scores();
    void fractions_data();
    void fractions();
    void conditionOnScaleAndChoice();
    void versionPinning();
    void deterministic();
};

void TestScoreEngine::scores_data()
{
    QTest::addColumn<AnswerMap>("answers");
    QTest::addColumn<double>("total");             // kNone: no total
    QTest::addColumn<QVector<double>>("sections"); // A, B, C; kNone: N/A
    QTest::addColumn<QStringList>("visible");
    QTest::addColumn<QStringList>("failedCritical");
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<QStringList>("unanswered");
    QTest::addColumn<QStringList>("problems"); // question ids with a problem
    const QStringList none;

    // Everything at its best: A = (1+3+2)/6 = 100, B = 100, C = 100 (c1 only; c2, c3 hidden
    // because a1 = yes; c4 is free text). Total 100.
    QTest::newRow("all best") << with(best(), QStringLiteral("c4"),
                                      Answer::text(QStringLiteral("ok")))
                              << 100.0 << QVector<double>{100, 100, 100} << kAlwaysVisible << none
                              << false << none << none;

    // Weights: a2 = 4 -> 3/4 = 0.75, a3 = ok -> 2/4 = 0.5.
    // A = (1·1 + 3·0.75 + 2·0.5) / 6 = 4.25/6 = 70.8333; B = (1 + 0)/2 = 50; C = 100.
    // Total = (2·70.8333 + 50 + 100) / 4 = 875/12 = 72.9167.
    AnswerMap mixed = best();
    mixed.insert(QStringLiteral("a2"), Answer::scale(4));
    mixed.insert(QStringLiteral("a3"), Answer::choice(QStringLiteral("ok")));
    mixed.insert(QStringLiteral("b2"), Answer::no());
    QTest::newRow("weights") << mixed << 875.0 / 12 << QVector<double>{425.0 / 6, 50, 100}
                             << kAlwaysVisible << none << false << none << none;

    // N/A re-weighting: a2 N/A drops out of A: A = (1·1 + 2·0)/(1+2) = 33.3333 (a3 = bad is
    // not critical, so its fail mark does nothing). b1 N/A: B = b2 alone = 100 (an N/A
    // critical question does not fail). C = 100. Total = (2·33.3333 + 100 + 100)/4 = 66.6667.
    AnswerMap na = best();
    na.insert(QStringLiteral("a2"), Answer::notApplicable());
    na.insert(QStringLiteral("a3"), Answer::choice(QStringLiteral("bad")));
    na.insert(QStringLiteral("b1"), Answer::notApplicable());
    QTest::newRow("N/A re-weighting") << na << 200.0 / 3 << QVector<double>{100.0 / 3, 100, 100}
                                      << kAlwaysVisible << none << false << none << none;

    // Every answerable question of B N/A or unanswered: b1 N/A, b2 missing -> B has no score
    // and drops out of the total: (2·100 + 100)/3 = 100. b2 is unanswered.
    QTest::newRow("section N/A") << with(without(best(), QStringLiteral("b2")),
                                         QStringLiteral("b1"), Answer::notApplicable())
                                 << 100.0 << QVector<double>{100, kNone, 100} << kAlwaysVisible
                                 << none << false << ids("b2") << none;

    // Critical b1 = no zeroes B (it would be (0+1)/2 = 50): total = (2·100 + 0 + 100)/4 = 75.
    QTest::newRow("critical zeroes its section")
        << with(best(), QStringLiteral("b1"), Answer::no()) << 75.0 << QVector<double>{100, 0, 100}
        << kAlwaysVisible << ids("b1") << false << none << none;

    // Fatal c1 = no: C = 0 (c1 alone), and the total is 0 although A and B are 100.
    QTest::newRow("fatal zeroes the total")
        << with(best(), QStringLiteral("c1"), Answer::no()) << 0.0 << QVector<double>{100, 100, 0}
        << kAlwaysVisible << none << true << none << none;

    // Both: the critical zeroes B, the fatal zeroes the total.
    QTest::newRow("critical and fatal")
        << with(with(best(), QStringLiteral("c1"), Answer::no()), QStringLiteral("b1"),
                Answer::no())
        << 0.0 << QVector<double>{100, 0, 0} << kAlwaysVisible << ids("b1") << true << none << none;

    // a1 = no shows c2; c2 = yes shows c3. A = (0 + 3 + 2)/6 = 83.3333;
    // C = (c1 1 + c2 1 + c3 (4-1)/3 = 1)/3 = 100. Total = (2·83.3333 + 100 + 100)/4 = 91.6667.
    AnswerMap shown = with(best(), QStringLiteral("a1"), Answer::no());
    shown.insert(QStringLiteral("c2"), Answer::yes());
    shown.insert(QStringLiteral("c3"), Answer::scale(4));
    QTest::newRow("conditions show questions")
        << shown << 275.0 / 3 << QVector<double>{250.0 / 3, 100, 100}
        << ids("a1 a2 a3 b1 b2 c1 c2 c3 c4") << none << false << none << none;

    // a1 = no shows c2, c2 = no hides c3: its answer (1, which would pull C down) is ignored.
    // C = (1 + 0)/2 = 50. Total = (2·83.3333 + 100 + 50)/4 = 79.1667.
    AnswerMap chained = shown;
    chained.insert(QStringLiteral("c2"), Answer::no());
    chained.insert(QStringLiteral("c3"), Answer::scale(1));
    QTest::newRow("hidden by a hidden chain")
        << chained << 475.0 / 6 << QVector<double>{250.0 / 3, 100, 50}
        << ids("a1 a2 a3 b1 b2 c1 c2 c4") << none << false << none << none;

    // a1 = yes hides c2 and c3: their answers (c2 no, c3 = 7, even out of range) are ignored
    // without a problem, and the total is the all-best 100.
    AnswerMap hidden = best();
    hidden.insert(QStringLiteral("c2"), Answer::no());
    hidden.insert(QStringLiteral("c3"), Answer::scale(7));
    QTest::newRow("hidden answers ignored") << hidden << 100.0 << QVector<double>{100, 100, 100}
                                            << kAlwaysVisible << none << false << none << none;

    // c2 shown (a1 = no) but not answered: listed, c3 stays hidden (its condition needs an
    // answer). A = 83.3333, C = c1 = 100. Total = (166.6667 + 200)/4 = 91.6667.
    QTest::newRow("shown but unanswered")
        << with(best(), QStringLiteral("a1"), Answer::no()) << 275.0 / 3
        << QVector<double>{250.0 / 3, 100, 100} << ids("a1 a2 a3 b1 b2 c1 c2 c4") << none << false
        << ids("c2") << none;

    // Free text carries no score and is never required: without c4 the result is the same.
    QTest::newRow("free text not required") << best() << 100.0 << QVector<double>{100, 100, 100}
                                            << kAlwaysVisible << none << false << none << none;

    // Only a1 answered: A = 100 from a1 alone, B and C N/A; total 100 but incomplete.
    QTest::newRow("provisional") << AnswerMap{{QStringLiteral("a1"), Answer::yes()}} << 100.0
                                 << QVector<double>{100, kNone, kNone} << kAlwaysVisible << none
                                 << false << ids("a2 a3 b1 b2 c1") << none;

    QTest::newRow("nothing answered")
        << AnswerMap{} << kNone << QVector<double>{kNone, kNone, kNone} << kAlwaysVisible << none
        << false << ids("a1 a2 a3 b1 b2 c1") << none;

    // a1 does not allow N/A: the answer is refused and a1 counts as unanswered.
    // A = (3·1 + 2·1)/5 = 100. Total 100, but not complete.
    QTest::newRow("N/A not allowed") << with(best(), QStringLiteral("a1"), Answer::notApplicable())
                                     << 100.0 << QVector<double>{100, 100, 100} << kAlwaysVisible
                                     << none << false << ids("a1") << ids("a1");

    // Answers that do not fit: a1 gets a scale value, a2 a value beyond 5, a3 an unknown
    // choice, c4 (free text) a yes, and "zz" is no question of the form. A has no usable
    // answer left (N/A); total = (100 + 100)/2 = 100.
    AnswerMap wrong = best();
    wrong.insert(QStringLiteral("a1"), Answer::scale(3));
    wrong.insert(QStringLiteral("a2"), Answer::scale(6));
    wrong.insert(QStringLiteral("a3"), Answer::choice(QStringLiteral("great")));
    wrong.insert(QStringLiteral("c4"), Answer::yes());
    wrong.insert(QStringLiteral("zz"), Answer::yes());
    QTest::newRow("answers that do not fit")
        << wrong << 100.0 << QVector<double>{kNone, 100, 100} << kAlwaysVisible << none << false
        << ids("a1 a2 a3") << ids("a1 a2 a3 c4 zz");
}

void TestScoreEngine::scores()
{
    QFETCH(AnswerMap, answers);
    QFETCH(double, total);
    QFETCH(QVector<double>, sections);
    QFETCH(QStringList, visible);
    QFETCH(QStringList, failedCritical);
    QFETCH(bool, fatal);
    QFETCH(QStringList, unanswered);
    QFETCH(QStringList, problems);

    const EvaluationForm form = testforms::scoringForm();
    const ScoreResult r = ScoreEngine::score(form, answers);
    QCOMPARE(r.formId, form.id);
    QCOMPARE(r.formVersion, 1);
    if (total == kNone) {
        QVERIFY(!r.total);
    } else {
        QVERIFY(r.total);
        QVERIFY2(qAbs(*r.total - total) < 1e-9,
                 qPrintable(QStringLiteral("total %1, expected %2").arg(*r.total).arg(total)));
    }
    QCOMPARE(r.sections.size(), sections.size());
    for (int i = 0; i < sections.size(); ++i) {
        QCOMPARE(r.sections.at(i).sectionId, form.sections.at(i).id);
        if (sections.at(i) == kNone) {
            QVERIFY2(!r.sections.at(i).score, qPrintable(form.sections.at(i).id));
        } else {
            QVERIFY2(r.sections.at(i).score, qPrintable(form.sections.at(i).id));
            QVERIFY2(qAbs(*r.sections.at(i).score - sections.at(i)) < 1e-9,
                     qPrintable(QStringLiteral("section %1: %2, expected %3")
                                    .arg(form.sections.at(i).id)
                                    .arg(*r.sections.at(i).score)
                                    .arg(sections.at(i))));
        }
        QCOMPARE(r.sections.at(i).criticalFailed,
                 failedCritical.contains(form.sections.at(i).questions.first().id));
    }
    QCOMPARE(r.visibleQuestions, visible);
    QCOMPARE(r.failedCritical, failedCritical);
    QCOMPARE(r.fatal, fatal);
    QCOMPARE(r.failedFatal, fatal ? ids("c1") : QStringList());
    QCOMPARE(r.unanswered, unanswered);
    QStringList problemIds;
    for (const AnswerProblem &p : r.problems) {
        problemIds.append(p.questionId);
        QVERIFY(p.message.contains(p.questionId));
    }
    problemIds.sort();
    QCOMPARE(problemIds, problems);
    QCOMPARE(r.isComplete(), unanswered.isEmpty() && problems.isEmpty());
}

void TestScoreEngine::fractions_data()
{
    QTest::addColumn<int>("question"); // index into the question list below
    QTest::addColumn<Answer>("answer");
    QTest::addColumn<double>("fraction"); // kNone: no fraction
    QTest::addColumn<bool>("fails");

    // 0: yes/no; 1: scale 1..5; 2: scale 1..2; 3: choice 3 / 1 (fail) / 0 (fail); 4: free text
    QTest::newRow("yes") << 0 << Answer::yes() << 1.0 << false;
    QTest::newRow("no") << 0 << Answer::no() << 0.0 << true;
    QTest::newRow("N/A") << 0 << Answer::notApplicable() << kNone << false;
    QTest::newRow("scale 1 of 5") << 1 << Answer::scale(1) << 0.0 << true;
    QTest::newRow("scale 2 of 5") << 1 << Answer::scale(2) << 0.25 << false;
    QTest::newRow("scale 3 of 5") << 1 << Answer::scale(3) << 0.5 << false;
    QTest::newRow("scale 5 of 5") << 1 << Answer::scale(5) << 1.0 << false;
    QTest::newRow("scale 0") << 1 << Answer::scale(0) << kNone << false;
    QTest::newRow("scale 1 of 2") << 2 << Answer::scale(1) << 0.0 << true;
    QTest::newRow("scale 2 of 2") << 2 << Answer::scale(2) << 1.0 << false;
    QTest::newRow("choice top") << 3 << Answer::choice(QStringLiteral("top")) << 1.0 << false;
    QTest::newRow("choice some, marked fail")
        << 3 << Answer::choice(QStringLiteral("some")) << 1.0 / 3 << true;
    QTest::newRow("choice zero") << 3 << Answer::choice(QStringLiteral("zero")) << 0.0 << true;
    QTest::newRow("choice unknown") << 3 << Answer::choice(QStringLiteral("x")) << kNone << false;
    QTest::newRow("text") << 4 << Answer::text(QStringLiteral("note")) << kNone << false;
    QTest::newRow("yes to a scale") << 1 << Answer::yes() << kNone << false;
}

void TestScoreEngine::fractions()
{
    QFETCH(int, question);
    QFETCH(Answer, answer);
    QFETCH(double, fraction);
    QFETCH(bool, fails);
    using namespace testforms;
    Question yn = yesNo(QStringLiteral("q"));
    yn.allowNa = true;
    const Question questions[] = {
        yn, scale(QStringLiteral("s"), 5), scale(QStringLiteral("s2"), 2),
        choice(QStringLiteral("c"),
               {Choice{QStringLiteral("top"), QStringLiteral("Top"), 3, false},
                Choice{QStringLiteral("some"), QStringLiteral("Some"), 1, true},
                Choice{QStringLiteral("zero"), QStringLiteral("Zero"), 0, true}}),
        freeText(QStringLiteral("t"))};
    const Question &q = questions[question];
    const auto f = ScoreEngine::fraction(q, answer);
    if (fraction == kNone)
        QVERIFY(!f);
    else
        QVERIFY(f && qAbs(*f - fraction) < 1e-12);
    QCOMPARE(ScoreEngine::fails(q, answer), fails);
}

// Conditions on scale values and on choices.
void TestScoreEngine::conditionOnScaleAndChoice()
{
    using namespace testforms;
    EvaluationForm f;
    f.id = QStringLiteral("conditions");
    f.title = QStringLiteral("Conditions");
    f.language = QStringLiteral("en");
    f.sections = {
        section(QStringLiteral("s"), 1,
                {scale(QStringLiteral("rating"), 5),
                 choice(QStringLiteral("outcome"),
                        {Choice{QStringLiteral("sold"), QStringLiteral("Sold"), 1, false},
                         Choice{QStringLiteral("lost"), QStringLiteral("Lost"), 1, false}}),
                 when(yesNo(QStringLiteral("why-low")), QStringLiteral("rating"),
                      {QStringLiteral("1"), QStringLiteral("2")}),
                 when(yesNo(QStringLiteral("upsell")), QStringLiteral("outcome"),
                      {QStringLiteral("sold")})})};

    // rating 2 -> why-low shown; outcome lost -> upsell hidden.
    // Score = (0.25 + 1 + 1)/3 = 75 (why-low yes).
    ScoreResult r =
        ScoreEngine::score(f, {{QStringLiteral("rating"), Answer::scale(2)},
                               {QStringLiteral("outcome"), Answer::choice(QStringLiteral("lost"))},
                               {QStringLiteral("why-low"), Answer::yes()},
                               {QStringLiteral("upsell"), Answer::no()}});
    QCOMPARE(r.visibleQuestions, QStringList({QStringLiteral("rating"), QStringLiteral("outcome"),
                                              QStringLiteral("why-low")}));
    QVERIFY(r.total && qAbs(*r.total - 75.0) < 1e-9);
    QVERIFY(r.isComplete());

    // rating 3 hides why-low; sold shows upsell, unanswered.
    r = ScoreEngine::score(f,
                           {{QStringLiteral("rating"), Answer::scale(3)},
                            {QStringLiteral("outcome"), Answer::choice(QStringLiteral("sold"))}});
    QCOMPARE(r.visibleQuestions, QStringList({QStringLiteral("rating"), QStringLiteral("outcome"),
                                              QStringLiteral("upsell")}));
    QCOMPARE(r.unanswered, QStringList{QStringLiteral("upsell")});
    QVERIFY(!r.isComplete());
}

// Evaluations keep their form version: answers are scored with the version they were given
// on, and another version refuses them.
void TestScoreEngine::versionPinning()
{
    const EvaluationForm v1 = testforms::scoringForm();
    EvaluationForm v2 = v1;
    v2.version = 2;
    v2.sections[0].questions[2].weight = 6; // a3 weighs 6 instead of 2

    AnswerSheet sheet;
    sheet.formId = v1.id;
    sheet.formVersion = 1;
    sheet.answers = best();
    sheet.answers.insert(QStringLiteral("a2"), Answer::scale(4));
    sheet.answers.insert(QStringLiteral("a3"), Answer::choice(QStringLiteral("ok")));
    sheet.answers.insert(QStringLiteral("b2"), Answer::no());

    // Version 1: the "weights" case, 875/12 = 72.9167.
    auto pinned = ScoreEngine::score(v1, sheet);
    QVERIFY(pinned.ok());
    QCOMPARE(pinned->formVersion, 1);
    QVERIFY(qAbs(*pinned->total - 875.0 / 12) < 1e-9);

    // Version 2 would give A = (1 + 3·0.75 + 6·0.5)/10 = 62.5 and a total of
    // (2·62.5 + 50 + 100)/4 = 68.75 ...
    const ScoreResult other = ScoreEngine::score(v2, sheet.answers);
    QCOMPARE(other.formVersion, 2);
    QVERIFY(qAbs(*other.total - 68.75) < 1e-9);
    // ... but the sheet pinned to version 1 is refused by version 2.
    auto refused = ScoreEngine::score(v2, sheet);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY(refused.errorMessage().contains(QStringLiteral("version 1")));
    QVERIFY(refused.errorMessage().contains(QStringLiteral("version 2")));

    sheet.formId = QStringLiteral("another-form");
    QVERIFY(!ScoreEngine::score(v1, sheet).ok());
}

void TestScoreEngine::deterministic()
{
    const EvaluationForm form = testforms::scoringForm();
    AnswerMap answers = best();
    answers.insert(QStringLiteral("zz"), Answer::yes());
    answers.insert(QStringLiteral("aa"), Answer::no());
    const ScoreResult first = ScoreEngine::score(form, answers);
    for (int i = 0; i < 5; ++i) {
        const ScoreResult again = ScoreEngine::score(form, answers);
        QCOMPARE(again.total, first.total);
        QCOMPARE(again.visibleQuestions, first.visibleQuestions);
        QCOMPARE(again.problems.size(), first.problems.size());
        for (int p = 0; p < first.problems.size(); ++p)
            QCOMPARE(again.problems.at(p).questionId, first.problems.at(p).questionId);
    }
}

QTEST_GUILESS_MAIN(TestScoreEngine)
#include "tst_scoreengine.moc"
