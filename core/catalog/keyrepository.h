#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QUuid>
#include <optional>

namespace cv {

class Database;

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
    // ErrorCode::NotFound if the recording has no key row.
    Result<void> remove(const QUuid &recordingId);

private:
    Database &m_db;
};

} // namespace cv
