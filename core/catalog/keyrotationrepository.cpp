#include "keyrotationrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

const QString kRotationColumns = QStringLiteral(
    "id, old_key_id, new_key_id, new_x25519_public, state, started_at_ms, started_by, rewrapped, "
    "finished_at_ms, signature");

KeyRotationRow rotationFrom(const QSqlQuery &q)
{
    KeyRotationRow row;
    row.id = q.value(0).toLongLong();
    row.oldKeyId = q.value(1).toString();
    row.newKeyId = q.value(2).toString();
    row.newPublicKey = q.value(3).toByteArray();
    row.running = q.value(4).toString() == QLatin1String("running");
    row.startedAtMs = q.value(5).toLongLong();
    row.startedBy = q.value(6).toString();
    row.rewrapped = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        row.finishedAtMs = q.value(8).toLongLong();
    row.signature = q.value(9).toByteArray();
    return row;
}

} // namespace

KeyRotationRepository::KeyRotationRepository(Database &db) : m_db(db) {}

Result<std::optional<KeyRotationRow>> KeyRotationRepository::selectOne(const QString &sql)
{
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not read the key rotations")); !r)
        return r.error();
    if (!query->next())
        return std::optional<KeyRotationRow>();
    return std::optional<KeyRotationRow>(rotationFrom(query.value()));
}

Result<std::optional<KeyRotationRow>> KeyRotationRepository::latest()
{
    return selectOne(QStringLiteral("SELECT ") + kRotationColumns
                     + QStringLiteral(" FROM key_rotations ORDER BY id DESC LIMIT 1"));
}

Result<std::optional<KeyRotationRow>> KeyRotationRepository::running()
{
    return selectOne(QStringLiteral("SELECT ") + kRotationColumns
                     + QStringLiteral(" FROM key_rotations WHERE state = 'running' LIMIT 1"));
}

Result<bool> KeyRotationRepository::isRotationTarget(const QString &keyId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT 1 FROM key_rotations WHERE new_key_id = ? LIMIT 1"));
    if (!query)
        return query.error();
    query->addBindValue(text(keyId));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the key rotations")); !r)
        return r.error();
    return query->next();
}

Result<qint64> KeyRotationRepository::insertRunning(const KeyRotationRow &row)
{
    auto query = prepare(m_db, QStringLiteral("INSERT INTO key_rotations (old_key_id, new_key_id, "
                                              "new_x25519_public, state, started_at_ms, started_by) "
                                              "VALUES (?, ?, ?, 'running', ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(text(row.oldKeyId));
    query->addBindValue(text(row.newKeyId));
    query->addBindValue(blob(row.newPublicKey));
    query->addBindValue(row.startedAtMs);
    query->addBindValue(text(row.startedBy));
    if (auto r = exec(query.value(), QStringLiteral("Could not record the key rotation")); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return makeError(ErrorCode::Conflict, QStringLiteral("Another key rotation is already running."));
        return r.error();
    }
    query->finish();
    auto id = prepare(m_db, QStringLiteral("SELECT id FROM key_rotations WHERE state = 'running'"));
    if (!id)
        return id.error();
    if (auto r = exec(id.value(), QStringLiteral("Could not read the key rotation")); !r)
        return r.error();
    if (!id->next())
        return makeError(ErrorCode::Database, QStringLiteral("The key rotation just recorded is not there."));
    return id->value(0).toLongLong();
}

Result<void> KeyRotationRepository::addProgress(qint64 rotationId, qint64 rewrapped)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE key_rotations SET rewrapped = rewrapped + ? "
                                              "WHERE id = ? AND state = 'running'"));
    if (!query)
        return query.error();
    query->addBindValue(rewrapped);
    query->addBindValue(rotationId);
    return exec(query.value(), QStringLiteral("Could not record the key rotation's progress"));
}

Result<void> KeyRotationRepository::markFinished(qint64 rotationId, qint64 finishedAtMs,
                                                 const QByteArray &signature)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE key_rotations SET state = 'finished', "
                                              "finished_at_ms = ?, signature = ? "
                                              "WHERE id = ? AND state = 'running'"));
    if (!query)
        return query.error();
    query->addBindValue(finishedAtMs);
    query->addBindValue(blob(signature));
    query->addBindValue(rotationId);
    if (auto r = exec(query.value(), QStringLiteral("Could not finish the key rotation")); !r)
        return r;
    if (query->numRowsAffected() != 1)
        return makeError(ErrorCode::Conflict, QStringLiteral("Key rotation %1 is not running.").arg(rotationId));
    return {};
}

