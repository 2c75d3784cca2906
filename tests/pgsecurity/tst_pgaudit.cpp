// Keys and the audit trail on a secured PostgreSQL catalog (docs/postgres-security.md):
// a wrapped key is read only through cv_read_wrapped_key, which writes exactly one audit
// row whether it hands the key out or not (and hands out nothing when it denies); no user
// role can insert, change, delete or truncate audit rows or checkpoints directly; rows from
// the C++ AuditLog and from the server's functions form one chain that AuditVerifier
// accepts, with a signed checkpoint added through cv_audit_add_checkpoint.
#include "audit/auditsigning.h"
#include "audit/auditverifier.h"
#include "catalog/auditcheckpointrepository.h"
#include "catalog/auditlog.h"
#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "securedcatalog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace cv;

namespace {

QString outcome(Database &db, const QString &sql, const QVariantList &values = {})
{
    return statementOutcome(db, sql, values, QStringLiteral("(no row)"));
}

} // namespace

class TestPgAudit final : public QObject
{
    Q_OBJECT

private:
    struct Read
    {
        QString result;    // the wrapped key as hex, "(no row)" or "error <sqlstate>"
        QStringList audit; // "actor action result details" of the rows it wrote
    };
    Read readKey(const QString &user, const QUuid &recording, const QString &purpose);
    qint64 lastAuditId();
    Result<void> addCheckpoint(Database &as);

    std::unique_ptr<SecuredCatalog> m_catalog;
    RecordingRow m_inT1;
    RecordingRow m_inT2;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrappedKeyReadsAreAuditedOnce();
    void agentPlaybackFollowsTheSetting();
    void keysAreNeverReadDirectly();
    void auditRowsOnlyThroughTheFunctions();
    void auditAppendNamesTheCaller();
    void mixedChainVerifies();
    void checkpointsMustFitTheTrail();
};

void TestPgAudit::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    for (const QString &sql :
         {QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0), ('T2', 'Team 2', 0)"),
          QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1'), ('A2', 'Agent 2', 'T2')")})
        QVERIFY(m_catalog->exec(sql).ok());
    const struct
    {
        QString name, role;
        QStringList teams;
        QString agent;
    } users[] = {{QStringLiteral("auditor"), QStringLiteral("auditor"), {}, {}},
                 {QStringLiteral("sup"), QStringLiteral("supervisor"), {QStringLiteral("T1")}, {}},
                 {QStringLiteral("eva"), QStringLiteral("qa_evaluator"), {QStringLiteral("T1")}, {}},
                 {QStringLiteral("agt"), QStringLiteral("agent"), {}, QStringLiteral("A1")},
                 {QStringLiteral("rec"), QStringLiteral("recorder"), {}, {}}};
    for (const auto &user : users) {
        auto id = m_catalog->addUser(user.name, user.role, user.teams, user.agent);
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
    }
    // Recordings and keys as a recorder adds them (INSERT only; it reads nothing back).
    auto rec = m_catalog->connectAs(QStringLiteral("rec"));
    QVERIFY2(rec.ok(), qPrintable(rec.errorMessage()));
    const QDateTime start(QDate(2024, 7, 1), QTime(8, 0), Qt::UTC);
    m_inT1 = catalogtest::makeRecording(m_catalog->siteId(), start);
    m_inT1.agentId = QStringLiteral("A1");
    m_inT2 = catalogtest::makeRecording(m_catalog->siteId(), start.addSecs(60));
    m_inT2.agentId = QStringLiteral("A2");
    for (const RecordingRow &row : {m_inT1, m_inT2}) {
        const auto inserted = RecordingRepository(*rec.value()).insert(row);
        QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
        const auto key = KeyRepository(*rec.value()).insert(catalogtest::makeKey(row.id));
        QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    }
    QCOMPARE(outcome(*rec.value(), QStringLiteral("SELECT count(*) FROM recordings")), QStringLiteral("0"));
}

void TestPgAudit::cleanupTestCase()
{
    m_catalog.reset();
}

qint64 TestPgAudit::lastAuditId()
{
    return m_catalog->scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit"))->toLongLong();
}

