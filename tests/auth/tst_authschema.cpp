// Migration 003 (teams, roles, permissions, user scopes, tags, bookmarks, settings) on both
// backends: a catalog at version 2 with data migrates up with its rows intact and the new
// constraints active; the seeds match the declarations in core/auth.
#include "auth/accountrepository.h"
#include "auth/permission.h"
#include "auth/rolerepository.h"
#include "auth/settings.h"
#include "auth/settingsrepository.h"
#include "authtestsupport.h"
#include "catalog/agentrepository.h"
#include "catalog/auditlog.h"
#include "catalog/recordingrepository.h"
#include "catalog/siterepository.h"
#include "catalog/userrepository.h"
#include "catalogtestsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

class TestAuthSchema final : public CatalogTestCase
{
    Q_OBJECT

private:
    bool indexExists(const QString &name);
    // Runs a statement with bound values on `database`; true when it succeeded.
    static bool execBound(Database &database, const QString &sql, const QVariantList &values);
    static QVariant scalar(Database &database, const QString &sql, const QVariantList &values = {});

private slots:
    void declarationsAreComplete();
    void defaultRolesAndSettingsAreSeeded();
    void migratesVersionTwoUpWithDataIntact();
    void newConstraintsAreActive();
    void tagsAndBookmarksFollowTheirRecording();
};

bool TestAuthSchema::indexExists(const QString &name)
{
    const QString sql =
        isPostgres()
            ? QStringLiteral(
                  "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?")
            : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
    return scalar(db(), sql, {name}).isValid();
}

bool TestAuthSchema::execBound(Database &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

QVariant TestAuthSchema::scalar(Database &database, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return QVariant();
    return query.value(0);
}

void TestAuthSchema::declarationsAreComplete()
{
    // Every permission has a stable, unique name that maps back; the numbers are explicit.
    QSet<QString> names;
    for (Permission permission : allPermissions()) {
        const QString name = permissionName(permission);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(static_cast<int>(permission))));
        QVERIFY(!names.contains(name));
        names.insert(name);
        QCOMPARE(permissionFromName(name), std::optional<Permission>(permission));
        QVERIFY(!permissionDescription(permission).isEmpty());
    }
    QCOMPARE(allPermissions().size(), 19);
    QCOMPARE(static_cast<int>(Permission::RecordingSearch), 1);
    QCOMPARE(static_cast<int>(Permission::TeamsManage), 14);
    QCOMPARE(static_cast<int>(Permission::RecordingIngest), 16);
    QCOMPARE(permissionName(Permission::RecordingIngest), QStringLiteral("recording.ingest"));
    QVERIFY(isRecordingPermission(Permission::RecordingIngest));
    QCOMPARE(static_cast<int>(Permission::EvaluationResolve), 19);
    QCOMPARE(permissionName(Permission::QaFormsManage), QStringLiteral("qa.forms.manage"));
    QVERIFY(isRecordingPermission(Permission::EvaluationAcknowledge)); // admin appoints agents
    QCOMPARE(permissionName(Permission::RecordingPlay), QStringLiteral("recording.play"));
    QVERIFY(!permissionFromName(QStringLiteral("recording.PLAY")));
    // Every setting enumerator is declared once with a valid default.
    for (int i = 1; i <= 5; ++i) {
        const auto setting = static_cast<Setting>(i);
        const SettingSpec &spec = Settings::spec(setting);
        QCOMPARE(spec.setting, setting);
        QCOMPARE(Settings::fromKey(Settings::key(setting)), std::optional<Setting>(setting));
        const auto normalized =
            Settings::normalize(setting, QString::fromLatin1(spec.defaultValue));
        QVERIFY2(normalized.ok(), spec.key);
        QCOMPARE(normalized.value(), QString::fromLatin1(spec.defaultValue));
    }
    QCOMPARE(Settings::all().size(), 5);
    QVERIFY(!Settings::normalize(Setting::LockoutMaxFailures, QStringLiteral("0")).ok());
    QVERIFY(!Settings::normalize(Setting::LockoutMaxFailures, QStringLiteral("ten")).ok());
    QCOMPARE(Settings::normalize(Setting::AgentMayPlayOwn, QStringLiteral(" No ")).value(),
             QStringLiteral("false"));
}

