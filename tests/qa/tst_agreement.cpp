// Agreement (core/qa): Fleiss' kappa and intraclass correlations against published worked
// examples, and their degenerate inputs.
//
// Fleiss' kappa: the worked example of Wikipedia, "Fleiss' kappa" (section "Worked example"),
// 10 subjects × 14 raters × 5 categories, after Fleiss, J. L. (1971), "Measuring nominal scale
// agreement among many raters", Psychological Bulletin 76(5), 378–382. Published values:
// P_i = 1.000 0.253 0.308 0.440 0.330 0.462 0.242 0.176 0.286 0.286,
// p_j = 0.143 0.200 0.279 0.150 0.229, P̄ = 0.378, P̄e = 0.213, κ = 0.210.
//
// ICC: Shrout, P. E. & Fleiss, J. L. (1979), "Intraclass correlations: uses in assessing rater
// reliability", Psychological Bulletin 86(2), 420–428, Table 2 (6 targets × 4 judges) with the
// mean squares of Table 3 (BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02) and the coefficients of
// Table 4: ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71.
#include "qa/agreement.h"

#include <QTest>
#include <numeric>

using namespace cv;

namespace {

bool near(double a, double b, double tolerance)
{
    return qAbs(a - b) <= tolerance;
}

} // namespace

class TestAgreement final : public QObject
{
    Q_OBJECT

private slots:
    void fleissWikipediaExample();
    void fleissPerfectAgreement();
    void fleissOneCategoryOnly();
    void fleissRefusesBadInput_data();
    void fleissRefusesBadInput();
    void countsFromLabels();
    void iccShroutFleissTable2();
    void iccPerfectAgreement();
    void iccAllIdentical();
    void iccRefusesBadInput_data();
    void iccRefusesBadInput();
};

void TestAgreement::fleissWikipediaExample()
{
    // Rows: subjects 1..10; columns: categories 1..5; 14 ratings per row (checked below).
    const QVector<QVector<int>> counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    for (const auto &row : counts)
        QCOMPARE(std::accumulate(row.begin(), row.end(), 0), 14);

    const auto r = Agreement::fleissKappa(counts);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->subjects, 10);
    QCOMPARE(r->raters, 14);
    QCOMPARE(r->categories, 5);
    const double subjects[] = {1.000, 0.253, 0.308, 0.440, 0.330,
                               0.462, 0.242, 0.176, 0.286, 0.286};
    for (int i = 0; i < 10; ++i)
        QVERIFY2(near(r->perSubjectAgreement.at(i), subjects[i], 0.0005),
                 qPrintable(QString::number(r->perSubjectAgreement.at(i))));
    const double categories[] = {0.143, 0.200, 0.279, 0.150, 0.229};
    for (int j = 0; j < 5; ++j)
        QVERIFY(near(r->categoryProportion.at(j), categories[j], 0.0005));
    QVERIFY(near(r->meanAgreement, 0.378, 0.0005));
    QVERIFY(near(r->chanceAgreement, 0.213, 0.0005));
    QVERIFY(r->kappa);
    QVERIFY2(near(*r->kappa, 0.210, 0.0005), qPrintable(QString::number(*r->kappa)));

    // Per-category κ_j (Fleiss 1971, eq. 10), computed by hand for category 1: p_1 = 20/140,
    // Σ n_i1 (14 − n_i1) = 2·12 + 7·7 + 3·11 + 2·12 + 6·8 = 178,
    // κ_1 = 1 − 178 / (10·14·13·(1/7)·(6/7)) = 1 − 178/222.857 = 0.2013.
    QCOMPARE(r->perCategoryKappa.size(), 5);
    QVERIFY(r->perCategoryKappa.at(0));
    QVERIFY(near(*r->perCategoryKappa.at(0), 0.2013, 0.0001));
    // And the overall κ is the p_j q_j-weighted mean of the κ_j (Fleiss 1971, eq. 12).
    double weighted = 0, weights = 0;
    for (int j = 0; j < 5; ++j) {
        const double pq = r->categoryProportion.at(j) * (1 - r->categoryProportion.at(j));
        weighted += pq * *r->perCategoryKappa.at(j);
        weights += pq;
    }
    QVERIFY(near(weighted / weights, *r->kappa, 1e-12));
}

void TestAgreement::fleissPerfectAgreement()
{
    // Every subject rated unanimously, in different categories: P̄ = 1, κ = 1.
    const auto r = Agreement::fleissKappa({{3, 0}, {0, 3}, {3, 0}});
    QVERIFY(r.ok());
    QCOMPARE(r->meanAgreement, 1.0);
    QVERIFY(r->kappa);
    QVERIFY(near(*r->kappa, 1.0, 1e-12));
    for (double p : r->perSubjectAgreement)
        QCOMPARE(p, 1.0);
}

void TestAgreement::fleissOneCategoryOnly()
{
    // All raters chose the same category for every subject: P̄ = P̄e = 1, κ undefined (0/0).
    // This is also what a single subject rated unanimously gives.
    for (const auto &counts :
         {QVector<QVector<int>>{{0, 4, 0}, {0, 4, 0}}, QVector<QVector<int>>{{5, 0}}}) {
        const auto r = Agreement::fleissKappa(counts);
        QVERIFY(r.ok());
        QCOMPARE(r->meanAgreement, 1.0);
        QCOMPARE(r->chanceAgreement, 1.0);
        QVERIFY(!r->kappa);
        for (const auto &k : r->perCategoryKappa)
            QVERIFY(!k); // p_j is 0 or 1 everywhere
    }
    // One subject with disagreement is defined: P̄ = (1² + 1² − 2)/(2·1) = 0, P̄e = 0.5,
    // κ = (0 − 0.5)/(1 − 0.5) = −1.
    const auto single = Agreement::fleissKappa({{1, 1}});
    QVERIFY(single.ok());
    QCOMPARE(single->meanAgreement, 0.0);
    QVERIFY(single->kappa && near(*single->kappa, -1.0, 1e-12));
}

