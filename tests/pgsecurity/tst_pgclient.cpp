// The client side of a secured PostgreSQL catalog (docs/postgres-security.md, "The client"):
// the core classes the workstation and callvaultctl use, logged in as the user's own login
// role through cv::PgLogin, never as the owner:
//   - PgLogin: the right password connects; a wrong one, an unknown name and a disabled
//     account get one message; failures counted through the gate lock the account;
//   - UserAdmin / AuthService: add, reset, disable, enable and a password change act on the
//     login roles through the server functions (passwords leave only as SCRAM verifiers);
//   - AuditLog: rows go through cv_audit_append and carry the server's actor;
//   - a recorder ingests with commitFinishedRecording, but reads nothing back;
//   - KeyRepository::findForUse: keys are released only inside the caller's scope, and the
//     server audits each release and refusal;
//   - an auditor signs a checkpoint (through cv_audit_add_checkpoint) and the verifier
//     accepts the whole trail.
#include "audit/auditcheckpointer.h"
#include "audit/auditverifier.h"
#include "auth/accesscontrol.h"
#include "auth/authservice.h"
#include "auth/pglogin.h"
#include "auth/useradmin.h"
#include "catalog/auditlog.h"
#include "catalog/keyrepository.h"
#include "catalog/recordingcommit.h"
#include "catalog/recordingrepository.h"
#include "securedcatalog.h"

#include <QTest>
#include <QUrl>

using namespace cv;

namespace {

const QString kHost = QStringLiteral("ws-7");
const QString kProgram = QStringLiteral("tst_pgclient");

RecordingRow recordingOf(const QUuid &site, const QString &agent, qint64 startMs)
{
    RecordingRow row;
    row.id = QUuid::createUuid();
    row.siteId = site;
    row.startedAt = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    row.endedAt = row.startedAt.addSecs(60);
    row.durationMs = 60000;
    row.agentId = agent;
    row.customerPhone = QStringLiteral("13800138000");
    row.storagePath = QStringLiteral("hot/2026/11/28/%1.cvr").arg(row.id.toString(QUuid::WithoutBraces));
    row.sizeBytes = 1000;
    row.sha256Hex = QString(64, u'a');
    row.sampleRate = 16000;
    row.peaks = QByteArray(8, '\x10');
    return row;
}

} // namespace

class TestPgClient final : public QObject
{
    Q_OBJECT

private:
    PgLoginTarget target() const;
    Result<PgLogin::LoggedIn> loginAs(const QString &name, const QByteArray &password) const;
    // Logs in as the admin and adds a user through UserAdmin; returns the id (0 on failure).
    qint64 addUser(const QString &name, const QByteArray &password, const QString &role,
                   const QStringList &teams = {}, bool mustChange = false);
    QString auditValue(const QString &column, qint64 id);

    std::unique_ptr<SecuredCatalog> m_catalog;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void logsInAsTheUsersOwnRole();
    void wrongUnknownAndDisabledLookTheSameAndLockOut();
    void passwordsChangeThroughTheServer();
    void auditRowsCarryTheServersActor();
    void keysAreReleasedOnlyInScopeAndAudited();
    void auditorCheckpointsAndVerifies();
};

void TestPgClient::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    for (const QString &sql : {
             QStringLiteral("UPDATE settings SET value = '3' WHERE key = 'lockout.max_failures'"),
             QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0), ('T2', 'Team 2', 0)"),
             QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1'), ('A2', 'Agent 2', 'T2')"),
         }) {
        const auto ran = m_catalog->exec(sql);
        QVERIFY2(ran.ok(), qPrintable(ran.errorMessage()));
    }
}

void TestPgClient::cleanupTestCase()
{
    m_catalog.reset();
}

PgLoginTarget TestPgClient::target() const
{
    QUrl url(m_catalog->urlFor(QStringLiteral("nobody"), QByteArrayLiteral("x")));
    url.setUserInfo(QString());
    PgLoginTarget t;
    t.url = url.toString(QUrl::FullyEncoded);
    t.rolePrefix = m_catalog->prefix();
    t.gatePassword = m_catalog->gatePassword();
    return t;
}

Result<PgLogin::LoggedIn> TestPgClient::loginAs(const QString &name, const QByteArray &password) const
{
    return PgLogin(target()).login(name, password, kHost, kProgram);
}