Result<void> KeyRotationRepository::setSitePublicKey(const QByteArray &x25519Public, const QString &keyId)
{
    auto query = prepare(m_db, QStringLiteral("UPDATE sites SET x25519_public = ?, key_id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(blob(x25519Public));
    query->addBindValue(text(keyId));
    if (auto r = exec(query.value(), QStringLiteral("Could not change the site's public key")); !r)
        return r;
    if (query->numRowsAffected() != 1)
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("The catalog did not let this user change the site's public key."));
    return {};
}

Result<QHash<QString, qint64>> KeyRotationRepository::keyUsage()
{
    auto query = prepare(m_db, m_db.serverEnforced()
                                   ? QStringLiteral("SELECT site_key_id, keys FROM cv_key_usage()")
                                   : QStringLiteral("SELECT site_key_id, count(*) FROM recording_keys "
                                                    "GROUP BY site_key_id"));
    if (!query)
        return query.error();
    if (auto r = exec(query.value(), QStringLiteral("Could not count the data keys")); !r)
        return r.error();
    QHash<QString, qint64> usage;
    while (query->next())
        usage.insert(query->value(0).toString(), query->value(1).toLongLong());
    return usage;
}

Result<QVector<WrappedKeyEntry>> KeyRotationRepository::keysToRewrap(const QString &newKeyId, const QUuid &after,
                                                                      int limit)
{
    QString sql;
    if (m_db.serverEnforced())
        sql = after.isNull() ? QStringLiteral("SELECT recording_id, wrapped_key, suite, site_key_id "
                                              "FROM cv_keys_to_rewrap(?, NULL, ?)")
                             : QStringLiteral("SELECT recording_id, wrapped_key, suite, site_key_id "
                                              "FROM cv_keys_to_rewrap(?, ?, ?)");
    else
        sql = after.isNull() ? QStringLiteral("SELECT recording_id, wrapped_key, suite, site_key_id "
                                              "FROM recording_keys WHERE site_key_id <> ? "
                                              "ORDER BY recording_id LIMIT ?")
                             : QStringLiteral("SELECT recording_id, wrapped_key, suite, site_key_id "
                                              "FROM recording_keys WHERE site_key_id <> ? AND recording_id > ? "
                                              "ORDER BY recording_id LIMIT ?");
    auto query = prepare(m_db, sql);
    if (!query)
        return query.error();
    query->addBindValue(text(newKeyId));
    if (!after.isNull())
        query->addBindValue(uuid(after));
    query->addBindValue(limit);
    if (auto r = exec(query.value(), QStringLiteral("Could not read the data keys to re-wrap")); !r)
        return r.error();
    QVector<WrappedKeyEntry> keys;
    while (query->next())
        keys.append({toUuid(query->value(0)), query->value(1).toByteArray(), query->value(2).toInt(),
                     query->value(3).toString()});
    return keys;
}

Result<bool> KeyRotationRepository::rewrap(const QUuid &recordingId, const QString &oldKeyId,
                                           const QByteArray &newWrapped, const QString &newKeyId)
{
    auto query = prepare(m_db, m_db.serverEnforced()
                                   ? QStringLiteral("SELECT cv_rewrap_key(?, ?, ?, ?)")
                                   : QStringLiteral("UPDATE recording_keys SET wrapped_key = ?, site_key_id = ? "
                                                    "WHERE recording_id = ? AND site_key_id = ?"));
    if (!query)
        return query.error();
    if (m_db.serverEnforced()) {
        query->addBindValue(uuid(recordingId));
        query->addBindValue(text(oldKeyId));
        query->addBindValue(blob(newWrapped));
        query->addBindValue(text(newKeyId));
    } else {
        query->addBindValue(blob(newWrapped));
        query->addBindValue(text(newKeyId));
        query->addBindValue(uuid(recordingId));
        query->addBindValue(text(oldKeyId));
    }
    const QString what = QStringLiteral("Could not re-wrap the key of recording %1")
                             .arg(recordingId.toString(QUuid::WithoutBraces));
    if (auto r = exec(query.value(), what); !r)
        return r.error();
    if (m_db.serverEnforced())
        return query->next() && query->value(0).toBool();
    return query->numRowsAffected() == 1;
}

} // namespace cv