TestPgAudit::Read TestPgAudit::readKey(const QString &user, const QUuid &recording,
                                      const QString &purpose)
{
    Read read;
    auto db = m_catalog->connectAs(user);
    if (!db) {
        read.result = db.errorMessage();
        return read;
    }
    const qint64 before = lastAuditId();
    read.result = outcome(*db.value(),
                          QStringLiteral("SELECT encode(wrapped_key, 'hex') || ' ' || suite || ' ' || "
                                         "site_key_id FROM cv_read_wrapped_key(?, ?, 'ws-3', 'tst_pgaudit')"),
                          {recording.toString(QUuid::WithoutBraces), purpose});
    QSqlQuery rows(m_catalog->superuser().connection());
    rows.prepare(QStringLiteral("SELECT actor, action, result, details, target, host FROM audit "
                                "WHERE id > ? ORDER BY id"));
    rows.addBindValue(before);
    if (rows.exec()) {
        while (rows.next()) {
            read.audit << QStringLiteral("%1 %2 %3 %4")
                              .arg(rows.value(0).toString(), rows.value(1).toString(),
                                   rows.value(2).toString(), rows.value(3).toString());
            if (rows.value(4).toString() != recording.toString(QUuid::WithoutBraces) ||
                rows.value(5).toString() != QLatin1String("ws-3"))
                read.audit << QStringLiteral("wrong target or host");
        }
    }
    return read;
}

void TestPgAudit::wrappedKeyReadsAreAuditedOnce()
{
    const KeyRow key = catalogtest::makeKey(m_inT1.id);
    const QString expectedKey = QString::fromLatin1(key.wrappedKey.toHex()) + QStringLiteral(" 1 ") + key.siteKeyId;

    Read r = readKey(QStringLiteral("sup"), m_inT1.id, QStringLiteral("play"));
    QCOMPARE(r.result, expectedKey);
    QCOMPARE(r.audit, QStringList{QStringLiteral("sup recording.play allowed {\"permission\":\"recording.play\"}")});

    r = readKey(QStringLiteral("sup"), m_inT1.id, QStringLiteral("export"));
    QCOMPARE(r.result, expectedKey);
    QCOMPARE(r.audit, QStringList{QStringLiteral("sup recording.export allowed {\"permission\":\"recording.export\"}")});

    r = readKey(QStringLiteral("sup"), m_inT2.id, QStringLiteral("play"));
    QCOMPARE(r.result, QStringLiteral("(no row)"));
    QCOMPARE(r.audit, QStringList{QStringLiteral("sup recording.play denied {\"permission\":\"recording.play\",\"reason\":\"outside scope\"}")});

    // The evaluator may play but not export.
    r = readKey(QStringLiteral("eva"), m_inT1.id, QStringLiteral("export"));
    QCOMPARE(r.result, QStringLiteral("(no row)"));
    QCOMPARE(r.audit, QStringList{QStringLiteral("eva recording.export denied {\"permission\":\"recording.export\",\"reason\":\"permission not granted\"}")});

    // An unknown recording is a denial too.
    const QUuid unknown = QUuid::createUuid();
    r = readKey(QStringLiteral("sup"), unknown, QStringLiteral("play"));
    QCOMPARE(r.result, QStringLiteral("(no row)"));
    QCOMPARE(r.audit, QStringList{QStringLiteral("sup recording.play denied {\"permission\":\"recording.play\",\"reason\":\"unknown recording\"}")});

    // Administrators, auditors and recorders play nothing.
    for (const QString &user : {QStringLiteral("admin"), QStringLiteral("auditor"), QStringLiteral("rec")}) {
        r = readKey(user, m_inT1.id, QStringLiteral("play"));
        QCOMPARE(r.result, QStringLiteral("(no row)"));
        QCOMPARE(r.audit.size(), 1);
        QVERIFY2(r.audit.first().contains(QLatin1String("denied")), qPrintable(r.audit.first()));
    }

    // A purpose that is neither: an error, and nothing written.
    r = readKey(QStringLiteral("sup"), m_inT1.id, QStringLiteral("listen"));
    QCOMPARE(r.result, QStringLiteral("error 22023"));
    QCOMPARE(r.audit, QStringList());
}

