// TransactionGuard: commit, rollback on destruction, nesting as savepoints.
#include "catalog/transactionguard.h"
#include "catalog/userrepository.h"
#include "catalogtestsupport.h"

#include <QTest>

using namespace cv;

class TestTransactionGuard final : public CatalogTestCase
{
    Q_OBJECT

private:
    qint64 users() { return UserRepository(db()).count().value(); }
    bool addUser(const QString &name)
    {
        return UserRepository(db())
            .create(name, QStringLiteral("hash"), QStringLiteral("agent"))
            .ok();
    }

private slots:
    void commitKeepsChanges();
    void destructionRollsBack();
    void commitTwiceIsAnError();
    void nestedGuardIsASavepoint();
    void nestedRollbackKeepsOuterWork();
    void outerRollbackDiscardsNestedCommit();
    void failedStatementInsideNestedGuardIsRecoverable();
    void otherConnectionsSeeOnlyCommittedWork();
};

void TestTransactionGuard::commitKeepsChanges()
{
    QVERIFY(migrateLatest());
    {
        TransactionGuard transaction(db());
        QVERIFY2(transaction.ok(), qPrintable(transaction.error().message));
        QVERIFY(!transaction.isNested());
        QVERIFY(addUser(QStringLiteral("a")));
        const auto committed = transaction.commit();
        QVERIFY2(committed.ok(), qPrintable(committed.errorMessage()));
    }
    QCOMPARE(users(), 1);
}

void TestTransactionGuard::destructionRollsBack()
{
    QVERIFY(migrateLatest());
    {
        TransactionGuard transaction(db());
        QVERIFY(transaction.ok());
        QVERIFY(addUser(QStringLiteral("a")));
        QVERIFY(addUser(QStringLiteral("b")));
        QCOMPARE(users(), 2);
    }
    QCOMPARE(users(), 0);
    // The connection is usable afterwards, outside any transaction.
    QVERIFY(addUser(QStringLiteral("c")));
    QCOMPARE(users(), 1);
}

void TestTransactionGuard::commitTwiceIsAnError()
{
    QVERIFY(migrateLatest());
    TransactionGuard transaction(db());
    QVERIFY(transaction.commit().ok());
    QVERIFY(!transaction.commit().ok());
}

void TestTransactionGuard::nestedGuardIsASavepoint()
{
    QVERIFY(migrateLatest());
    {
        TransactionGuard outer(db());
        QVERIFY(outer.ok());
        {
            TransactionGuard inner(db());
            QVERIFY2(inner.ok(), qPrintable(inner.error().message));
            QVERIFY(inner.isNested());
            QVERIFY(addUser(QStringLiteral("inner")));
            QVERIFY(inner.commit().ok());
        }
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(users(), 1);
}

void TestTransactionGuard::nestedRollbackKeepsOuterWork()
{
    QVERIFY(migrateLatest());
    {
        TransactionGuard outer(db());
        QVERIFY(addUser(QStringLiteral("outer")));
        {
            TransactionGuard inner(db());
            QVERIFY(inner.ok());
            QVERIFY(addUser(QStringLiteral("inner")));
        } // rolled back to the savepoint
        QCOMPARE(users(), 1);
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(users(), 1);
    QVERIFY(UserRepository(db()).find(QStringLiteral("outer")).value().has_value());
    QVERIFY(!UserRepository(db()).find(QStringLiteral("inner")).value().has_value());
}

void TestTransactionGuard::outerRollbackDiscardsNestedCommit()
{
    QVERIFY(migrateLatest());
    {
        TransactionGuard outer(db());
        TransactionGuard inner(db());
        QVERIFY(addUser(QStringLiteral("inner")));
        QVERIFY(inner.commit().ok());
    }
    QCOMPARE(users(), 0);
}

void TestTransactionGuard::failedStatementInsideNestedGuardIsRecoverable()
{
    // PostgreSQL aborts the whole transaction on a failed statement; rolling back to the
    // savepoint must make it usable again (and SQLite must behave the same).
    QVERIFY(migrateLatest());
    {
        TransactionGuard outer(db());
        QVERIFY(addUser(QStringLiteral("dup")));
        {
            TransactionGuard inner(db());
            const auto duplicate = UserRepository(db()).create(
                QStringLiteral("dup"), QStringLiteral("h"), QStringLiteral("agent"));
            QVERIFY(!duplicate.ok());
            QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
        }
        QVERIFY(addUser(QStringLiteral("after")));
        const auto committed = outer.commit();
        QVERIFY2(committed.ok(), qPrintable(committed.errorMessage()));
    }
    QCOMPARE(users(), 2);
}

void TestTransactionGuard::otherConnectionsSeeOnlyCommittedWork()
{
    QVERIFY(migrateLatest());
    auto other = backend().openAnother();
    QVERIFY2(other.ok(), qPrintable(other.errorMessage()));
    TransactionGuard transaction(db());
    QVERIFY(addUser(QStringLiteral("pending")));
    // A reader on another connection is not blocked (WAL on SQLite, MVCC on PostgreSQL)
    // and does not see uncommitted rows.
    QCOMPARE(UserRepository(*other.value()).count().value(), 0);
    QVERIFY(transaction.commit().ok());
    QCOMPARE(UserRepository(*other.value()).count().value(), 1);
}

QTEST_GUILESS_MAIN(TestTransactionGuard)
#include "tst_transactionguard.moc"