void TestAuthSchema::defaultRolesAndSettingsAreSeeded()
{
    QVERIFY(migrateLatest());
    const auto roles = RoleRepository(db()).list();
    QVERIFY2(roles.ok(), qPrintable(roles.errorMessage()));
    QMap<QString, QStringList> actual;
    QMap<QString, RoleScope> scopes;
    for (const RoleRow &role : roles.value()) {
        QStringList names;
        for (Permission p : role.permissions)
            names.append(permissionName(p));
        names.sort();
        actual.insert(role.name, names);
        scopes.insert(role.name, role.scope);
        QVERIFY(role.unknownPermissions.isEmpty());
    }
    const QMap<QString, QStringList> expected = {
        {QStringLiteral("admin"),
         {QStringLiteral("settings.change"), QStringLiteral("teams.manage"),
          QStringLiteral("users.manage")}},
        {QStringLiteral("security_admin"),
         {QStringLiteral("keys.manage"), QStringLiteral("roles.manage"),
          QStringLiteral("security.policy")}},
        {QStringLiteral("auditor"), {QStringLiteral("audit.read"), QStringLiteral("audit.verify")}},
        {QStringLiteral("supervisor"),
         {QStringLiteral("evaluation.resolve"), QStringLiteral("qa.forms.manage"),
          QStringLiteral("recording.bookmark"), QStringLiteral("recording.export"),
          QStringLiteral("recording.play"), QStringLiteral("recording.search"),
          QStringLiteral("recording.tag")}},
        {QStringLiteral("qa_evaluator"),
         {QStringLiteral("recording.bookmark"), QStringLiteral("recording.play"),
          QStringLiteral("recording.score"), QStringLiteral("recording.search")}},
        {QStringLiteral("agent"),
         {QStringLiteral("evaluation.acknowledge"), QStringLiteral("recording.play"),
          QStringLiteral("recording.search")}},
        {QStringLiteral("recorder"), {QStringLiteral("recording.ingest")}},
    };
    QCOMPARE(actual, expected);
    QCOMPARE(scopes.value(QStringLiteral("recorder")), RoleScope::All);
    QCOMPARE(scopes.value(QStringLiteral("supervisor")), RoleScope::Teams);
    QCOMPARE(scopes.value(QStringLiteral("qa_evaluator")), RoleScope::Teams);
    QCOMPARE(scopes.value(QStringLiteral("agent")), RoleScope::Own);
    QCOMPARE(scopes.value(QStringLiteral("admin")), RoleScope::All);

    // The seeded settings are exactly the declared defaults.
    for (const SettingSpec &spec : Settings::all()) {
        const QVariant stored =
            scalar(db(), QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                   {QString::fromLatin1(spec.key)});
        QVERIFY2(stored.isValid(), spec.key);
        QCOMPARE(stored.toString(), QString::fromLatin1(spec.defaultValue));
    }
    QCOMPARE(authtest::countRows(db(), QStringLiteral("settings")), qint64(Settings::all().size()));
    QVERIFY(indexExists(QStringLiteral("recording_tags_tag_started_at")));
    QVERIFY(indexExists(QStringLiteral("bookmarks_recording_offset")));
    QVERIFY(indexExists(QStringLiteral("users_role")));
}

