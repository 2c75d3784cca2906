#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QUuid>
#include <optional>

namespace cv {

class Database;

// Why a program asks for a recording's wrapped key; on a server-enforced catalog the
// server checks the matching permission (recording.play / recording.export).
enum class KeyUse
{
    Play,
    Export
};

// The `recording_keys` table: one wrapped data key per recording. remove() is the
// crypto-shredding step: without the key row no copy of the audio can be decrypted.
class KeyRepository final
{
public:
    explicit KeyRepository(Database &db);

    // ErrorCode::Conflict if the recording already has a key; ErrorCode::Database if the
    // recording does not exist (foreign key).
    Result<void> insert(const KeyRow &row);
    Result<std::optional<KeyRow>> find(const QUuid &recordingId);
    // The key a program needs to decrypt the recording for `use`. On a server-enforced
    // PostgreSQL catalog only the server function cv_read_wrapped_key() can read keys: it
    // checks the caller's permission and scope and writes the audit row (allowed or denied)
    // in the same transaction; a refusal is ErrorCode::PermissionDenied. Elsewhere this is
    // find() (the caller checks and audits).
    Result<std::optional<KeyRow>> findForUse(const QUuid &recordingId, KeyUse use,
                                             const QString &host, const QString &program);
    // ErrorCode::NotFound if the recording has no key row.
    Result<void> remove(const QUuid &recordingId);

private:
    Database &m_db;
};

} // namespace cv
