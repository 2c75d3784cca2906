// UserRepository on both backends.
#include "catalog/userrepository.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestUserRepository final : public CatalogTestCase
{
    Q_OBJECT

private slots:
    void createAndFind();
    void namesAreUnique();
    void findUnknownIsEmpty();
    void countCountsUsers();
    void rejectsUnknownRoleAndEmptyName();
};

void TestUserRepository::createAndFind()
{
    QVERIFY(migrateLatest());
    UserRepository users(db());
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const auto id = users.create(QStringLiteral("王芳"), QStringLiteral("$scrypt$ln=15$abc"),
                                 QStringLiteral("qa_evaluator"));
    QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    QVERIFY(id.value() > 0);
    const auto found = users.find(QStringLiteral("王芳"));
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY(found.value().has_value());
    QCOMPARE(found.value()->id, id.value());
    QCOMPARE(found.value()->name, QStringLiteral("王芳"));
    QCOMPARE(found.value()->passwordHash, QStringLiteral("$scrypt$ln=15$abc"));
    QCOMPARE(found.value()->role, QStringLiteral("qa_evaluator"));
    QCOMPARE(found.value()->mustChangePassword, false);
    QVERIFY(found.value()->createdAt >= before);
    QCOMPARE(found.value()->createdAt.timeSpec(), Qt::UTC);

    const auto second =
        users.create(QStringLiteral("bob"), QStringLiteral("h"), QStringLiteral("auditor"));
    QVERIFY(second.ok());
    QVERIFY(second.value() != id.value());
}

void TestUserRepository::namesAreUnique()
{
    QVERIFY(migrateLatest());
    UserRepository users(db());
    QVERIFY(
        users.create(QStringLiteral("alice"), QStringLiteral("h1"), QStringLiteral("admin")).ok());
    const auto again =
        users.create(QStringLiteral("alice"), QStringLiteral("h2"), QStringLiteral("agent"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.errorMessage().contains(QLatin1String("alice")),
             qPrintable(again.errorMessage()));
    QCOMPARE(users.count().value(), 1);
    QCOMPARE(users.find(QStringLiteral("alice")).value()->passwordHash, QStringLiteral("h1"));
    // The connection is still usable after the failed insert.
    QVERIFY(
        users.create(QStringLiteral("Alice"), QStringLiteral("h3"), QStringLiteral("agent")).ok());
    QCOMPARE(users.count().value(), 2);
}

void TestUserRepository::findUnknownIsEmpty()
{
    QVERIFY(migrateLatest());
    const auto found = UserRepository(db()).find(QStringLiteral("nobody"));
    QVERIFY(found.ok());
    QVERIFY(!found.value().has_value());
}

void TestUserRepository::countCountsUsers()
{
    QVERIFY(migrateLatest());
    UserRepository users(db());
    QCOMPARE(users.count().value(), 0);
    for (int i = 0; i < 4; ++i)
        QVERIFY(
            users.create(QStringLiteral("u%1").arg(i), QStringLiteral("h"), QStringLiteral("agent"))
                .ok());
    QCOMPARE(users.count().value(), 4);
}

void TestUserRepository::rejectsUnknownRoleAndEmptyName()
{
    QVERIFY(migrateLatest());
    UserRepository users(db());
    QCOMPARE(
        users.create(QStringLiteral("x"), QStringLiteral("h"), QStringLiteral("root")).error().code,
        ErrorCode::InvalidArgument);
    QCOMPARE(users.create(QStringLiteral("  "), QStringLiteral("h"), QStringLiteral("admin"))
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
    QCOMPARE(users.count().value(), 0);
}

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_userrepository.moc"