void TestAuthSchema::migratesVersionTwoUpWithDataIntact()
{
    const auto toTwo = db().migrate(2);
    QVERIFY2(toTwo.ok(), qPrintable(toTwo.errorMessage()));
    const SiteRow site = catalogtest::makeSite();
    QVERIFY(SiteRepository(db()).insert(site).ok());
    const RecordingRow recording =
        catalogtest::makeRecording(site.id, QDateTime(QDate(2024, 3, 5), QTime(9, 0), Qt::UTC));
    QVERIFY(RecordingRepository(db()).insert(recording).ok());
    UserRepository users(db());
    const qint64 rootId =
        users.create(QStringLiteral("root"), QStringLiteral("$scrypt$a"), QStringLiteral("admin"))
            .value();
    const qint64 sueId = users
                             .create(QStringLiteral("sue"), QStringLiteral("$scrypt$b"),
                                     QStringLiteral("supervisor"))
                             .value();
    const qint64 annId =
        users.create(QStringLiteral("ann"), QStringLiteral("$scrypt$c"), QStringLiteral("agent"))
            .value();
    QVERIFY(execBound(db(),
                      QStringLiteral("UPDATE users SET must_change_password = ? WHERE id = ?"),
                      {true, static_cast<qlonglong>(annId)}));
    AgentRepository agents(db());
    QVERIFY(
        agents.upsert({QStringLiteral("A1"), QStringLiteral("Ann"), QStringLiteral("Sales")}).ok());
    QVERIFY(
        agents.upsert({QStringLiteral("A2"), QStringLiteral("Bo"), QStringLiteral("Sales")}).ok());
    QVERIFY(agents.upsert({QStringLiteral("A3"), QStringLiteral("Cy"), QStringLiteral("客服二组")})
                .ok());
    QVERIFY(agents.upsert({QStringLiteral("A4"), QStringLiteral("Di"), QString()}).ok());
    QVERIFY(AuditLog(db())
                .append(catalogtest::makeEvent(QStringLiteral("play"), QStringLiteral("x")))
                .ok());

    auto upgraded = backend().openAnother();
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.errorMessage()));
    Database &newDb = *upgraded.value();
    const auto migrated = newDb.migrate();
    QVERIFY2(migrated.ok(), qPrintable(migrated.errorMessage()));
    QCOMPARE(newDb.schemaVersion().value(), Database::latestSchemaVersion());

    // Users kept with their ids, hashes, roles and flags; new columns at their defaults.
    AccountRepository accounts(newDb);
    const auto all = accounts.list();
    QVERIFY2(all.ok(), qPrintable(all.errorMessage()));
    QCOMPARE(all->size(), 3);
    const auto root = accounts.findByName(QStringLiteral("root")).value();
    QVERIFY(root.has_value());
    QCOMPARE(root->id, rootId);
    QCOMPARE(root->passwordHash, QStringLiteral("$scrypt$a"));
    QCOMPARE(root->role, QStringLiteral("admin"));
    QCOMPARE(root->disabled, false);
    QCOMPARE(root->failedLogins, 0);
    QVERIFY(!root->lockedUntilMs);
    QVERIFY(!root->lastLoginMs);
    QVERIFY(root->agentId.isEmpty());
    QCOMPARE(root->passwordChangedAtMs, root->createdAtMs);
    QCOMPARE(accounts.findById(sueId).value()->role, QStringLiteral("supervisor"));
    const auto ann = accounts.findById(annId).value();
    QCOMPARE(ann->mustChangePassword, true);
    QCOMPARE(ann->role, QStringLiteral("agent"));
    QCOMPARE(UserRepository(newDb).find(QStringLiteral("sue")).value()->passwordHash,
             QStringLiteral("$scrypt$b"));

    // A new user continues the id sequence.
    AccountRepository::NewAccount row;
    row.name = QStringLiteral("newbie");
    row.passwordHash = QStringLiteral("h");
    row.role = QStringLiteral("qa_evaluator");
    row.nowMs = 1;
    const auto newId = accounts.insert(row);
    QVERIFY2(newId.ok(), qPrintable(newId.errorMessage()));
    QVERIFY(newId.value() > annId);

    // The teams agents named became rows (id = name); the empty team did not.
    QCOMPARE(authtest::countRows(newDb, QStringLiteral("teams")), 2);
    QCOMPARE(scalar(newDb, QStringLiteral("SELECT name FROM teams WHERE id = ?"),
                    {QStringLiteral("客服二组")})
                 .toString(),
             QStringLiteral("客服二组"));
    QVERIFY(scalar(newDb, QStringLiteral("SELECT created_at_ms FROM teams WHERE id = ?"),
                   {QStringLiteral("Sales")})
                .toLongLong() > 1600000000000LL);
    QCOMPARE(agents.list().value().size(), 4);
    QCOMPARE(AgentRepository(newDb).list().value().at(0).team, QStringLiteral("Sales"));
    // Existing teams are usable at once.
    QVERIFY(accounts.setTeams(sueId, {QStringLiteral("Sales"), QStringLiteral("客服二组")}).ok());
    QCOMPARE(accounts.findById(sueId).value()->teams,
             QStringList({QStringLiteral("Sales"), QStringLiteral("客服二组")}));

    QCOMPARE(RecordingRepository(newDb).find(recording.id).value()->agentId, recording.agentId);
    const auto verified = AuditLog(newDb).verifyChain();
    QVERIFY2(verified.ok(), qPrintable(verified.errorMessage()));
    QCOMPARE(SettingsRepository(newDb).integer(Setting::LockoutMaxFailures).value(), 10);
}

