// The calibration reveal (qa/calibrationreveal.h) on a session worked out by hand: three
// evaluators, two calls, a form of two yes/no questions of equal weight.
//   call 1: a yes/yes, b yes/no, c yes/yes      call 2: a no/yes, b no/no, c no/yes
// q1: every evaluator agrees on both calls: agreement 1; Fleiss' κ over the calls: P̄ = 1,
//     p_yes = p_no = 1/2, P̄e = 1/2, κ = (1 − 1/2) / (1 − 1/2) = 1.
// q2: on each call two say yes, one no: P_i = (2·1 + 1·0) / (3·2) = 1/3, agreement 1/3
//     (below 0.75: disputed); p_yes = 4/6, p_no = 2/6, P̄e = 5/9,
//     κ = (1/3 − 5/9) / (1 − 5/9) = −1/2.
// Overall κ over the four (call, question) subjects: P̄ = (1 + 1 + 1/3 + 1/3) / 4 = 2/3;
//     yes 7 and no 5 of 12 answers: P̄e = (49 + 25) / 144 = 74/144,
//     κ = (96/144 − 74/144) / (70/144) = 22/70 = 0.3142857.
// Totals (each question 50 points): call 1: 100, 50, 100 (spread 50); call 2: 50, 0, 50
//     (spread 50). ICC(2,1) of [[100, 50, 100], [50, 0, 50]]: BMS = 3750, JMS = 1666.67,
//     EMS = 0: 3750 / (3750 + 0 + 3 · 1666.67 / 2) = 0.6.
#include "calibrationsession.h"

#include <QTest>

using namespace cv;

using calibrationtest::session;

class TestCalibrationReveal final : public QObject
{
    Q_OBJECT

private slots:
    void workedExample()
    {
        auto reveal = CalibrationReveal::compute(session());
        QVERIFY2(reveal, qPrintable(reveal.errorMessage()));
        QCOMPARE(reveal->questions.size(), 2);
        const QuestionAgreement &q1 = reveal->questions[0];
        const QuestionAgreement &q2 = reveal->questions[1];
        QCOMPARE(q1.agreement, 1.0);
        QVERIFY(q1.kappa && qFuzzyCompare(*q1.kappa, 1.0));
        QVERIFY(!q1.disputed);
        QVERIFY(qAbs(q2.agreement - 1.0 / 3) < 1e-12);
        QVERIFY(q2.kappa && qAbs(*q2.kappa + 0.5) < 1e-12);
        QVERIFY(q2.disputed);
        QCOMPARE(q2.answers[0], (QStringList{QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("yes")}));
        QVERIFY(reveal->overall && reveal->overall->kappa);
        QVERIFY(qAbs(*reveal->overall->kappa - 22.0 / 70) < 1e-12);
        QCOMPARE(reveal->totals, (QVector<QVector<double>>{{100, 50, 100}, {50, 0, 50}}));
        QCOMPARE(reveal->spread, (QVector<double>{50, 50}));
        QVERIFY(reveal->icc && reveal->icc->icc21);
        QVERIFY(qAbs(*reveal->icc->icc21 - 0.6) < 1e-9);
        QCOMPARE(CalibrationReveal::kappaBand(22.0 / 70), QStringLiteral("fair"));
        QCOMPARE(CalibrationReveal::kappaBand(-0.5), QStringLiteral("poor"));
        QCOMPARE(CalibrationReveal::kappaBand(0.85), QStringLiteral("almost perfect"));
    }

    void oneCallHasNoIccButASpread()
    {
        CalibrationScores s = session();
        s.calls.removeLast();
        auto reveal = CalibrationReveal::compute(s);
        QVERIFY2(reveal, qPrintable(reveal.errorMessage()));
        QVERIFY(!reveal->icc);
        QVERIFY(!reveal->iccNote.isEmpty());
        QCOMPARE(reveal->spread, QVector<double>{50});
    }

    void naAndUnansweredAreCategories()
    {
        CalibrationScores s = session();
        s.form.sections[0].questions[1].allowNa = true;
        s.answers[QStringLiteral("call-1")][QStringLiteral("b")][QStringLiteral("q2")] = Answer::notApplicable();
        s.answers[QStringLiteral("call-1")][QStringLiteral("c")].remove(QStringLiteral("q2"));
        auto reveal = CalibrationReveal::compute(s);
        QVERIFY2(reveal, qPrintable(reveal.errorMessage()));
        QCOMPARE(reveal->questions[1].answers[0],
                 (QStringList{QStringLiteral("yes"), QStringLiteral("na"), QStringLiteral("—")}));
    }

    void incompleteSessionsAreRefused()
    {
        CalibrationScores s = session();
        s.answers[QStringLiteral("call-2")].remove(QStringLiteral("b"));
        auto reveal = CalibrationReveal::compute(s);
        QVERIFY(!reveal);
        QCOMPARE(reveal.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(reveal.errorMessage().contains(QLatin1String("b on call-2")), qPrintable(reveal.errorMessage()));
        s = session();
        s.evaluators = {QStringLiteral("a")};
        QVERIFY(!CalibrationReveal::compute(s));
    }
};

QTEST_GUILESS_MAIN(TestCalibrationReveal)
#include "tst_calibrationreveal.moc"