void TestPgAudit::agentPlaybackFollowsTheSetting()
{
    Read r = readKey(QStringLiteral("agt"), m_inT1.id, QStringLiteral("play"));
    QVERIFY2(r.result.endsWith(QStringLiteral(" 1 ") + QStringLiteral("cd").repeated(32)), qPrintable(r.result));
    r = readKey(QStringLiteral("agt"), m_inT2.id, QStringLiteral("play"));
    QCOMPARE(r.result, QStringLiteral("(no row)"));
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE settings SET value = 'false' WHERE key = 'agent.may_play_own'")).ok());
    r = readKey(QStringLiteral("agt"), m_inT1.id, QStringLiteral("play"));
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE settings SET value = 'true' WHERE key = 'agent.may_play_own'")).ok());
    QCOMPARE(r.result, QStringLiteral("(no row)"));
    QCOMPARE(r.audit, QStringList{QStringLiteral("agt recording.play denied {\"permission\":\"recording.play\",\"reason\":\"agent playback disabled\"}")});
}

void TestPgAudit::keysAreNeverReadDirectly()
{
    for (const QString &user : {QStringLiteral("admin"), QStringLiteral("sup"), QStringLiteral("rec")}) {
        auto db = m_catalog->connectAs(user);
        QVERIFY(db.ok());
        for (const QString &sql :
             {QStringLiteral("SELECT count(*) FROM recording_keys"),
              QStringLiteral("UPDATE recording_keys SET suite = 2"),
              QStringLiteral("DELETE FROM recording_keys"),
              QStringLiteral("SELECT cv_audit_write('x', 'h', 'p', 'a.b', 't', '{}', true)"),
              QStringLiteral("SELECT cv_in_scope('A1')")})
            QVERIFY2(outcome(*db.value(), sql) == QLatin1String("error 42501"),
                     qPrintable(user + u' ' + sql + u' ' + outcome(*db.value(), sql)));
    }
}

void TestPgAudit::auditRowsOnlyThroughTheFunctions()
{
    const qint64 rows = lastAuditId();
    for (const QString &user : {QStringLiteral("admin"), QStringLiteral("auditor"), QStringLiteral("sup"),
                                QStringLiteral("agt"), QStringLiteral("rec")}) {
        auto db = m_catalog->connectAs(user);
        QVERIFY(db.ok());
        for (const QString &sql :
             {QStringLiteral("INSERT INTO audit (at_ms, actor, host, program, action, target, "
                             "details, result, prev_hash, hash) SELECT at_ms, actor, host, program, "
                             "action, target, details, result, prev_hash, hash FROM audit LIMIT 1"),
              QStringLiteral("UPDATE audit SET details = '{}'"), QStringLiteral("DELETE FROM audit"),
              QStringLiteral("TRUNCATE audit"), QStringLiteral("TRUNCATE audit_checkpoints"),
              QStringLiteral("UPDATE audit_checkpoints SET at_ms = 0"),
              QStringLiteral("DELETE FROM audit_checkpoints"),
              QStringLiteral("ALTER TABLE audit DISABLE ROW LEVEL SECURITY"),
              QStringLiteral("DROP TRIGGER cv_users_guard ON users")})
            QVERIFY2(outcome(*db.value(), sql).startsWith(QLatin1String("error 42")),
                     qPrintable(user + u' ' + sql + u' ' + outcome(*db.value(), sql)));
    }
    QCOMPARE(lastAuditId(), rows);
    // Reading: the auditor everything, others nothing.
    auto auditor = m_catalog->connectAs(QStringLiteral("auditor"));
    auto sup = m_catalog->connectAs(QStringLiteral("sup"));
    QCOMPARE(outcome(*auditor.value(), QStringLiteral("SELECT count(*) FROM audit")),
             m_catalog->scalar(QStringLiteral("SELECT count(*) FROM audit"))->toString());
    QCOMPARE(outcome(*sup.value(), QStringLiteral("SELECT count(*) FROM audit")), QStringLiteral("0"));
}

