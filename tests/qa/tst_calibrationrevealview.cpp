// The calibration reveal view (offscreen) on the session of tst_calibrationreveal.cpp worked
// out by hand: the summary gives κ with its band, ICC(2,1) and how many questions to discuss;
// the disputed question comes first and is highlighted; the totals table shows the spread.
#include "calibrationsession.h"
#include "qa/calibrationrevealview.h"

#include <QLabel>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace cv;

class TestCalibrationRevealView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral("callvault_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&m_english);
    }

    void showsTheWorkedSession()
    {
        const CalibrationScores s = calibrationtest::session();
        auto reveal = CalibrationReveal::compute(s);
        QVERIFY2(reveal, qPrintable(reveal.errorMessage()));

        CalibrationRevealView view;
        view.setReveal(reveal.value(), s.calls, s.evaluators);
        const QString summary = view.findChild<QLabel *>(QStringLiteral("calibrationSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("Fleiss' κ = 0.31 (fair) over 4 rated items")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("ICC(2,1) = 0.60 over 2 calls.")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 question to discuss")), qPrintable(summary));

        auto *questions = view.findChild<QTableWidget *>(QStringLiteral("calibrationQuestions"));
        QCOMPARE(questions->rowCount(), 2);
        QCOMPARE(questions->item(0, 0)->text(), QStringLiteral("Question q2")); // the disputed one first
        QVERIFY(questions->item(0, 0)->font().bold());
        QVERIFY(!questions->item(1, 0)->font().bold());
        QCOMPARE(questions->item(0, 1)->text(), QStringLiteral("call-1: yes / no / yes; call-2: yes / no / yes"));
        QCOMPARE(questions->item(0, 2)->text(), QStringLiteral("33%"));
        QCOMPARE(questions->item(0, 3)->text(), QStringLiteral("-0.50"));

        auto *totals = view.findChild<QTableWidget *>(QStringLiteral("calibrationTotals"));
        QCOMPARE(totals->columnCount(), 5); // call, a, b, c, spread
        QCOMPARE(totals->item(0, 2)->text(), QStringLiteral("50.0"));
        QCOMPARE(totals->item(1, 4)->text(), QStringLiteral("50.0"));
    }

private:
    QTranslator m_english;
};

QTEST_MAIN(TestCalibrationRevealView)
#include "tst_calibrationrevealview.moc"