void TestAgreement::fleissRefusesBadInput_data()
{
    QTest::addColumn<QVector<QVector<int>>>("counts");
    QTest::newRow("no subjects") << QVector<QVector<int>>{};
    QTest::newRow("no categories") << QVector<QVector<int>>{{}};
    QTest::newRow("one rater") << QVector<QVector<int>>{{1, 0}, {0, 1}};
    QTest::newRow("no raters") << QVector<QVector<int>>{{0, 0}};
    QTest::newRow("different rater counts") << QVector<QVector<int>>{{2, 1}, {1, 1}};
    QTest::newRow("ragged rows") << QVector<QVector<int>>{{2, 1}, {3}};
    QTest::newRow("negative count") << QVector<QVector<int>>{{4, -1}, {2, 1}};
}

void TestAgreement::fleissRefusesBadInput()
{
    QFETCH(QVector<QVector<int>>, counts);
    const auto r = Agreement::fleissKappa(counts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!r.errorMessage().isEmpty());
}

void TestAgreement::countsFromLabels()
{
    // Three evaluators on three questions of one call: unanimous, 2 against 1, all different.
    const QVector<QStringList> labels = {
        {QStringLiteral("yes"), QStringLiteral("yes"), QStringLiteral("yes")},
        {QStringLiteral("no"), QStringLiteral("yes"), QStringLiteral("no")},
        {QStringLiteral("3"), QStringLiteral("na"), QStringLiteral("no")},
    };
    const CategoryCounts c = Agreement::countCategories(labels);
    QCOMPARE(c.categories, QStringList({QStringLiteral("3"), QStringLiteral("na"),
                                        QStringLiteral("no"), QStringLiteral("yes")}));
    QCOMPARE(c.counts, (QVector<QVector<int>>{{0, 0, 0, 3}, {0, 0, 2, 1}, {1, 1, 1, 0}}));
    const auto r = Agreement::fleissKappa(c.counts);
    QVERIFY(r.ok());
    // P_i = (Σ n_ij² − 3)/(3·2): (9−3)/6 = 1, (4+1−3)/6 = 1/3, (1+1+1−3)/6 = 0.
    QCOMPARE(r->perSubjectAgreement, (QVector<double>{1.0, 1.0 / 3, 0.0}));
}

void TestAgreement::iccShroutFleissTable2()
{
    // Targets 1..6 (rows) × judges 1..4 (columns), Shrout & Fleiss (1979) Table 2.
    const QVector<QVector<double>> ratings = {
        {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
    };
    const auto r = Agreement::icc(ratings);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->subjects, 6);
    QCOMPARE(r->raters, 4);
    // Table 3's mean squares, to two decimals.
    QVERIFY(near(r->bms, 11.24, 0.005));
    QVERIFY(near(r->wms, 6.26, 0.005));
    QVERIFY(near(r->jms, 32.49, 0.005));
    QVERIFY(near(r->ems, 1.02, 0.005));
    // Table 4's coefficients, to two decimals (exactly 0.1657, 0.2898, 0.7148).
    QVERIFY(r->icc11 && near(*r->icc11, 0.17, 0.005));
    QVERIFY(r->icc21 && near(*r->icc21, 0.29, 0.005));
    QVERIFY(r->icc31 && near(*r->icc31, 0.71, 0.005));
    QCOMPARE(r->perSubjectRange, (QVector<double>{7, 5, 4, 6, 5, 5}));
}

void TestAgreement::iccPerfectAgreement()
{
    // Raters agree exactly on every call; calls differ: every coefficient is 1.
    const auto r = Agreement::icc({{80, 80, 80}, {65, 65, 65}, {92.5, 92.5, 92.5}});
    QVERIFY(r.ok());
    QVERIFY(r->icc11 && near(*r->icc11, 1.0, 1e-12));
    QVERIFY(r->icc21 && near(*r->icc21, 1.0, 1e-12));
    QVERIFY(r->icc31 && near(*r->icc31, 1.0, 1e-12));
    QCOMPARE(r->perSubjectRange, (QVector<double>{0, 0, 0}));
}

void TestAgreement::iccAllIdentical()
{
    // Every rating the same (even values that do not add up exactly in binary): nothing
    // varies, every coefficient is undefined (documented as empty), not NaN.
    for (double v : {100.0, 0.1, 66.66666666666667}) {
        const auto r = Agreement::icc({{v, v}, {v, v}, {v, v}});
        QVERIFY(r.ok());
        QVERIFY(!r->icc11);
        QVERIFY(!r->icc21);
        QVERIFY(!r->icc31);
    }
}

void TestAgreement::iccRefusesBadInput_data()
{
    QTest::addColumn<QVector<QVector<double>>>("ratings");
    QTest::newRow("no subjects") << QVector<QVector<double>>{};
    QTest::newRow("one subject") << QVector<QVector<double>>{{70, 80, 90}};
    QTest::newRow("one rater") << QVector<QVector<double>>{{70}, {80}};
    QTest::newRow("missing rating") << QVector<QVector<double>>{{70, 80}, {90}};
    QTest::newRow("not a number") << QVector<QVector<double>>{{70, 80}, {qQNaN(), 90}};
    QTest::newRow("infinite") << QVector<QVector<double>>{{70, 80}, {qInf(), 90}};
}

void TestAgreement::iccRefusesBadInput()
{
    QFETCH(QVector<QVector<double>>, ratings);
    const auto r = Agreement::icc(ratings);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!r.errorMessage().isEmpty());
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