qint64 TestPgClient::addUser(const QString &name, const QByteArray &password, const QString &role,
                             const QStringList &teams, bool mustChange)
{
    auto admin = loginAs(QStringLiteral("admin"), SecuredCatalog::adminPassword());
    if (!admin) {
        qWarning("admin log-in: %s", qPrintable(admin.errorMessage()));
        return 0;
    }
    AuthService::Options options;
    options.pg = target();
    AuthService auth(*admin->db, options);
    UserAdmin::NewUser user;
    user.name = name;
    user.password = password;
    user.role = role;
    user.teams = teams;
    user.mustChangePassword = mustChange;
    auto id = UserAdmin(*admin->db, auth).add(admin->session.principal(), user);
    if (!id) {
        qWarning("add %s: %s", qPrintable(name), qPrintable(id.errorMessage()));
        return 0;
    }
    return id.value();
}

QString TestPgClient::auditValue(const QString &column, qint64 id)
{
    auto value = m_catalog->scalar(QStringLiteral("SELECT %1 FROM audit WHERE id = ?").arg(column),
                                   {id});
    return value ? value->toString() : QStringLiteral("error: ") + value.errorMessage();
}

void TestPgClient::logsInAsTheUsersOwnRole()
{
    auto in = loginAs(QStringLiteral("admin"), SecuredCatalog::adminPassword());
    QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
    QVERIFY(in->db->serverEnforced());
    const Principal &who = in->session.principal();
    QCOMPARE(who.name, QStringLiteral("admin"));
    QVERIFY(who.has(Permission::UsersManage));
    QVERIFY(!who.has(Permission::AuditRead));
    auto role = m_catalog->scalarOn(*in->db, QStringLiteral("SELECT current_user"));
    QVERIFY2(role.ok(), qPrintable(role.errorMessage()));
    QCOMPARE(role->toString(), m_catalog->loginRole(QStringLiteral("admin")));
    auto last = m_catalog->scalar(QStringLiteral("SELECT max(id) FROM audit"));
    QVERIFY(last.ok());
    QCOMPARE(auditValue(QStringLiteral("action"), last->toLongLong()), QStringLiteral("auth.login"));
    QCOMPARE(auditValue(QStringLiteral("actor"), last->toLongLong()), QStringLiteral("admin"));
    QCOMPARE(auditValue(QStringLiteral("result"), last->toLongLong()), QStringLiteral("allowed"));
    QCOMPARE(auditValue(QStringLiteral("host"), last->toLongLong()), kHost);
}

void TestPgClient::wrongUnknownAndDisabledLookTheSameAndLockOut()
{
    const QByteArray password = "Carol-password-1";
    QVERIFY(addUser(QStringLiteral("carol"), password, QStringLiteral("qa_evaluator")) > 0);
    const QString wrong = AuthService::wrongCredentialsMessage();
    auto unknown = loginAs(QStringLiteral("nobody-here"), password);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(unknown.errorMessage(), wrong);

    // Disabled: the right password gets the wrong-credentials answer.
    auto admin = loginAs(QStringLiteral("admin"), SecuredCatalog::adminPassword());
    QVERIFY(admin.ok());
    AuthService::Options options;
    options.pg = target();
    AuthService auth(*admin->db, options);
    UserAdmin users(*admin->db, auth);
    QVERIFY(users.setDisabled(admin->session.principal(), QStringLiteral("carol"), true).ok());
    auto disabled = loginAs(QStringLiteral("carol"), password);
    QVERIFY(!disabled.ok());
    QCOMPARE(disabled.errorMessage(), wrong);
    QVERIFY(users.setDisabled(admin->session.principal(), QStringLiteral("carol"), false).ok());
    QVERIFY(loginAs(QStringLiteral("carol"), password).ok());

    // lockout.max_failures is 3 here: the third wrong password locks, then even the right
    // one is refused with the lockout message, until an administrator unlocks.
    for (int i = 0; i < 2; ++i) {
        auto failed = loginAs(QStringLiteral("carol"), "not-the-password");
        QCOMPARE(failed.errorMessage(), wrong);
    }
    auto third = loginAs(QStringLiteral("carol"), "not-the-password");
    QCOMPARE(third.errorMessage(), AuthService::lockedMessage());
    auto locked = loginAs(QStringLiteral("carol"), password);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.errorMessage(), AuthService::lockedMessage());
    QVERIFY(users.unlock(admin->session.principal(), QStringLiteral("carol")).ok());
    auto unlocked = loginAs(QStringLiteral("carol"), password);
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.errorMessage()));
}

