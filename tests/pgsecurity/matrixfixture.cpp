#include "matrixfixture.h"

#include "catalog/auditcheckpointrepository.h"
#include "catalog/auditlog.h"
#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "audit/auditsigning.h"
#include "securedcatalog.h"

#include <QDateTime>

using namespace cv;

namespace {

QString uuid(const QUuid &id)
{
    return QStringLiteral("'") + id.toString(QUuid::WithoutBraces) + QStringLiteral("'");
}

const QString kHex32 = QStringLiteral("'\\x") + QStringLiteral("00").repeated(32) + u'\'';

} // namespace

QStringList MatrixFixture::roles()
{
    return {QStringLiteral("admin"),      QStringLiteral("security_admin"),
            QStringLiteral("auditor"),    QStringLiteral("supervisor"),
            QStringLiteral("qa_evaluator"), QStringLiteral("agent"),
            QStringLiteral("recorder")};
}

QStringList MatrixFixture::tables() const
{
    QStringList names;
    for (const SelectProbe &probe : selectProbes())
        names << probe.table;
    return names;
}

Result<void> MatrixFixture::build()
{
    // Reference data the admin could make too; as the superuser to keep the fixture short.
    for (const QString &sql :
         {QStringLiteral("INSERT INTO teams (id, name, created_at_ms) VALUES ('T1', 'Team 1', 0), "
                         "('T2', 'Team 2', 0), ('T3', 'Team 3', 0)"),
          QStringLiteral("INSERT INTO agents (agent_id, name, team) VALUES ('A1', 'Agent 1', 'T1'), "
                         "('A2', 'Agent 2', 'T2'), ('A3', 'Agent 3', 'T3')"),
          QStringLiteral("INSERT INTO roles (name, description, scope) VALUES "
                         "('spare_role', 'a role to change', 'teams')"),
          QStringLiteral("INSERT INTO role_permissions (role, permission) VALUES "
                         "('spare_role', 'recording.search')"),
          QStringLiteral("INSERT INTO user_teams (user_id, team_id) SELECT id, 'T2' FROM users "
                         "WHERE name = 'admin'")}) {
        if (auto r = m_catalog.exec(sql); !r)
            return r;
    }
    auto admin = m_catalog.scalar(QStringLiteral("SELECT id FROM users WHERE name = 'admin'"));
    if (!admin)
        return admin.error();
    m_userIds.insert(QStringLiteral("admin"), admin->toLongLong());
    // Through the admin's login, as a client would. The auditor comes before the security
    // administrator: once one exists, only they appoint holders of audit permissions.
    const struct
    {
        QString role;
        QStringList teams;
        QString agent;
    } users[] = {{QStringLiteral("auditor"), {QStringLiteral("T2")}, {}},
                 {QStringLiteral("security_admin"), {QStringLiteral("T2")}, {}},
                 {QStringLiteral("supervisor"), {QStringLiteral("T1")}, {}},
                 {QStringLiteral("qa_evaluator"), {QStringLiteral("T1")}, {}},
                 {QStringLiteral("agent"), {QStringLiteral("T2")}, QStringLiteral("A1")},
                 {QStringLiteral("recorder"), {QStringLiteral("T2")}, {}}};
    for (const auto &user : users) {
        auto id = m_catalog.addUser(userOf(user.role), user.role, user.teams, user.agent);
        if (!id)
            return id.error();
        m_userIds.insert(userOf(user.role), id.value());
    }
    auto spare = m_catalog.addUser(QStringLiteral("spare"), QStringLiteral("agent"),
                                   {QStringLiteral("T2")}, QStringLiteral("A2"), false);
    if (!spare)
        return spare.error();
    m_userIds.insert(QStringLiteral("spare"), spare.value());
    if (auto r = addRecordings(); !r)
        return r;
    if (auto r = addCalibration(); !r)
        return r;
    if (auto r = addCapturedCalls(); !r)
        return r;
    return addTrailAndThrottle();
}

