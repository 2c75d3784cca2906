// Database and Migrator: opening, per-thread connections, migrations on both backends.
#include "catalog/agentrepository.h"
#include "catalog/auditlog.h"
#include "catalog/keyrepository.h"
#include "catalog/migrator.h"
#include "catalog/recordingrepository.h"
#include "catalog/siterepository.h"
#include "catalog/userrepository.h"
#include "catalogtestsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <memory>
#include <thread>

using namespace cv;

class TestDatabase final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool indexExists(const QString &name);
    QStringList migrationNames();

private slots:
    void migrationFilesMatchInBothDialects();
    void openReportsUnreachableCatalogs();
    void splitsStatementsAtLineEnds();
    void migratesFreshDatabase();
    void migratingTwiceChangesNothing();
    void migratesVersionOneUpWithRowsIntact();
    void failedMigrationLeavesNothingBehind();
    void refusesNewerSchema();
    void refusesUnknownOrLowerTarget();
    void sqliteConnectionSettings();
    void eachThreadGetsItsOwnConnection();
    void secondDatabaseSeesCommittedRows();
};

bool TestDatabase::indexExists(const QString &name)
{
    const QString sql =
        isPostgres()
            ? QStringLiteral(
                  "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?")
            : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
    QSqlQuery query(db().connection());
    query.prepare(sql);
    query.addBindValue(name);
    if (!query.exec())
        qFatal("index lookup failed");
    return query.next();
}

QStringList TestDatabase::migrationNames()
{
    QStringList names;
    QSqlQuery query(db().connection());
    if (query.exec(QStringLiteral("SELECT name FROM schema_migrations ORDER BY version"))) {
        while (query.next())
            names.append(query.value(0).toString());
    }
    return names;
}

void TestDatabase::migrationFilesMatchInBothDialects()
{
    const auto sqlite = Migrator::available(Database::Kind::Sqlite);
    const auto postgres = Migrator::available(Database::Kind::Postgres);
    QVERIFY2(sqlite.ok(), qPrintable(sqlite.errorMessage()));
    QVERIFY2(postgres.ok(), qPrintable(postgres.errorMessage()));
    QVERIFY(sqlite->size() >= 2);
    QCOMPARE(sqlite->size(), postgres->size());
    for (int i = 0; i < sqlite->size(); ++i) {
        QCOMPARE(sqlite->at(i).version, i + 1);
        QCOMPARE(sqlite->at(i).name, postgres->at(i).name);
    }
    QCOMPARE(Database::latestSchemaVersion(), sqlite->size());
}

void TestDatabase::openReportsUnreachableCatalogs()
{
    if (!isPostgres()) {
        // A "directory" that is a file: the catalog cannot be created there.
        const QString blocker =
            QFileInfo(backend().config().sqlitePath).absolutePath() + QStringLiteral("/file");
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto opened =
            Database::open(CatalogConfig::sqlite(blocker + QStringLiteral("/catalog.sqlite")));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Io);
        QVERIFY2(opened.errorMessage().contains(blocker), qPrintable(opened.errorMessage()));
        return;
    }
    QUrl url(qEnvironmentVariable("CALLVAULT_TEST_PG_URL"));
    const QString password = url.password();
    QVERIFY(!password.isEmpty());

    // A wrong password: a clear error that does not repeat the password.
    url.setPassword(QStringLiteral("wrong-password-123"));
    auto wrong = CatalogConfig::fromPgUrl(url.toString());
    QVERIFY(wrong.ok());
    const auto refused = Database::open(wrong.value());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Database);
    QVERIFY2(refused.errorMessage().contains(
                 QLatin1String("Could not connect to the PostgreSQL catalog")),
             qPrintable(refused.errorMessage()));
    QVERIFY(!refused.errorMessage().contains(QLatin1String("wrong-password-123")));

    // No password in the URL (as site.json stores it): PGPASSWORD supplies it.
    url.setPassword(QString());
    qputenv("PGPASSWORD", password.toUtf8());
    auto fromEnv = CatalogConfig::fromPgUrl(url.toString());
    QVERIFY(fromEnv.ok());
    const auto opened = Database::open(fromEnv.value()); // reads PGPASSWORD now
    qunsetenv("PGPASSWORD");
    QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
    QVERIFY(opened.value()->connection().isOpen());
}