void TestPgAudit::auditAppendNamesTheCaller()
{
    auto sup = m_catalog->connectAs(QStringLiteral("sup"));
    QVERIFY(sup.ok());
    const QString id = outcome(*sup.value(),
                               QStringLiteral("SELECT cv_audit_append('search.run', 'recordings', "
                                              "'{\"q\":\"x\"}', true, 'ws-5', 'callvault')"));
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT actor || ' ' || host || ' ' || program || ' ' || result FROM audit WHERE id = ?"),
                               {id.toLongLong()})->toString(),
             QStringLiteral("sup ws-5 callvault allowed"));
    QCOMPARE(outcome(*sup.value(), QStringLiteral("SELECT cv_audit_append('x', 't', 'not json', true, '', '')")),
             QStringLiteral("error 22023"));
    QCOMPARE(outcome(*sup.value(), QStringLiteral("SELECT cv_audit_append('DROP TABLE', 't', '{}', true, '', '')")),
             QStringLiteral("error 22023"));
}

Result<void> TestPgAudit::addCheckpoint(Database &as)
{
    Database &super = m_catalog->superuser();
    AuditCheckpointRow checkpoint;
    checkpoint.auditRowId = m_catalog->scalar(QStringLiteral("SELECT max(id) FROM audit"))->toLongLong();
    checkpoint.headHash = m_catalog->scalar(QStringLiteral("SELECT hash FROM audit WHERE id = ?"),
                                            {checkpoint.auditRowId})->toByteArray();
    checkpoint.rowCount = m_catalog->scalar(QStringLiteral("SELECT count(*) FROM audit"))->toLongLong();
    checkpoint.atMs = QDateTime::currentMSecsSinceEpoch();
    auto latest = AuditCheckpointRepository(super).latest();
    if (!latest)
        return latest.error();
    checkpoint.prevCheckpointHash = latest.value()
                                        ? auditsigning::checkpointDigest(m_catalog->siteId(), *latest.value())
                                        : QByteArray(32, '\0');
    if (auto s = auditsigning::signCheckpoint(m_catalog->signingKey(), m_catalog->siteId(), checkpoint); !s)
        return s;
    auto added = m_catalog->scalarOn(
        as, QStringLiteral("SELECT cv_audit_add_checkpoint(?, ?, ?, ?, ?, ?, ?)"),
        {checkpoint.auditRowId, checkpoint.headHash, checkpoint.rowCount, checkpoint.atMs,
         checkpoint.signerKeyId, checkpoint.prevCheckpointHash, checkpoint.signature});
    return added ? Result<void>() : Result<void>(added.error());
}

void TestPgAudit::mixedChainVerifies()
{
    auto sup = m_catalog->connectAs(QStringLiteral("sup"));
    auto agt = m_catalog->connectAs(QStringLiteral("agt"));
    QVERIFY(sup.ok() && agt.ok());
    // Interleaved: the C++ AuditLog (as the superuser stands in for the owner) and the
    // server's functions, with texts that need care (UTF-8, control characters).
    for (int i = 0; i < 3; ++i) {
        AuditEvent event = catalogtest::makeEvent(QStringLiteral("test.cxx"), QStringLiteral("录音 %1").arg(i));
        QVERIFY(AuditLog(m_catalog->superuser()).append(event).ok());
        QVERIFY(m_catalog->scalarOn(*sup.value(), QStringLiteral("SELECT cv_audit_append('test.sql', ?, ?, ?, 'ws\x01', '')"),
                                    {QStringLiteral("客户 %1").arg(i), QStringLiteral("{\"n\":%1,\"t\":\"é\\n\"}").arg(i), i % 2 == 0})
                    .ok());
        QVERIFY(m_catalog->scalarOn(*agt.value(), QStringLiteral("SELECT count(*) FROM cv_read_wrapped_key(?, 'play', '', '')"),
                                    {m_inT1.id.toString(QUuid::WithoutBraces)})
                    .ok());
        QVERIFY(m_catalog->scalarOn(*agt.value(), QStringLiteral("SELECT status FROM cv_login_succeeded('', '')")).ok());
    }
    QVERIFY2(addCheckpoint(*sup.value()).ok(), "a checkpoint over the mixed chain was refused");
    QVERIFY(AuditLog(m_catalog->superuser()).append(catalogtest::makeEvent(QStringLiteral("test.after"), QStringLiteral("x"))).ok());

    const auto chain = AuditLog(m_catalog->superuser()).verifyChain();
    QVERIFY2(chain.ok(), qPrintable(chain.errorMessage()));
    // The auditor verifies from their own login: they may read rows and checkpoints.
    auto auditor = m_catalog->connectAs(QStringLiteral("auditor"));
    QVERIFY(auditor.ok());
    AuditVerifier verifier(*auditor.value(), m_catalog->siteId(), m_catalog->signingPublic());
    const auto verdict = verifier.verify();
    QVERIFY2(verdict.ok(), qPrintable(verdict.errorMessage()));
    QVERIFY2(verdict->isValid(), qPrintable(verdict->summary()));
    QVERIFY(verdict->checkpointsVerified >= 1);
    QCOMPARE(verdict->rowsVerified, m_catalog->scalar(QStringLiteral("SELECT count(*) FROM audit"))->toLongLong());
    QCOMPARE(verdict->uncoveredRows, qint64(1));
    // The server replaced the control character in the host like authtext::forAudit.
    QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT host FROM audit WHERE action = 'test.sql' LIMIT 1"))->toString(),
             QStringLiteral("ws") + QChar(0xfffd));
}