Result<void> MatrixFixture::addRecordings()
{
    Database &db = m_catalog.superuser();
    const QDateTime start(QDate(2024, 6, 3), QTime(9, 0), Qt::UTC);
    QVector<RecordingRow> rows;
    for (int i = 0; i < 4; ++i) {
        RecordingRow row = catalogtest::makeRecording(m_catalog.siteId(), start.addSecs(60 * i));
        row.agentId = i % 2 == 0 ? QStringLiteral("A1") : QStringLiteral("A2");
        if (auto r = RecordingRepository(db).insert(row); !r)
            return r;
        rows << row;
    }
    m_r1 = rows[0].id;
    m_r2 = rows[1].id;
    m_k1 = rows[2].id;
    m_k2 = rows[3].id;
    m_r1Started = rows[0].startedAt.toMSecsSinceEpoch();
    m_r2Started = rows[1].startedAt.toMSecsSinceEpoch();
    for (const QUuid &id : {m_r1, m_r2}) {
        if (auto r = KeyRepository(db).insert(catalogtest::makeKey(id)); !r)
            return r;
    }
    for (const QString &sql :
         {QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) VALUES "
                         "('fixture', 'admin', 0), ('fixture2', 'admin', 0)"),
          QStringLiteral("INSERT INTO recording_tags (recording_id, tag_id, started_at_ms, "
                         "tagged_by, tagged_at_ms) SELECT r.id, t.id, r.started_at_ms, 'admin', 0 "
                         "FROM recordings r, tags t WHERE t.name = 'fixture' AND r.id IN (?, ?)"),
          QStringLiteral("INSERT INTO bookmarks (recording_id, offset_ms, text, author, "
                         "created_at_ms) SELECT r.id, 1000, 'note', u.name, 0 FROM recordings r, "
                         "users u WHERE r.id IN (?, ?)"),
          // By the evaluator, so that their UPDATE finds their own evaluation on R1; drafts,
          // since a draft is all an evaluator changes directly (migration 9: later steps go
          // through the workflow's functions).
          QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, "
                         "form_version, evaluator, state, score, created_at_ms, submitted_at_ms) "
                         "SELECT r.id, r.started_at_ms, 'fixture-form', 1, 'u_qa_evaluator', "
                         "'draft', 75, 0, NULL FROM recordings r WHERE r.id IN (?, ?)"),
          // A history row for each (as if written by the workflow's functions).
          QStringLiteral("INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind, "
                         "new_score) SELECT e.id, 0, 'u_qa_evaluator', 'submitted', 75 FROM "
                         "evaluations e WHERE e.recording_id IN (?, ?)"),
          QStringLiteral("INSERT INTO evaluation_forms (form_id, version, title, language, "
                         "definition, published_at_ms, published_by) VALUES ('fixture-form', 1, "
                         "'Fixture', 'en', '{}', 0, 'u_supervisor')"),
          // Two sampling rules (migration 10) with an evaluator, and a work item of the
          // first on R1 and R2 for the evaluator (the second rule is free for INSERT probes).
          QStringLiteral("INSERT INTO sampling_rules (name, kind, parameters, team_id, form_id, "
                         "deadline_days, active, created_by, created_at_ms, updated_at_ms) VALUES "
                         "('fixture-rule', 'longer_than', '{\"minDurationMs\":600000}', '', "
                         "'fixture-form', 7, true, 'u_supervisor', 0, 0), ('fixture-rule2', "
                         "'sentiment_below', '{\"threshold\":-0.3}', '', 'fixture-form', 7, true, "
                         "'u_supervisor', 0, 0)"),
          QStringLiteral("INSERT INTO sampling_rule_evaluators (rule_id, user_name) SELECT id, "
                         "'u_qa_evaluator' FROM sampling_rules"),
          QStringLiteral("INSERT INTO work_items (rule_id, recording_id, evaluator, form_id, "
                         "form_version, period_start_ms, assigned_at_ms, deadline_at_ms) SELECT s.id, "
                         "r.id, 'u_qa_evaluator', 'fixture-form', 1, 0, 0, 1 FROM sampling_rules s, "
                         "recordings r WHERE s.name = 'fixture-rule' AND r.id IN (?, ?)"),
          // A finished key rotation, so that reading key_rotations has a row to find.
          QStringLiteral("INSERT INTO key_rotations (old_key_id, new_key_id, new_x25519_public, "
                         "state, started_at_ms, started_by, rewrapped, finished_at_ms) VALUES "
                         "(repeat('a', 64), repeat('b', 64), decode(repeat('00', 32), 'hex'), "
                         "'finished', 0, 'u_security_admin', 2, 1)")}) {
        const QVariantList ids = sql.contains(u'?')
                                     ? QVariantList{m_r1.toString(QUuid::WithoutBraces),
                                                    m_r2.toString(QUuid::WithoutBraces)}
                                     : QVariantList{};
        if (auto r = m_catalog.exec(sql, ids); !r)
            return r;
    }
    return {};
}

