// The sampling widgets offscreen, on both backends: WorkQueueView shows an evaluator's queue
// (loaded on its catalog thread; overdue in words; activating a row names the item and its
// call) and a refusal for a role without recording.score; SamplingRulesPanel adds a rule
// through its editor and generates its current period, and a role without qa.forms.manage
// sees the panel disabled and why.
#include "authtestsupport.h"
#include "catalogtestsupport.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrules.h"
#include "qa/samplingrulespanel.h"
#include "qa/workqueuemodel.h"
#include "qa/workqueueview.h"
#include "qaflowtestsupport.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace cv;

class TestSamplingUi final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &who) const { return m_site.as(who); }
    qaflowtest::QaSite m_site;

private slots:
    void workQueueViewShowsMyQueue();
    void workQueueViewShowsARefusal();
    void rulesPanelAddsAndGenerates();
    void rulesPanelIsDisabledForOtherRoles();
};

bool TestSamplingUi::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    if (siteId.isNull() || !m_site.setUp(db(), siteId))
        return false;
    return m_site.publishCallQuality(db());
}

void TestSamplingUi::workQueueViewShowsMyQueue()
{
    QVERIFY(setUpSite());
    SamplingRule rule;
    rule.name = QStringLiteral("Unhappy");
    rule.kind = SamplingKind::SentimentBelow;
    rule.parameters.threshold = 0; // inT1 is -0.25
    rule.formId = QStringLiteral("call-quality");
    rule.deadlineDays = 2;
    rule.evaluators = {QStringLiteral("u_qa_evaluator")};
    auto created = SamplingRules(db(), m_site.roles.clock.clock()).create(as(QStringLiteral("supervisor")), rule);
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    const qint64 from = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    auto report = QueueGenerator(db(), m_site.roles.clock.clock())
                      .generate(as(QStringLiteral("supervisor")), created->id, from, from + 7LL * 86400000);
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    QCOMPARE(report->queued, 1);

    WorkQueueView view(db(), as(QStringLiteral("qa_evaluator")));
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&view, &WorkQueueView::loaded);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(view.model()->rowCount(), 1);
    // The deadline (2024) has long passed on the real clock the view uses: overdue, in words.
    QCOMPARE(view.model()->index(0, WorkQueueModel::State).data().toString(), QStringLiteral("Open, overdue"));
    QCOMPARE(view.model()->index(0, WorkQueueModel::Agent).data().toString(), QStringLiteral("A1"));
    QCOMPARE(view.model()->index(0, WorkQueueModel::Rule).data().toString(), QStringLiteral("Unhappy"));
    QCOMPARE(view.model()->index(0, WorkQueueModel::Form).data().toString(), QStringLiteral("call-quality v1"));
    const QString status = view.findChild<QLabel *>(QStringLiteral("workQueueStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("overdue: 1")), qPrintable(status));

    QSignalSpy activated(&view, &WorkQueueView::itemActivated);
    view.activateRow(0);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(1).value<QUuid>(), m_site.roles.inT1.id);
    QVERIFY(activated.first().at(0).toLongLong() > 0);

    // Refresh reads again.
    view.findChild<QPushButton *>(QStringLiteral("workQueueRefresh"))->click();
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(view.model()->rowCount(), 1);
}

void TestSamplingUi::workQueueViewShowsARefusal()
{
    QVERIFY(setUpSite());
    WorkQueueView view(db(), as(QStringLiteral("supervisor"))); // no recording.score
    QSignalSpy loaded(&view, &WorkQueueView::loaded);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toBool(), false);
    QCOMPARE(view.model()->rowCount(), 0);
    const QString status = view.findChild<QLabel *>(QStringLiteral("workQueueStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("could not be read")), qPrintable(status));
}

void TestSamplingUi::rulesPanelAddsAndGenerates()
{
    QVERIFY(setUpSite());
    SamplingRulesPanel panel(db(), as(QStringLiteral("supervisor")));
    QSignalSpy shown(&panel, &SamplingRulesPanel::rulesShown);
    QTRY_COMPARE(shown.size(), 1);
    QCOMPARE(shown.first().first().toBool(), true);
    QVERIFY(panel.rules().isEmpty());
    auto *evaluators = panel.findChild<QListWidget *>(QStringLiteral("samplingEvaluators"));
    QStringList names;
    for (int i = 0; i < evaluators->count(); ++i)
        names << evaluators->item(i)->text();
    QCOMPARE(names, (QStringList{QStringLiteral("u_evaluator2"), QStringLiteral("u_qa_evaluator")}));

    panel.newRule();
    panel.findChild<QLineEdit *>(QStringLiteral("samplingName"))->setText(QStringLiteral("Long calls"));
    auto *kind = panel.findChild<QComboBox *>(QStringLiteral("samplingKind"));
    kind->setCurrentIndex(kind->findData(static_cast<int>(SamplingKind::LongerThan)));
    panel.findChild<QSpinBox *>(QStringLiteral("samplingMinMinutes"))->setValue(15);
    QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("samplingForm"))->currentText(), QStringLiteral("call-quality"));
    // Without an evaluator: refused by the panel, nothing saved.
    QSignalSpy saved(&panel, &SamplingRulesPanel::ruleSaved);
    panel.save();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toBool(), false);
    evaluators->item(1)->setCheckState(Qt::Checked);
    panel.findChild<QPushButton *>(QStringLiteral("samplingSave"))->click();
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(saved.last().first().toBool(), true);
    QTRY_COMPARE(panel.rules().size(), 1);
    const SamplingRule stored = panel.rules().first();
    QCOMPARE(stored.name, QStringLiteral("Long calls"));
    QCOMPARE(stored.kind, SamplingKind::LongerThan);
    QCOMPARE(stored.parameters.minDurationMs, 15 * 60 * 1000);
    QCOMPARE(stored.evaluators, QStringList{QStringLiteral("u_qa_evaluator")});
    QCOMPARE(stored.createdBy, QStringLiteral("u_supervisor"));

    panel.selectRule(0);
    QSignalSpy generated(&panel, &SamplingRulesPanel::generated);
    panel.findChild<QPushButton *>(QStringLiteral("samplingGenerate"))->click();
    QTRY_COMPARE(generated.size(), 1);
    QCOMPARE(generated.first().first().toBool(), true);
    const QString message = panel.findChild<QLabel *>(QStringLiteral("samplingMessage"))->text();
    // This week on the real clock: the seeded calls are from 2024.
    QVERIFY2(message.contains(QStringLiteral("Rule \"Long calls\"")) &&
                 message.contains(QStringLiteral("queued 0 calls")),
             qPrintable(message));
}

void TestSamplingUi::rulesPanelIsDisabledForOtherRoles()
{
    QVERIFY(setUpSite());
    SamplingRulesPanel panel(db(), as(QStringLiteral("qa_evaluator")));
    QVERIFY(!panel.mayManage());
    auto *denied = panel.findChild<QLabel *>(QStringLiteral("samplingDenied"));
    QVERIFY2(denied->text().contains(QStringLiteral("You may not manage sampling rules")), qPrintable(denied->text()));
    QVERIFY(denied->text().contains(QStringLiteral("qa_evaluator")));
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("samplingSave"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("samplingGenerate"))->isEnabled());
}

QTEST_MAIN(TestSamplingUi)
#include "tst_samplingui.moc"