void TestPgClient::passwordsChangeThroughTheServer()
{
    const QByteArray temporary = "Temporary-pass-1";
    const QByteArray chosen = "Chosen-by-dave-22";
    QVERIFY(addUser(QStringLiteral("dave"), temporary, QStringLiteral("supervisor"),
                    {QStringLiteral("T1")}, true) > 0);
    auto in = loginAs(QStringLiteral("dave"), temporary);
    QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
    QVERIFY(in->session.mustChangePassword());
    QVERIFY(!in->session.principal().has(Permission::RecordingSearch) ||
            in->session.mustChangePassword());

    AuthService::Options options;
    options.pg = target();
    AuthService auth(*in->db, options);
    auto wrongCurrent = auth.changePassword(in->session, "not-it-at-all", chosen);
    QVERIFY(!wrongCurrent.ok());
    QCOMPARE(wrongCurrent.errorMessage(), QStringLiteral("The current password is wrong."));
    auto tooShort = auth.changePassword(in->session, temporary, "short");
    QVERIFY(!tooShort.ok());
    auto changed = auth.changePassword(in->session, temporary, chosen);
    QVERIFY2(changed.ok(), qPrintable(changed.errorMessage()));
    QVERIFY(!in->session.mustChangePassword());

    QVERIFY(!loginAs(QStringLiteral("dave"), temporary).ok());
    auto again = loginAs(QStringLiteral("dave"), chosen);
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    QVERIFY(!again->session.mustChangePassword());
    // The stored hash column never holds a hash on this catalog.
    auto hash = m_catalog->scalar(QStringLiteral("SELECT password_hash FROM users WHERE name = 'dave'"));
    QVERIFY(hash.ok());
    QVERIFY(!hash->toString().startsWith(QLatin1String("$scrypt$")));

    // An administrator's reset forces a change at the next log-in.
    auto admin = loginAs(QStringLiteral("admin"), SecuredCatalog::adminPassword());
    QVERIFY(admin.ok());
    AuthService adminAuth(*admin->db, options);
    QVERIFY(UserAdmin(*admin->db, adminAuth)
                .resetPassword(admin->session.principal(), QStringLiteral("dave"), temporary)
                .ok());
    auto afterReset = loginAs(QStringLiteral("dave"), temporary);
    QVERIFY2(afterReset.ok(), qPrintable(afterReset.errorMessage()));
    QVERIFY(afterReset->session.mustChangePassword());
}

void TestPgClient::auditRowsCarryTheServersActor()
{
    auto in = loginAs(QStringLiteral("admin"), SecuredCatalog::adminPassword());
    QVERIFY(in.ok());
    AuditEvent event;
    event.actor = QStringLiteral("someone-else"); // a client cannot choose who it is
    event.action = QStringLiteral("test.event");
    event.target = QStringLiteral("x");
    event.details = QStringLiteral("{\"k\":1}");
    auto id = AuditLog(*in->db).append(event);
    QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    QCOMPARE(auditValue(QStringLiteral("actor"), id.value()), QStringLiteral("admin"));
    QCOMPARE(auditValue(QStringLiteral("action"), id.value()), QStringLiteral("test.event"));
}