Result<void> MatrixFixture::addTrailAndThrottle()
{
    // Rows from the C++ AuditLog (as the superuser, like the owner) and from users.
    if (auto a = AuditLog(m_catalog.superuser()).append(catalogtest::makeEvent(
            QStringLiteral("fixture.event"), QStringLiteral("matrix")));
        !a)
        return a.error();
    for (const QString &user : {QStringLiteral("u_supervisor"), QStringLiteral("u_recorder")}) {
        auto db = m_catalog.connectAs(user);
        if (!db)
            return db.error();
        auto r = m_catalog.scalarOn(*db.value(),
                                    QStringLiteral("SELECT cv_audit_append('fixture.event', 'matrix', "
                                                   "'{}', true, 'ws-1', 'tst_pgmatrix')"));
        if (!r)
            return r.error();
    }
    // A signed checkpoint over the whole trail, added by an app user (any user may).
    auto head = m_catalog.scalar(QStringLiteral("SELECT id FROM audit ORDER BY id DESC LIMIT 1"));
    auto hash = m_catalog.scalar(QStringLiteral("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"));
    auto count = m_catalog.scalar(QStringLiteral("SELECT count(*) FROM audit"));
    if (!head || !hash || !count)
        return makeError(ErrorCode::Database, QStringLiteral("could not read the audit head"));
    AuditCheckpointRow checkpoint;
    checkpoint.auditRowId = head->toLongLong();
    checkpoint.headHash = hash->toByteArray();
    checkpoint.rowCount = count->toLongLong();
    checkpoint.atMs = QDateTime::currentMSecsSinceEpoch();
    checkpoint.prevCheckpointHash = QByteArray(32, '\0');
    if (auto s = auditsigning::signCheckpoint(m_catalog.signingKey(), m_catalog.siteId(), checkpoint); !s)
        return s;
    auto agent = m_catalog.connectAs(QStringLiteral("u_agent"));
    if (!agent)
        return agent.error();
    auto added = m_catalog.scalarOn(
        *agent.value(), QStringLiteral("SELECT cv_audit_add_checkpoint(?, ?, ?, ?, ?, ?, ?)"),
        {checkpoint.auditRowId, checkpoint.headHash, checkpoint.rowCount, checkpoint.atMs,
         checkpoint.signerKeyId, checkpoint.prevCheckpointHash, checkpoint.signature});
    if (!added)
        return added.error();
    // A failed log-in under a name that is no user: a login_throttle row.
    auto gate = m_catalog.connect(m_catalog.gateRole(), m_catalog.gatePassword());
    if (!gate)
        return gate.error();
    auto counted = m_catalog.scalarOn(
        *gate.value(), QStringLiteral("SELECT cv_login_failed('nobody', 'ws-1', 'tst_pgmatrix')"));
    return counted ? Result<void>() : Result<void>(counted.error());
}

