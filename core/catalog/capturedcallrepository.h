#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QVector>

#include <optional>

namespace cv {

class Database;

// Why a call the recorder saw is recorded the way it is (docs/user-guide-callvault-recorder.md, "Completeness").
// Stored as text; the texts never change.
enum class Completeness : int
{
    Complete = 1,         // both directions recorded
    NoRtp = 2,            // signalling, but no media arrived
    OneWayRtp = 3,        // only one direction arrived (the recording has one silent lane)
    CodecUnsupported = 4, // media arrived in a codec the recorder cannot decode
    EncryptedSrtp = 5,    // the SDP negotiated SRTP: the media cannot be recorded passively
    StoppedByApi = 6,     // the control API stopped the recording before the call ended
    DiskError = 7,        // the spool could not be written (full, I/O error)
    NotAnswered = 8,      // cancelled or refused before any media
    Recovered = 9         // the recorder stopped mid-call; its spool file was recovered
};

QString completenessToText(Completeness completeness);
std::optional<Completeness> completenessFromText(const QString &text);

// One row of captured_calls (migration 12): what a capture node saw of one call.
struct CapturedCallRow
{
    QUuid id;
    QUuid siteId;
    QString node;      // the recorder's name (recorder.conf, [recorder] name)
    QString sipCallId; // empty when the call came without SIP (control API by port pair)
    QDateTime startedAt;
    QDateTime endedAt;
    Direction direction = Direction::Inbound;
    QString agentId;
    QString customerPhone;
    Completeness completeness = Completeness::Complete;
    std::optional<QUuid> recordingId; // none when no audio was kept
    // {"legs": {"agent": {...}, "customer": {...}}, "maskedSpans": [...], "metadata": {...},
    //  "tags": [...], "reason": "words for a person"}
    QJsonObject details;
    QDateTime createdAt; // set to now by insert() when invalid
};

class CapturedCallRepository final
{
public:
    explicit CapturedCallRepository(Database &db) : m_db(db) {}

    Result<void> insert(const CapturedCallRow &row);
    Result<std::optional<CapturedCallRow>> find(const QUuid &id);
    Result<std::optional<CapturedCallRow>> forRecording(const QUuid &recordingId);
    // Newest first, at most `limit`; with a Call-ID only that call's rows.
    Result<QVector<CapturedCallRow>> latest(int limit, const QString &sipCallId = {});

private:
    Result<QVector<CapturedCallRow>> select(const QString &where, const QVariantList &values, int limit);

    Database &m_db;
};

} // namespace cv