void TestDatabase::splitsStatementsAtLineEnds()
{
    const QString sql = QStringLiteral("-- a comment; with a semicolon;\n"
                                       "CREATE TABLE a (\n    x TEXT DEFAULT 'a;b'\n);\n"
                                       "\n"
                                       "CREATE INDEX i ON a (x);   \n"
                                       "INSERT INTO a VALUES ('tail')");
    const QStringList statements = Migrator::splitStatements(sql);
    QCOMPARE(statements.size(), 3);
    QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (\n    x TEXT DEFAULT 'a;b'\n)"));
    QCOMPARE(statements.at(1), QStringLiteral("CREATE INDEX i ON a (x)"));
    QCOMPARE(statements.at(2), QStringLiteral("INSERT INTO a VALUES ('tail')"));

    // Function bodies: ';' at a line end and "--" lines inside $$ ... $$ stay in the body.
    const QString function = QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$\n"
                                            "BEGIN\n-- inside\n    RETURN 1;\nEND\n"
                                            "$$ LANGUAGE plpgsql;\nSELECT f();");
    const QStringList two = Migrator::splitStatements(function);
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0), QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n-- inside\n"
                                       "    RETURN 1;\nEND\n$$ LANGUAGE plpgsql"));
    QCOMPARE(two.at(1), QStringLiteral("SELECT f()"));
}

void TestDatabase::migratesFreshDatabase()
{
    auto before = db().schemaVersion();
    QVERIFY2(before.ok(), qPrintable(before.errorMessage()));
    QCOMPARE(before.value(), 0);

    QVERIFY(migrateLatest());
    auto after = db().schemaVersion();
    QVERIFY2(after.ok(), qPrintable(after.errorMessage()));
    QCOMPARE(after.value(), Database::latestSchemaVersion());
    // Every known migration, in order (the list grows with each release).
    const auto known = Migrator::available(db().kind());
    QVERIFY2(known.ok(), qPrintable(known.errorMessage()));
    QStringList knownNames;
    for (const Migration &migration : known.value())
        knownNames.append(migration.name);
    QCOMPARE(migrationNames(), knownNames);
    QCOMPARE(migrationNames().mid(0, 2), QStringList({QStringLiteral("001_initial"),
                                                      QStringLiteral("002_status_and_audit_indexes")}));

    // Every table is there and empty.
    for (const char *table :
         {"sites", "agents", "users", "recordings", "recording_keys", "audit"}) {
        QSqlQuery query(db().connection());
        QVERIFY2(query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QString::fromLatin1(table)),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), 0);
    }
    QVERIFY(indexExists(QStringLiteral("recordings_started_at")));
    QVERIFY(indexExists(QStringLiteral("recordings_agent_started_at")));
    QVERIFY(indexExists(QStringLiteral("recordings_customer_phone")));
    QVERIFY(indexExists(QStringLiteral("recordings_status")));
    QVERIFY(indexExists(QStringLiteral("audit_action_at")));
}

void TestDatabase::migratingTwiceChangesNothing()
{
    QVERIFY(migrateLatest());
    QVERIFY(migrateLatest());
    auto again = backend().openAnother();
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    const auto migrated = again.value()->migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage()));
    QCOMPARE(migrationNames().size(), Database::latestSchemaVersion());
}