QVector<MatrixFixture::SelectProbe> MatrixFixture::selectProbes() const
{
    // The scope rule written again here, independently of the server's functions: the
    // agents a user's recording.search reaches by their role's scope.
    const QString visibleAgents = QStringLiteral(
        "(SELECT a.agent_id FROM agents a JOIN user_teams ut ON ut.team_id = a.team "
        "JOIN users u ON u.id = ut.user_id JOIN roles ro ON ro.name = u.role "
        "WHERE u.id = $UID AND ro.scope = 'teams' "
        "UNION SELECT u.agent_id FROM users u JOIN roles ro ON ro.name = u.role "
        "WHERE u.id = $UID AND ro.scope = 'own')");
    const QString visibleRecordings =
        QStringLiteral("(SELECT id FROM recordings WHERE agent_id IN %1)").arg(visibleAgents);
    return calibrationSelectProbes() + captureSelectProbes(visibleAgents) + QVector<SelectProbe>{
        {QStringLiteral("sites"), QStringLiteral("id::text"), {}},
        {QStringLiteral("schema_migrations"), QStringLiteral("version::text"), {}},
        {QStringLiteral("roles"), QStringLiteral("name"), {}},
        {QStringLiteral("role_permissions"), QStringLiteral("role || '/' || permission"), {}},
        {QStringLiteral("teams"), QStringLiteral("id"), {}},
        {QStringLiteral("agents"), QStringLiteral("agent_id"), {}},
        {QStringLiteral("tags"), QStringLiteral("name"), {}},
        {QStringLiteral("settings"), QStringLiteral("key"), {}},
        {QStringLiteral("users"), QStringLiteral("name"), QStringLiteral("id = $UID")},
        {QStringLiteral("user_teams"), QStringLiteral("user_id || '/' || team_id"),
         QStringLiteral("user_id = $UID")},
        {QStringLiteral("login_throttle"), QStringLiteral("name_key"), {}},
        {QStringLiteral("recordings"), QStringLiteral("id::text"),
         QStringLiteral("agent_id IN ") + visibleAgents},
        {QStringLiteral("recording_keys"), QStringLiteral("recording_id::text"), {}},
        {QStringLiteral("recording_tags"), QStringLiteral("recording_id || '/' || tag_id"),
         QStringLiteral("recording_id IN ") + visibleRecordings},
        {QStringLiteral("bookmarks"), QStringLiteral("id::text"),
         QStringLiteral("recording_id IN ") + visibleRecordings},
        {QStringLiteral("evaluations"), QStringLiteral("id::text"),
         QStringLiteral("recording_id IN ") + visibleRecordings},
        {QStringLiteral("evaluation_events"), QStringLiteral("id::text"),
         QStringLiteral("evaluation_id IN (SELECT id FROM evaluations WHERE recording_id IN ") +
             visibleRecordings + u')'},
        {QStringLiteral("evaluation_forms"), QStringLiteral("form_id || '/' || version"), {}},
        {QStringLiteral("audit"), QStringLiteral("id::text"), {}},
        {QStringLiteral("audit_checkpoints"), QStringLiteral("id::text"), {}},
        {QStringLiteral("key_rotations"), QStringLiteral("id::text"), {}},
        {QStringLiteral("sampling_rules"), QStringLiteral("name"), {}},
        {QStringLiteral("sampling_rule_evaluators"), QStringLiteral("rule_id || '/' || user_name"),
         {}},
        {QStringLiteral("work_items"), QStringLiteral("id::text"),
         QStringLiteral("recording_id IN ") + visibleRecordings},
    };
}