void TestAuthSchema::newConstraintsAreActive()
{
    QVERIFY(migrateLatest());
    const qint64 id =
        authtest::addUser(db(), QStringLiteral("sue"), "pw", QStringLiteral("supervisor"));
    QVERIFY(id > 0);
    // users.role references roles.
    QVERIFY(!execBound(db(), QStringLiteral("UPDATE users SET role = ? WHERE id = ?"),
                       {QStringLiteral("root"), static_cast<qlonglong>(id)}));
    QVERIFY(!execBound(
        db(),
        QStringLiteral("INSERT INTO users (name, password_hash, role, password_changed_at_ms, "
                       "created_at_ms) VALUES (?, ?, ?, ?, ?)"),
        {QStringLiteral("x"), QStringLiteral("h"), QStringLiteral("root"), 1, 1}));
    // A role in use cannot be deleted; an unused one can, with its permissions.
    QVERIFY(!execBound(db(), QStringLiteral("DELETE FROM roles WHERE name = ?"),
                       {QStringLiteral("supervisor")}));
    QVERIFY(execBound(db(), QStringLiteral("DELETE FROM roles WHERE name = ?"),
                      {QStringLiteral("qa_evaluator")}));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM role_permissions WHERE role = ?"),
                    {QStringLiteral("qa_evaluator")})
                 .toInt(),
             0);
    // user_teams needs a real user and a real team; it goes with its user.
    QVERIFY(!execBound(db(),
                       QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)"),
                       {static_cast<qlonglong>(id), QStringLiteral("Nowhere")}));
    QCOMPARE(AccountRepository(db()).setTeams(id, {QStringLiteral("Nowhere")}).error().code,
             ErrorCode::NotFound);
    QVERIFY(authtest::addTeam(db(), QStringLiteral("Sales")));
    QVERIFY(AccountRepository(db()).setTeams(id, {QStringLiteral("Sales")}).ok());
    QVERIFY(!execBound(db(),
                       QStringLiteral("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)"),
                       {9999, QStringLiteral("Sales")}));
    QVERIFY(execBound(db(), QStringLiteral("DELETE FROM users WHERE id = ?"),
                      {static_cast<qlonglong>(id)}));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("user_teams")), 0);
    // Team names are unique; boolean and enum checks hold.
    QVERIFY(!execBound(
        db(), QStringLiteral("INSERT INTO teams (id, name, created_at_ms) VALUES (?, ?, ?)"),
        {QStringLiteral("S2"), QStringLiteral("Sales"), 1}));
    QVERIFY(!execBound(
        db(), QStringLiteral("INSERT INTO roles (name, description, scope) VALUES (?, ?, ?)"),
        {QStringLiteral("r"), QStringLiteral(""), QStringLiteral("everything")}));
    QVERIFY(!execBound(db(), QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                       {QStringLiteral("lockout.minutes"), QStringLiteral("1")}));
}

void TestAuthSchema::tagsAndBookmarksFollowTheirRecording()
{
    const QUuid siteId = migrateWithSite();
    QVERIFY(!siteId.isNull());
    const QDateTime march = QDateTime(QDate(2024, 3, 10), QTime(10, 0), Qt::UTC);
    const RecordingRow recording = catalogtest::makeRecording(siteId, march);
    QVERIFY(RecordingRepository(db()).insert(recording).ok());
    const QString rid = recording.id.toString(QUuid::WithoutBraces);
    QVERIFY(execBound(
        db(), QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) VALUES (?, ?, ?)"),
        {QStringLiteral("complaint"), QStringLiteral("sue"), 1}));
    QVERIFY(!execBound(
        db(), QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) VALUES (?, ?, ?)"),
        {QStringLiteral("complaint"), QStringLiteral("bob"), 2}));
    const qlonglong tagId = scalar(db(), QStringLiteral("SELECT id FROM tags WHERE name = ?"),
                                   {QStringLiteral("complaint")})
                                .toLongLong();
    const QString insertLink = QStringLiteral(
        "INSERT INTO recording_tags (recording_id, tag_id, started_at_ms, tagged_by, "
        "tagged_at_ms) VALUES (?, ?, ?, ?, ?)");
    QVERIFY(execBound(db(), insertLink,
                      {rid, tagId, march.toMSecsSinceEpoch(), QStringLiteral("sue"), 5}));
    QVERIFY(!execBound(db(), insertLink,
                       {rid, tagId, march.toMSecsSinceEpoch(), QStringLiteral("sue"), 6}));
    QVERIFY(!execBound(
        db(), insertLink,
        {QUuid::createUuid().toString(QUuid::WithoutBraces), tagId, 1, QStringLiteral("sue"), 5}));
    // "Tag complaint in March" is a range of (tag_id, started_at_ms).
    const QVariant inMarch =
        scalar(db(),
               QStringLiteral("SELECT COUNT(*) FROM recording_tags WHERE tag_id = ? AND "
                              "started_at_ms >= ? AND started_at_ms < ?"),
               {tagId, QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()});
    QCOMPARE(inMarch.toInt(), 1);
    const QString insertBookmark =
        QStringLiteral("INSERT INTO bookmarks (recording_id, offset_ms, text, author, "
                       "created_at_ms) VALUES (?, ?, ?, ?, ?)");
    QVERIFY(execBound(db(), insertBookmark,
                      {rid, 1500, QStringLiteral("客户要求退款"), QStringLiteral("sue"), 7}));
    QVERIFY(
        !execBound(db(), insertBookmark, {rid, -1, QStringLiteral("x"), QStringLiteral("sue"), 7}));
    // Deleting the recording takes its tag links and bookmarks along; the tag stays.
    QVERIFY(execBound(db(), QStringLiteral("DELETE FROM recordings WHERE id = ?"), {rid}));
    QCOMPARE(authtest::countRows(db(), QStringLiteral("recording_tags")), 0);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("bookmarks")), 0);
    QCOMPARE(authtest::countRows(db(), QStringLiteral("tags")), 1);
}

QTEST_GUILESS_MAIN(TestAuthSchema)
#include "tst_authschema.moc"