void TestDatabase::migratesVersionOneUpWithRowsIntact()
{
    const auto toOne = db().migrate(1);
    QVERIFY2(toOne.ok(), qPrintable(toOne.errorMessage()));
    QCOMPARE(db().schemaVersion().value(), 1);
    QVERIFY(!indexExists(QStringLiteral("recordings_status")));

    // Fill every table of version 1.
    const SiteRow site = catalogtest::makeSite();
    QVERIFY(SiteRepository(db()).insert(site).ok());
    const RecordingRow recording = catalogtest::makeRecording(
        site.id, QDateTime(QDate(2024, 5, 1), QTime(9, 30, 15, 123), Qt::UTC));
    QVERIFY(RecordingRepository(db()).insert(recording).ok());
    QVERIFY(KeyRepository(db()).insert(catalogtest::makeKey(recording.id)).ok());
    QVERIFY(
        UserRepository(db())
            .create(QStringLiteral("admin"), QStringLiteral("$scrypt$x"), QStringLiteral("admin"))
            .ok());
    QVERIFY(
        AgentRepository(db())
            .upsert({QStringLiteral("agent-007"), QStringLiteral("James"), QStringLiteral("Sales")})
            .ok());
    AuditLog audit(db());
    for (int i = 0; i < 3; ++i)
        QVERIFY(
            audit.append(catalogtest::makeEvent(QStringLiteral("play"), QString::number(i))).ok());

    // Up to the latest, through a fresh Database as a newer program would open it.
    auto upgraded = backend().openAnother();
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorMessage()));
    const auto migrated = upgraded.value()->migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage()));
    QCOMPARE(upgraded.value()->schemaVersion().value(), Database::latestSchemaVersion());
    QVERIFY(indexExists(QStringLiteral("recordings_status")));
    QVERIFY(indexExists(QStringLiteral("audit_action_at")));

    Database &newDb = *upgraded.value();
    const auto found = RecordingRepository(newDb).find(recording.id);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY(found.value().has_value());
    catalogtest::compareRecordings(*found.value(), recording);
    if (QTest::currentTestFailed())
        return;
    const auto key = KeyRepository(newDb).find(recording.id);
    QVERIFY(key.ok() && key.value().has_value());
    QCOMPARE(key.value()->wrappedKey, catalogtest::makeKey(recording.id).wrappedKey);
    QCOMPARE(SiteRepository(newDb).get().value()->id, site.id);
    QCOMPARE(UserRepository(newDb).count().value(), 1);
    QCOMPARE(AgentRepository(newDb).list().value().size(), 1);
    const auto verified = AuditLog(newDb).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(verified.value(), 3);
}

void TestDatabase::failedMigrationLeavesNothingBehind()
{
    QVERIFY(db().migrate(1).ok());
    // Sabotage migration 2's second statement: its index name is already taken. Its first
    // statement (recordings_status) must be rolled back with it.
    QVERIFY(
        backend().execRaw(QStringLiteral("CREATE INDEX audit_action_at ON audit (actor)")).ok());
    const auto migrated = db().migrate();
    QVERIFY(!migrated.ok());
    QCOMPARE(migrated.error().code, ErrorCode::Database);
    QVERIFY2(migrated.errorMessage().contains(QLatin1String("002_status_and_audit_indexes")),
             qPrintable(migrated.errorMessage()));
    QCOMPARE(db().schemaVersion().value(), 1);
    QVERIFY(!indexExists(QStringLiteral("recordings_status")));
    QCOMPARE(migrationNames(), QStringList({QStringLiteral("001_initial")}));

    // Repaired, it goes through.
    QVERIFY(backend().execRaw(QStringLiteral("DROP INDEX audit_action_at")).ok());
    QVERIFY(migrateLatest());
    QVERIFY(indexExists(QStringLiteral("recordings_status")));
}

void TestDatabase::refusesNewerSchema()
{
    QVERIFY(migrateLatest());
    QVERIFY(
        backend()
            .execRaw(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at_ms) "
                                    "VALUES (999, '999_future', 0)"))
            .ok());
    const auto migrated = db().migrate();
    QVERIFY(!migrated.ok());
    QCOMPARE(migrated.error().code, ErrorCode::Unsupported);
    QVERIFY2(migrated.errorMessage().contains(QLatin1String("999")),
             qPrintable(migrated.errorMessage()));
}

