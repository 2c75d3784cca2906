// AgentRepository on both backends.
#include "catalog/agentrepository.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestAgentRepository final : public CatalogTestCase
{
    Q_OBJECT

private slots:
    void upsertInsertsAndReplaces();
    void rejectsEmptyId();
};

void TestAgentRepository::upsertInsertsAndReplaces()
{
    QVERIFY(migrateLatest());
    AgentRepository agents(db());
    QVERIFY(agents.list().value().isEmpty());
    QVERIFY(agents.upsert({QStringLiteral("a2"), QStringLiteral("Bea"), QStringLiteral("Support")})
                .ok());
    QVERIFY(
        agents.upsert({QStringLiteral("a1"), QStringLiteral("Al"), QStringLiteral("Sales")}).ok());
    const auto replaced = agents.upsert(
        {QStringLiteral("a2"), QStringLiteral("Beatrice"), QStringLiteral("Retention")});
    QVERIFY2(replaced.ok(), qPrintable(replaced.errorMessage()));

    const auto list = agents.list();
    QVERIFY2(list.ok(), qPrintable(list.errorMessage()));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).agentId, QStringLiteral("a1"));
    QCOMPARE(list->at(0).name, QStringLiteral("Al"));
    QCOMPARE(list->at(1).agentId, QStringLiteral("a2"));
    QCOMPARE(list->at(1).name, QStringLiteral("Beatrice"));
    QCOMPARE(list->at(1).team, QStringLiteral("Retention"));
}

void TestAgentRepository::rejectsEmptyId()
{
    QVERIFY(migrateLatest());
    QCOMPARE(AgentRepository(db()).upsert({QString(), QStringLiteral("x"), QString()}).error().code,
             ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestAgentRepository)
#include "tst_agentrepository.moc"