void TestPgClient::keysAreReleasedOnlyInScopeAndAudited()
{
    QVERIFY(addUser(QStringLiteral("rec"), "Recorder-pass-1", QStringLiteral("recorder")) > 0);
    QVERIFY(addUser(QStringLiteral("sue"), "Supervisor-pass-1", QStringLiteral("supervisor"),
                    {QStringLiteral("T1")}) > 0);
    auto recorder = loginAs(QStringLiteral("rec"), "Recorder-pass-1");
    QVERIFY2(recorder.ok(), qPrintable(recorder.errorMessage()));

    // The recorder ingests one call of each team (row, wrapped key and audit row at once).
    const RecordingRow inTeam = recordingOf(m_catalog->siteId(), QStringLiteral("A1"), 1764300000000);
    const RecordingRow otherTeam = recordingOf(m_catalog->siteId(), QStringLiteral("A2"), 1764300100000);
    for (const RecordingRow &row : {inTeam, otherTeam}) {
        KeyRow key;
        key.recordingId = row.id;
        key.wrappedKey = row.id.toRfc4122() + QByteArray(40, '\x42');
        key.suite = 1;
        key.siteKeyId = QString(64, u'0');
        AuditEvent event;
        event.action = QStringLiteral("recording.ingest");
        event.target = row.id.toString(QUuid::WithoutBraces);
        auto committed = commitFinishedRecording(*recorder->db, row, key, event);
        QVERIFY2(committed.ok(), qPrintable(committed.errorMessage()));
    }
    // ... and can read none of it back.
    auto seen = RecordingRepository(*recorder->db).find(inTeam.id);
    QVERIFY(seen.ok());
    QVERIFY(!seen->has_value());
    QCOMPARE(KeyRepository(*recorder->db).findForUse(inTeam.id, KeyUse::Play, kHost, kProgram).error().code,
             ErrorCode::PermissionDenied);

    auto sue = loginAs(QStringLiteral("sue"), "Supervisor-pass-1");
    QVERIFY2(sue.ok(), qPrintable(sue.errorMessage()));
    KeyRepository keys(*sue->db);
    auto before = m_catalog->scalar(QStringLiteral("SELECT max(id) FROM audit"));
    QVERIFY(before.ok());
    auto released = keys.findForUse(inTeam.id, KeyUse::Play, kHost, kProgram);
    QVERIFY2(released.ok(), qPrintable(released.errorMessage()));
    QVERIFY(released->has_value());
    QCOMPARE(released->value().wrappedKey, inTeam.id.toRfc4122() + QByteArray(40, '\x42'));
    auto exported = keys.findForUse(inTeam.id, KeyUse::Export, kHost, kProgram);
    QVERIFY2(exported.ok(), qPrintable(exported.errorMessage()));
    auto refused = keys.findForUse(otherTeam.id, KeyUse::Play, kHost, kProgram);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    // A plain read of the key table is refused by the server itself.
    QVERIFY(!keys.find(inTeam.id).ok());

    // Exactly three rows by the server: play allowed, export allowed, play denied.
    auto rows = m_catalog->scalar(
        QStringLiteral("SELECT string_agg(action || ' ' || result || ' ' || actor, ', ' ORDER BY id) "
                       "FROM audit WHERE id > ? AND action LIKE 'recording.%'"),
        {before->toLongLong()});
    QVERIFY(rows.ok());
    QCOMPARE(rows->toString(), QStringLiteral("recording.play allowed sue, recording.export allowed "
                                              "sue, recording.play denied sue"));
}

void TestPgClient::auditorCheckpointsAndVerifies()
{
    QVERIFY(addUser(QStringLiteral("audrey"), "Auditor-pass-1", QStringLiteral("auditor")) > 0);
    auto in = loginAs(QStringLiteral("audrey"), "Auditor-pass-1");
    QVERIFY2(in.ok(), qPrintable(in.errorMessage()));
    AuditCheckpointer checkpointer(*in->db, m_catalog->siteId(), m_catalog->signingKey());
    auto checkpoint = checkpointer.checkpoint();
    QVERIFY2(checkpoint.ok(), qPrintable(checkpoint.errorMessage()));
    QVERIFY(checkpoint->has_value());
    AuditVerifier verifier(*in->db, m_catalog->siteId(), m_catalog->signingPublic());
    auto verdict = verifier.verify();
    QVERIFY2(verdict.ok(), qPrintable(verdict.errorMessage()));
    QVERIFY2(verdict->isValid(), qPrintable(verdict->summary()));
    QVERIFY(verdict->checkpointsVerified >= 1);
    QVERIFY(verdict->rowsVerified > 10);

    // For a supervisor the server shows no audit row and no checkpoint at all, so there is
    // nothing for them to sign either.
    auto sue = loginAs(QStringLiteral("sue"), "Supervisor-pass-1");
    QVERIFY(sue.ok());
    AuditVerifier blind(*sue->db, m_catalog->siteId(), m_catalog->signingPublic());
    auto nothing = blind.verify();
    QVERIFY2(nothing.ok(), qPrintable(nothing.errorMessage()));
    QCOMPARE(nothing->rowsVerified, 0);
    QCOMPARE(nothing->checkpointsVerified, 0);
    const auto checkpoints = QStringLiteral("SELECT count(*) FROM audit_checkpoints");
    auto countBefore = m_catalog->scalar(checkpoints);
    QVERIFY(countBefore.ok());
    AuditCheckpointer blindSigner(*sue->db, m_catalog->siteId(), m_catalog->signingKey());
    auto signedBlind = blindSigner.checkpoint();
    QVERIFY(!signedBlind.ok() || !signedBlind->has_value());
    QCOMPARE(m_catalog->scalar(checkpoints)->toLongLong(), countBefore->toLongLong());
}

QTEST_GUILESS_MAIN(TestPgClient)
#include "tst_pgclient.moc"
