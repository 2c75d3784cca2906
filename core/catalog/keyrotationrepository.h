#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// One row of `key_rotations` (docs/catalog-schema.md).
struct KeyRotationRow
{
    qint64 id = 0;
    QString oldKeyId; // hex SHA-256 of the X25519 public key being replaced
    QString newKeyId;
    QByteArray newPublicKey; // raw X25519, 32 bytes
    bool running = true;
    qint64 startedAtMs = 0;
    QString startedBy;
    qint64 rewrapped = 0;
    std::optional<qint64> finishedAtMs;
    QByteArray signature; // Ed25519 over KeyRotationRecord::signedBytes(), once finished
};

// A recording's wrapped data key as the rotation reads it.
struct WrappedKeyEntry
{
    QUuid recordingId;
    QByteArray wrappedKey;
    int suite = 0;
    QString siteKeyId;
};

// What a key rotation reads and writes in the catalog: the rotation record, the site's
// current public key, and the recording keys it re-wraps. On a server-enforced PostgreSQL
// catalog recording_keys is reachable only through the definer functions cv_key_usage,
// cv_keys_to_rewrap and cv_rewrap_key (docs/postgres-security.md), which check keys.manage.
class KeyRotationRepository final
{
public:
    explicit KeyRotationRepository(Database &db);

    Result<std::optional<KeyRotationRow>> latest();
    Result<std::optional<KeyRotationRow>> running();
    // Whether a rotation (running or finished) made `keyId` the site's key.
    Result<bool> isRotationTarget(const QString &keyId);
    // ErrorCode::Conflict when another rotation is running.
    Result<qint64> insertRunning(const KeyRotationRow &row);
    Result<void> addProgress(qint64 rotationId, qint64 rewrapped);
    Result<void> markFinished(qint64 rotationId, qint64 finishedAtMs, const QByteArray &signature);
    // The site's X25519 public key and its id in `sites`.
    Result<void> setSitePublicKey(const QByteArray &x25519Public, const QString &keyId);

    // How many data keys each site key id wraps.
    Result<QHash<QString, qint64>> keyUsage();
    // Up to `limit` keys not wrapped to `newKeyId`, in recording id order after `after`
    // (null: from the start).
    Result<QVector<WrappedKeyEntry>> keysToRewrap(const QString &newKeyId, const QUuid &after, int limit);
    // Replaces the key of `recordingId` if it is still wrapped to `oldKeyId`; false if it
    // changed meanwhile (shredded, or re-wrapped by another machine).
    Result<bool> rewrap(const QUuid &recordingId, const QString &oldKeyId, const QByteArray &newWrapped,
                        const QString &newKeyId);

private:
    Result<std::optional<KeyRotationRow>> selectOne(const QString &sql);

    Database &m_db;
};

} // namespace cv