QVector<MatrixFixture::DmlProbe> MatrixFixture::dmlProbes() const
{
    const QString r1 = uuid(m_r1), r2 = uuid(m_r2), k1 = uuid(m_k1), k2 = uuid(m_k2);
    const QString spare = QString::number(m_userIds.value(QStringLiteral("spare")));
    const QString site = uuid(m_catalog.siteId());
    const auto newRecording = [&](const QString &agent) {
        return QStringLiteral(
                   "INSERT INTO recordings (id, site_id, started_at_ms, ended_at_ms, duration_ms, "
                   "direction, agent_id, customer_phone, status, tier, storage_path, size_bytes, "
                   "sha256_hex, codec, sample_rate, channels, bitrate, peaks, created_at_ms) "
                   "VALUES (gen_random_uuid(), %1, 0, 1000, 1000, 'in', '%2', '13800138000', "
                   "'normal', 'hot', 'hot/x.cvr', 10, '', 'opus', 16000, 2, 24000, '\\x00', 0)")
            .arg(site, agent);
    };
    // A work item of the second fixture rule (which has none) on a recording.
    const auto workItem = [&](const QString &rec) {
        return QStringLiteral("INSERT INTO work_items (rule_id, recording_id, evaluator, form_id, "
                              "form_version, period_start_ms, assigned_at_ms, deadline_at_ms) "
                              "SELECT id, CAST(%1 AS uuid), 'u_qa_evaluator', 'fixture-form', 1, 0, 0, 1 FROM "
                              "sampling_rules WHERE name = 'fixture-rule2'")
            .arg(rec);
    };
    const auto tagLink = [&](const QString &rec, qint64 started) {
        return QStringLiteral("INSERT INTO recording_tags (recording_id, tag_id, started_at_ms, "
                              "tagged_by, tagged_at_ms) VALUES (%1, (SELECT id FROM tags WHERE "
                              "name = 'fixture2'), %2, $ME, 0)")
            .arg(rec)
            .arg(started);
    };
    const auto bookmark = [](const QString &rec) {
        return QStringLiteral("INSERT INTO bookmarks (recording_id, offset_ms, text, author, "
                              "created_at_ms) VALUES (%1, 5, 'probe', $ME, 0)")
            .arg(rec);
    };
    const auto evaluation = [&](const QString &rec, qint64 started) {
        return QStringLiteral("INSERT INTO evaluations (recording_id, started_at_ms, form_id, "
                              "form_version, evaluator, state, created_at_ms) VALUES (%1, %2, "
                              "'probe-form', 1, $ME, 'draft', 0)")
            .arg(rec)
            .arg(started);
    };
    const auto key = [](const QString &rec) {
        return QStringLiteral("INSERT INTO recording_keys (recording_id, wrapped_key, suite, "
                              "site_key_id) VALUES (%1, '\\x01', 1, 'k')")
            .arg(rec);
    };
    const QString auditRow = QStringLiteral(
        "INSERT INTO audit (at_ms, actor, host, program, action, target, details, result, "
        "prev_hash, hash) VALUES (0, 'x', 'h', 'p', 'a', 't', '{}', 'allowed', %1, %1)")
                                 .arg(kHex32);
    const QString checkpointRow = QStringLiteral(
        "INSERT INTO audit_checkpoints (audit_row_id, head_hash, row_count, at_ms, signer_key_id, "
        "prev_checkpoint_hash, signature) VALUES (1, %1, 1, 0, repeat('a', 64), %1, '\\x%2')")
                                      .arg(kHex32, QStringLiteral("00").repeated(64));
    using S = QStringList;
    return calibrationDmlProbes() + captureDmlProbes() + QVector<DmlProbe>{
        {QStringLiteral("sites"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO sites (id, name, x25519_public, ed25519_public, key_id, "
                          "created_at_ms) VALUES (gen_random_uuid(), 'x', %1, %1, 'k', 0)")
               .arg(kHex32)}},
        {QStringLiteral("sites"), QStringLiteral("UPDATE"), S{QStringLiteral("UPDATE sites SET name = name")}},
        {QStringLiteral("sites"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM sites WHERE id NOT IN (SELECT site_id FROM recordings)")}},
        {QStringLiteral("schema_migrations"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'probe', 0)")}},
        {QStringLiteral("schema_migrations"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE schema_migrations SET name = name")}},
        {QStringLiteral("schema_migrations"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM schema_migrations WHERE version = 6")}},
        {QStringLiteral("roles"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO roles VALUES ('probe_role', 'probe', 'all')")}},
        {QStringLiteral("roles"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE roles SET description = 'changed' WHERE name = 'spare_role'")}},
        {QStringLiteral("roles"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM roles WHERE name = 'spare_role'")}},
        {QStringLiteral("role_permissions"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO role_permissions VALUES ('spare_role', 'recording.play')")}},
        {QStringLiteral("role_permissions"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE role_permissions SET permission = 'recording.tag' WHERE role = 'spare_role'")}},
        {QStringLiteral("role_permissions"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM role_permissions WHERE role = 'spare_role'")}},
        {QStringLiteral("teams"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO teams VALUES ('T9', 'Team 9', 0)")}},
        {QStringLiteral("teams"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE teams SET name = 'Team 3b' WHERE id = 'T3'")}},
        {QStringLiteral("teams"), QStringLiteral("DELETE"), S{QStringLiteral("DELETE FROM teams WHERE id = 'T3'")}},
        {QStringLiteral("agents"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO agents VALUES ('A9', 'Agent 9', 'T1')")}},
        {QStringLiteral("agents"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE agents SET name = 'Agent 3b' WHERE agent_id = 'A3'")}},
        {QStringLiteral("agents"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM agents WHERE agent_id = 'A3'")}},
        {QStringLiteral("tags"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO tags (name, created_by, created_at_ms) VALUES ('probe', $ME, 0)")}},
        {QStringLiteral("tags"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE tags SET name = 'fixture3' WHERE name = 'fixture2'")}},
        {QStringLiteral("tags"), QStringLiteral("DELETE"), S{QStringLiteral("DELETE FROM tags WHERE name = 'fixture2'")}},
        // Settings: a general one first, a security policy one second.
        {QStringLiteral("settings"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO settings VALUES ('probe.general', 'x')"),
           QStringLiteral("INSERT INTO settings VALUES ('lockout.probe', '1')")}},
        {QStringLiteral("settings"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE settings SET value = 'false' WHERE key = 'agent.may_play_own'"),
           QStringLiteral("UPDATE settings SET value = '3' WHERE key = 'lockout.max_failures'")}},
        {QStringLiteral("settings"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM settings WHERE key = 'agent.may_play_own'"),
           QStringLiteral("DELETE FROM settings WHERE key = 'lockout.minutes'")}},
        {QStringLiteral("users"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO users (name, password_hash, role, created_at_ms) VALUES "
                          "('probe', '!', 'agent', 0)")}},
        {QStringLiteral("users"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE users SET agent_id = 'A3' WHERE id = %1").arg(spare)}},
        {QStringLiteral("users"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM users WHERE id = %1").arg(spare)}},
        {QStringLiteral("user_teams"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO user_teams VALUES (%1, 'T1')").arg(spare)}},
        {QStringLiteral("user_teams"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE user_teams SET team_id = 'T3' WHERE user_id = %1").arg(spare)}},
        {QStringLiteral("user_teams"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM user_teams WHERE user_id = %1").arg(spare)}},
        {QStringLiteral("login_throttle"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO login_throttle VALUES (repeat('0', 64), 1, NULL, 0)")}},
        {QStringLiteral("login_throttle"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE login_throttle SET failures = 0")}},
        {QStringLiteral("login_throttle"), QStringLiteral("DELETE"), S{QStringLiteral("DELETE FROM login_throttle")}},
        {QStringLiteral("recordings"), QStringLiteral("INSERT"),
         S{newRecording(QStringLiteral("A1")), newRecording(QStringLiteral("A2"))}},
        {QStringLiteral("recordings"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE recordings SET tier = 'cold' WHERE id = %1").arg(r1),
           QStringLiteral("UPDATE recordings SET tier = 'cold' WHERE id = %1").arg(r2)}},
        {QStringLiteral("recordings"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM recordings WHERE id = %1").arg(r1),
           QStringLiteral("DELETE FROM recordings WHERE id = %1").arg(r2)}},
        {QStringLiteral("recording_keys"), QStringLiteral("INSERT"), S{key(k1), key(k2)}},
        {QStringLiteral("recording_keys"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE recording_keys SET suite = 2 WHERE recording_id = %1").arg(r1),
           QStringLiteral("UPDATE recording_keys SET suite = 2 WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("recording_keys"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM recording_keys WHERE recording_id = %1").arg(r1),
           QStringLiteral("DELETE FROM recording_keys WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("recording_tags"), QStringLiteral("INSERT"),
         S{tagLink(r1, m_r1Started), tagLink(r2, m_r2Started)}},
        {QStringLiteral("recording_tags"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE recording_tags SET tagged_by = $ME WHERE recording_id = %1").arg(r1),
           QStringLiteral("UPDATE recording_tags SET tagged_by = $ME WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("recording_tags"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM recording_tags WHERE recording_id = %1").arg(r1),
           QStringLiteral("DELETE FROM recording_tags WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("bookmarks"), QStringLiteral("INSERT"), S{bookmark(r1), bookmark(r2)}},
        {QStringLiteral("bookmarks"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE bookmarks SET text = 'changed' WHERE author = $ME AND recording_id = %1").arg(r1),
           QStringLiteral("UPDATE bookmarks SET text = 'changed' WHERE author = $ME AND recording_id = %1").arg(r2)}},
        {QStringLiteral("bookmarks"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM bookmarks WHERE author = $ME AND recording_id = %1").arg(r1),
           QStringLiteral("DELETE FROM bookmarks WHERE author = $ME AND recording_id = %1").arg(r2)}},
        {QStringLiteral("evaluations"), QStringLiteral("INSERT"),
         S{evaluation(r1, m_r1Started), evaluation(r2, m_r2Started)}},
        {QStringLiteral("evaluations"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE evaluations SET score = 91 WHERE recording_id = %1").arg(r1),
           QStringLiteral("UPDATE evaluations SET score = 91 WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("evaluations"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM evaluations WHERE recording_id = %1").arg(r1),
           QStringLiteral("DELETE FROM evaluations WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("evaluation_events"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO evaluation_events (evaluation_id, at_ms, actor, kind) "
                          "SELECT id, 0, $ME, 'acknowledged' FROM evaluations WHERE recording_id = %1")
               .arg(r1)}},
        {QStringLiteral("evaluation_events"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE evaluation_events SET notes = 'changed'")}},
        {QStringLiteral("evaluation_events"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM evaluation_events")}},
        {QStringLiteral("evaluation_forms"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO evaluation_forms (form_id, version, title, language, "
                          "definition, published_at_ms, published_by) VALUES ('probe-form', 1, "
                          "'Probe', 'en', '{}', 0, $ME)")}},
        {QStringLiteral("evaluation_forms"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE evaluation_forms SET title = 'changed'")}},
        {QStringLiteral("evaluation_forms"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM evaluation_forms")}},
        {QStringLiteral("audit"), QStringLiteral("INSERT"), S{auditRow}},
        {QStringLiteral("audit"), QStringLiteral("UPDATE"), S{QStringLiteral("UPDATE audit SET actor = 'someone else'")}},
        {QStringLiteral("audit"), QStringLiteral("DELETE"), S{QStringLiteral("DELETE FROM audit")}},
        {QStringLiteral("audit_checkpoints"), QStringLiteral("INSERT"), S{checkpointRow}},
        {QStringLiteral("audit_checkpoints"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE audit_checkpoints SET at_ms = 0")}},
        {QStringLiteral("audit_checkpoints"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM audit_checkpoints")}},
        {QStringLiteral("key_rotations"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO key_rotations (old_key_id, new_key_id, new_x25519_public, "
                          "state, started_at_ms, started_by) VALUES (repeat('c', 64), repeat('d', 64), "
                          "decode(repeat('01', 32), 'hex'), 'running', 0, $ME)")}},
        {QStringLiteral("key_rotations"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE key_rotations SET rewrapped = rewrapped + 1")}},
        {QStringLiteral("key_rotations"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM key_rotations")}},
        {QStringLiteral("sampling_rules"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO sampling_rules (name, kind, parameters, team_id, form_id, "
                          "deadline_days, active, created_by, created_at_ms, updated_at_ms) VALUES "
                          "('probe-rule', 'tagged', '{\"tags\":[\"x\"]}', '', 'fixture-form', 7, "
                          "true, $ME, 0, 0)")}},
        {QStringLiteral("sampling_rules"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE sampling_rules SET active = false")}},
        {QStringLiteral("sampling_rules"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM sampling_rules")}},
        {QStringLiteral("sampling_rule_evaluators"), QStringLiteral("INSERT"),
         S{QStringLiteral("INSERT INTO sampling_rule_evaluators (rule_id, user_name) SELECT id, "
                          "'u_supervisor' FROM sampling_rules")}},
        {QStringLiteral("sampling_rule_evaluators"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE sampling_rule_evaluators SET user_name = 'someone'")}},
        {QStringLiteral("sampling_rule_evaluators"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM sampling_rule_evaluators")}},
        {QStringLiteral("work_items"), QStringLiteral("INSERT"),
         S{workItem(r1), workItem(r2)}},
        {QStringLiteral("work_items"), QStringLiteral("UPDATE"),
         S{QStringLiteral("UPDATE work_items SET evaluator = $ME WHERE recording_id = %1").arg(r1),
           QStringLiteral("UPDATE work_items SET evaluator = $ME WHERE recording_id = %1").arg(r2)}},
        {QStringLiteral("work_items"), QStringLiteral("DELETE"),
         S{QStringLiteral("DELETE FROM work_items WHERE recording_id = %1").arg(r1),
           QStringLiteral("DELETE FROM work_items WHERE recording_id = %1").arg(r2)}},
    };
}
