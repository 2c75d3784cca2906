// FormLibrary on both backends: publishing makes version latest+1, publishing what the latest
// version says makes none, a published version never changes and an evaluation keeps its
// version after a new one is published; qa.forms.manage to publish, any permission of work on
// calls to read; audit rows for publishing and for every denial.
#include "authtestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "qa/evaluationworkflow.h"
#include "qa/formlibrary.h"
#include "qaflowtestsupport.h"

#include <QTest>

using namespace cv;

class TestFormLibrary final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool setUpSite();
    Principal as(const QString &who) const { return m_site.as(who); }
    FormLibrary library() { return FormLibrary(db(), m_site.roles.clock.clock()); }

    qaflowtest::QaSite m_site;

private slots:
    void publishingMakesVersions();
    void anEvaluationKeepsItsVersion();
    void publishingNeedsQaFormsManage();
    void readingNeedsWorkOnCalls();
    void badFormsAreRefused();
};

bool TestFormLibrary::setUpSite()
{
    const QUuid siteId = migrateWithSite();
    return !siteId.isNull() && m_site.setUp(db(), siteId);
}

void TestFormLibrary::publishingMakesVersions()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    const qint64 before = authtest::lastAuditId(db());
    auto first = library().publish(sup, QStringLiteral("greeting"), QStringLiteral(" 问候 "),
                                   QStringLiteral("zh_CN"), qaflowtest::formJson(QStringLiteral("a")));
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    QVERIFY(first->created);
    QCOMPARE(first->form.version, 1);
    QCOMPARE(first->form.title, QStringLiteral("问候")); // trimmed
    QCOMPARE(first->form.publishedBy, QStringLiteral("u_supervisor"));
    QCOMPARE(first->form.publishedAtMs, m_site.roles.clock.now);
    // The same again (keys in another order, spaces): nothing new, no audit row.
    auto same = library().publish(sup, QStringLiteral("greeting"), QStringLiteral("问候"),
                                  QStringLiteral("zh_CN"),
                                  QStringLiteral("{ \"scale\": 100, \"sections\": [{\"questions\":"
                                                 "[{\"weight\":1,\"text\":\"a\",\"id\":\"q1\"}]}]}"));
    QVERIFY2(same.ok(), qPrintable(same.errorMessage()));
    QVERIFY(!same->created);
    QCOMPARE(same->form.version, 1);
    m_site.roles.clock.advanceMinutes(5);
    auto second = library().publish(sup, QStringLiteral("greeting"), QStringLiteral("问候"),
                                    QStringLiteral("zh_CN"), qaflowtest::formJson(QStringLiteral("b")));
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    QCOMPARE(second->form.version, 2);
    // A new title alone is a change too.
    auto third = library().publish(sup, QStringLiteral("greeting"), QStringLiteral("Greeting"),
                                   QStringLiteral("zh_CN"), qaflowtest::formJson(QStringLiteral("b")));
    QCOMPARE(third->form.version, 3);
    QVERIFY(library().publish(sup, QStringLiteral("closing"), QStringLiteral("Closing"),
                              QStringLiteral("en"), qaflowtest::formJson(QStringLiteral("c")))
                .ok());
    const auto rows = authtest::auditRows(db(), before);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).action, QStringLiteral("qa.form.publish"));
    QCOMPARE(rows.at(0).target, QStringLiteral("greeting"));
    QCOMPARE(rows.at(0).details, QStringLiteral("{\"version\":1}"));
    QCOMPARE(rows.at(1).details, QStringLiteral("{\"version\":2}"));
    QCOMPARE(rows.at(3).target, QStringLiteral("closing"));
    // Reading: the latest, an old version unchanged, the list of latest versions.
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    auto latest = library().latest(evaluator, QStringLiteral("greeting"));
    QVERIFY2(latest.ok(), qPrintable(latest.errorMessage()));
    QCOMPARE(latest->version, 3);
    auto v1 = library().version(evaluator, QStringLiteral("greeting"), 1);
    QVERIFY(v1.ok());
    QVERIFY(v1->definition.contains(QLatin1String("\"text\":\"a\"")));
    QCOMPARE(v1->publishedAtMs, first->form.publishedAtMs);
    QCOMPARE(library().version(evaluator, QStringLiteral("greeting"), 4).error().code,
             ErrorCode::NotFound);
    QCOMPARE(library().latest(evaluator, QStringLiteral("nothing")).error().code,
             ErrorCode::NotFound);
    auto list = library().list(evaluator);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).formId, QStringLiteral("closing"));
    QCOMPARE(list->at(1).formId, QStringLiteral("greeting"));
    QCOMPARE(list->at(1).version, 3);
    QVERIFY(AuditLog(db()).verifyChain().ok());
}

