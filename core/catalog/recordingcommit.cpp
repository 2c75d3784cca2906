#include "recordingcommit.h"

#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "catalog/keyrepository.h"
#include "catalog/recordingrepository.h"
#include "catalog/transactionguard.h"
#include "common/logging.h"

namespace cv {

Result<void> commitFinishedRecording(Database &db, const RecordingRow &row, const KeyRow &key,
                                     const AuditEvent &event, const CommitAlongside &alongside)
{
    const QString id = row.id.toString(QUuid::WithoutBraces);
    if (key.recordingId != row.id)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The key row belongs to recording %1, not to recording %2.")
                             .arg(key.recordingId.toString(QUuid::WithoutBraces), id));

    TransactionGuard transaction(db);
    if (!transaction.ok())
        return transaction.error();
    if (auto r = RecordingRepository(db).insert(row); !r)
        return r;
    if (auto r = KeyRepository(db).insert(key); !r)
        return r;
    if (auto r = AuditLog(db).append(event); !r)
        return r.error();
    if (alongside) {
        if (auto r = alongside(db, row); !r)
            return r;
    }
    if (auto r = transaction.commit(); !r)
        return r;
    qCDebug(lcCatalog) << "Catalogued recording" << id;
    return {};
}

} // namespace cv
