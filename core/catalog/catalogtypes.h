#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>
#include <optional>

namespace cv {

// Rows of the catalog (docs/catalog-schema.md). Times are QDateTime in UTC with millisecond
// precision; the database keeps them as BIGINT milliseconds since the Unix epoch.

// Stored as text: 'in', 'out', 'internal'. The texts never change.
enum class Direction : int
{
    Inbound = 1,
    Outbound = 2,
    Internal = 3
};
// Stored as text: 'normal', 'unfinished', 'recovered'. The texts never change.
enum class RecordingStatus : int
{
    Normal = 1,
    Unfinished = 2,
    Recovered = 3
};

QString directionToText(Direction direction);
std::optional<Direction> directionFromText(const QString &text);
QString recordingStatusToText(RecordingStatus status);
std::optional<RecordingStatus> recordingStatusFromText(const QString &text);

struct RecordingRow
{
    QUuid id;
    QUuid siteId;        // must name a row of `sites`
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // UTC, not before startedAt
    qint64 durationMs = 0;
    Direction direction = Direction::Inbound;
    QString agentId;       // empty when unknown
    QString customerPhone; // empty when unknown
    std::optional<double> sentiment;
    RecordingStatus status = RecordingStatus::Normal;
    QString tier = QStringLiteral("hot"); // "hot" or "cold"
    QString storagePath;                  // relative to the site directory
    qint64 sizeBytes = 0;
    QString sha256Hex; // of the container file (ciphertext)
    QString codec = QStringLiteral("opus");
    int sampleRate = 48000;
    int channels = 2;
    int bitrate = 0;
    QByteArray peaks;    // waveform summary for the player
    QDateTime createdAt; // set to now by insert() when invalid
};

// The data key of one recording, wrapped to the site public key. Deleting this row
// crypto-shreds the recording.
struct KeyRow
{
    QUuid recordingId;
    QByteArray wrappedKey;
    int suite = 0;     // crypto::CipherSuite
    QString siteKeyId; // hex
};

// What a caller hands to AuditLog::append(). `details` is JSON text (may be empty).
// Empty `host` / `program` are filled with this machine's host name / the application name.
struct AuditEvent
{
    QString actor;
    QString host;
    QString program;
    QString action;
    QString target;
    QString details;
    bool allowed = true;
};

// A stored audit row: the event plus its place in the hash chain.
struct AuditRow : AuditEvent
{
    qint64 id = 0;
    qint64 atMs = 0;     // milliseconds since the Unix epoch, UTC
    QByteArray prevHash; // 32 bytes: the previous row's hash (zeros for the first row)
    QByteArray hash;     // 32 bytes: SHA-256(prevHash || canonical row), see AuditLog
};

struct SiteRow
{
    QUuid id;
    QString name;
    QByteArray x25519Public;  // raw 32 bytes
    QByteArray ed25519Public; // raw 32 bytes
    QString keyId;            // hex SHA-256 of the X25519 public key
    QDateTime createdAt;      // set to now by insert() when invalid
};

struct UserRow
{
    qint64 id = 0;
    QString name;
    QString passwordHash;
    QString role; // a row of `roles` (defaults: admin, security_admin, auditor, supervisor, ...)
    bool mustChangePassword = false;
    QDateTime createdAt;
};

struct AgentRow
{
    QString agentId;
    QString name;
    QString team;
};

} // namespace cv