void TestFormLibrary::anEvaluationKeepsItsVersion()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    QVERIFY(library().publish(sup, QStringLiteral("f"), QStringLiteral("F"), QStringLiteral("en"),
                              qaflowtest::formJson(QStringLiteral("old")))
                .ok());
    EvaluationWorkflow workflow(db(), m_site.roles.clock.clock());
    const Principal evaluator = as(QStringLiteral("qa_evaluator"));
    auto draft = workflow.startDraft(evaluator, m_site.roles.inT1.id, QStringLiteral("f"), 1);
    QVERIFY2(draft.ok(), qPrintable(draft.errorMessage()));
    QVERIFY(workflow.saveDraft(evaluator, draft->id, QStringLiteral("{}"), QString(), 70).ok());
    QVERIFY(workflow.submit(evaluator, draft->id).ok());
    QCOMPARE(library()
                 .publish(sup, QStringLiteral("f"), QStringLiteral("F"), QStringLiteral("en"),
                          qaflowtest::formJson(QStringLiteral("new")))
                 ->form.version,
             2);
    auto kept = EvaluationRepository(db()).find(draft->id);
    QCOMPARE(kept.value()->formVersion, 1);
    auto form = library().version(as(QStringLiteral("agent")), QStringLiteral("f"),
                                  kept.value()->formVersion);
    QVERIFY2(form.ok(), qPrintable(form.errorMessage()));
    QVERIFY(form->definition.contains(QLatin1String("old")));
    // A new draft can use either version, but only a published one.
    QVERIFY(workflow.startDraft(evaluator, m_site.roles.inT1.id, QStringLiteral("f"), 2).ok());
    QCOMPARE(workflow.startDraft(evaluator, m_site.roles.inT1.id, QStringLiteral("f"), 3).error().code,
             ErrorCode::NotFound);
}

void TestFormLibrary::publishingNeedsQaFormsManage()
{
    QVERIFY(setUpSite());
    for (const QString &role : {QStringLiteral("admin"), QStringLiteral("security_admin"),
                                QStringLiteral("auditor"), QStringLiteral("qa_evaluator"),
                                QStringLiteral("agent")}) {
        const qint64 before = authtest::lastAuditId(db());
        auto refused = library().publish(as(role), QStringLiteral("f"), QStringLiteral("F"),
                                         QStringLiteral("en"), qaflowtest::formJson(QStringLiteral("x")));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(refused.errorMessage().contains(QLatin1String("design and publish evaluation forms")),
                 qPrintable(refused.errorMessage()));
        const auto rows = authtest::auditRows(db(), before);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("qa.form.publish"));
        QCOMPARE(rows.first().result, QStringLiteral("denied"));
        QCOMPARE(rows.first().target, QStringLiteral("f"));
    }
    QCOMPARE(authtest::countRows(db(), QStringLiteral("evaluation_forms")), 0);
}

void TestFormLibrary::readingNeedsWorkOnCalls()
{
    QVERIFY(setUpSite());
    QVERIFY(library().publish(as(QStringLiteral("supervisor")), QStringLiteral("f"),
                              QStringLiteral("F"), QStringLiteral("en"),
                              qaflowtest::formJson(QStringLiteral("x")))
                .ok());
    for (const QString &role : {QStringLiteral("supervisor"), QStringLiteral("qa_evaluator"),
                                QStringLiteral("agent")})
        QVERIFY2(library().list(as(role)).ok(), qPrintable(role));
    for (const QString &role :
         {QStringLiteral("admin"), QStringLiteral("security_admin"), QStringLiteral("auditor")}) {
        const qint64 before = authtest::lastAuditId(db());
        QCOMPARE(library().latest(as(role), QStringLiteral("f")).error().code,
                 ErrorCode::PermissionDenied);
        const auto rows = authtest::auditRows(db(), before);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("qa.form.read"));
        QCOMPARE(rows.first().result, QStringLiteral("denied"));
    }
}

void TestFormLibrary::badFormsAreRefused()
{
    QVERIFY(setUpSite());
    const Principal sup = as(QStringLiteral("supervisor"));
    const qint64 before = authtest::lastAuditId(db());
    const QString good = qaflowtest::formJson(QStringLiteral("x"));
    struct Case
    {
        QString id, title, language, definition;
    };
    const QVector<Case> cases = {
        {QString(), QStringLiteral("T"), QStringLiteral("en"), good},
        {QStringLiteral("has space"), QStringLiteral("T"), QStringLiteral("en"), good},
        {QStringLiteral("f'; DROP TABLE evaluation_forms; --"), QStringLiteral("T"), QStringLiteral("en"), good},
        {QString(65, u'a'), QStringLiteral("T"), QStringLiteral("en"), good},
        {QStringLiteral("f"), QStringLiteral("  "), QStringLiteral("en"), good},
        {QStringLiteral("f"), QStringLiteral("a") + QChar(0), QStringLiteral("en"), good},
        {QStringLiteral("f"), QStringLiteral("T"), QStringLiteral("e"), good},
        {QStringLiteral("f"), QStringLiteral("T"), QStringLiteral("en"), QStringLiteral("[1,2]")},
        {QStringLiteral("f"), QStringLiteral("T"), QStringLiteral("en"), QStringLiteral("{broken")},
    };
    for (const Case &c : cases) {
        auto refused = library().publish(sup, c.id, c.title, c.language, c.definition);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        authtest::expectNoDatabaseText(refused.errorMessage(), c.id);
    }
    QCOMPARE(authtest::auditRows(db(), before).size(), 0);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("evaluation_forms")), 0);
}

QTEST_GUILESS_MAIN(TestFormLibrary)
#include "tst_formlibrary.moc"