void TestPgAudit::checkpointsMustFitTheTrail()
{
    auto sup = m_catalog->connectAs(QStringLiteral("sup"));
    QVERIFY(sup.ok());
    QVERIFY(addCheckpoint(*sup.value()).ok());
    // Nothing new since: a checkpoint of the same head is refused.
    QVERIFY(!addCheckpoint(*sup.value()).ok());
    QVERIFY(m_catalog->scalarOn(*sup.value(), QStringLiteral("SELECT cv_audit_append('test.more', 't', '{}', true, '', '')")).ok());
    // A wrong head hash, a wrong count, a wrong previous checkpoint, another key: refused.
    const qint64 head = m_catalog->scalar(QStringLiteral("SELECT max(id) FROM audit"))->toLongLong();
    const qint64 count = m_catalog->scalar(QStringLiteral("SELECT count(*) FROM audit"))->toLongLong();
    const QByteArray hash = m_catalog->scalar(QStringLiteral("SELECT hash FROM audit WHERE id = ?"), {head})->toByteArray();
    const QString keyId = auditsigning::keyId(m_catalog->signingPublic());
    const QString add = QStringLiteral("SELECT cv_audit_add_checkpoint(?, ?, ?, 1, ?, ?, ?)");
    const QByteArray zeros(32, '\0');
    const QByteArray signature(64, '\x01');
    QCOMPARE(outcome(*sup.value(), add, {head, QByteArray(32, '\x07'), count, keyId, zeros, signature}), QStringLiteral("error 40001"));
    auto latest = AuditCheckpointRepository(m_catalog->superuser()).latest();
    QVERIFY(latest.ok() && latest.value());
    const QByteArray prev = auditsigning::checkpointDigest(m_catalog->siteId(), *latest.value());
    QCOMPARE(outcome(*sup.value(), add, {head, QByteArray(32, '\x07'), count, keyId, prev, signature}), QStringLiteral("error 22023"));
    QCOMPARE(outcome(*sup.value(), add, {head, hash, count + 1, keyId, prev, signature}), QStringLiteral("error 22023"));
    QCOMPARE(outcome(*sup.value(), add, {head, hash, count, QStringLiteral("ab").repeated(32), prev, signature}),
             QStringLiteral("error 22023"));
    // A changed row below the head: the server does not let anyone sign over it.
    QVERIFY(m_catalog->exec(QStringLiteral("UPDATE audit SET details = '{\"tampered\":true}' WHERE id = ?"), {head}).ok());
    QCOMPARE(outcome(*sup.value(), add, {head, hash, count, keyId, prev, signature}), QStringLiteral("error XX001"));
}

QTEST_GUILESS_MAIN(TestPgAudit)
#include "tst_pgaudit.moc"