void TestDatabase::refusesUnknownOrLowerTarget()
{
    const auto tooHigh = db().migrate(Database::latestSchemaVersion() + 1);
    QVERIFY(!tooHigh.ok());
    QCOMPARE(tooHigh.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(db().schemaVersion().value(), 0);

    QVERIFY(migrateLatest());
    const auto lower = db().migrate(1);
    QVERIFY(!lower.ok());
    QCOMPARE(lower.error().code, ErrorCode::InvalidArgument);
}

void TestDatabase::sqliteConnectionSettings()
{
    if (!isPostgres()) {
        const struct
        {
            const char *pragma;
            const char *expected;
        } checks[] = {{"PRAGMA journal_mode", "wal"},
                      {"PRAGMA synchronous", "2"},
                      {"PRAGMA foreign_keys", "1"},
                      {"PRAGMA busy_timeout", "5000"}};
        for (const auto &check : checks) {
            QSqlQuery query(db().connection());
            QVERIFY(query.exec(QString::fromLatin1(check.pragma)));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QString::fromLatin1(check.expected));
        }
        QVERIFY(QFile::exists(backend().config().sqlitePath));
    } else {
        QCOMPARE(db().kind(), Database::Kind::Postgres);
        QVERIFY(!db().displayName().contains(QLatin1String("password")));
    }
    // Foreign keys are enforced on both: a key row for no recording is refused.
    QVERIFY(migrateLatest());
    const auto orphan = KeyRepository(db()).insert(catalogtest::makeKey(QUuid::createUuid()));
    QVERIFY(!orphan.ok());
}

void TestDatabase::eachThreadGetsItsOwnConnection()
{
    QVERIFY(migrateLatest());
    const QString mainName = db().connection().connectionName();
    QCOMPARE(db().connection().connectionName(), mainName);
    const int before = QSqlDatabase::connectionNames().size();

    QString threadName;
    bool threadOpen = false;
    qint64 threadCount = -1;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        {
            QSqlDatabase connection = db().connection();
            threadName = connection.connectionName();
            threadOpen = connection.isOpen();
        }
        const auto count = UserRepository(db()).count();
        threadCount = count.ok() ? count.value() : -2;
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    thread.reset();

    QVERIFY(threadOpen);
    QCOMPARE(threadCount, 0);
    QVERIFY(threadName != mainName);
    QVERIFY(threadName.startsWith(mainName.section(u'-', 0, -2)));
    // The thread removes its connection as it exits (thread_local destructors run just
    // after QThread::wait() returns, hence QTRY_).
    QTRY_VERIFY(!QSqlDatabase::contains(threadName));
    QCOMPARE(QSqlDatabase::connectionNames().size(), before);

    // The same for a plain std::thread (Qt adopts it); join() waits for its exit.
    QString stdThreadName;
    std::thread plain([&] {
        stdThreadName = db().connection().connectionName();
        threadCount = UserRepository(db()).count().ok() ? 0 : -2;
    });
    plain.join();
    QCOMPARE(threadCount, 0);
    QVERIFY(stdThreadName != mainName && stdThreadName != threadName);
    QVERIFY(!QSqlDatabase::contains(stdThreadName));
    QCOMPARE(QSqlDatabase::connectionNames().size(), before);
}

void TestDatabase::secondDatabaseSeesCommittedRows()
{
    QVERIFY(migrateLatest());
    auto other = backend().openAnother();
    QVERIFY2(other.ok(), qPrintable(other.errorMessage()));
    QVERIFY(other.value()->connection().connectionName() != db().connection().connectionName());
    QVERIFY(UserRepository(db())
                .create(QStringLiteral("bob"), QStringLiteral("h"), QStringLiteral("supervisor"))
                .ok());
    QCOMPARE(UserRepository(*other.value()).count().value(), 1);
    const QString otherName = other.value()->connection().connectionName();
    other.value().reset();
    QVERIFY(!QSqlDatabase::contains(otherName));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
