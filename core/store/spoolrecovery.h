#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/recordingcommit.h"
#include "common/result.h"
#include "store/storagelayout.h"

#include <QVector>

#include <functional>

namespace cv {

class Database;

// Turns what a crash left in the spool into catalog rows marked 'recovered' (logged and
// audited, never silent). Needs only public data: the wrapped key is in the sidecar and the
// chunk prefixes say how much audio is there, so capture nodes recover without any secret.
class SpoolRecovery final
{
public:
    struct Item
    {
        // Discarded: the crash came before any audio was written (a sidecar without its
        // container, a container cut inside its header, a half-written sidecar); the
        // leftovers are removed and the discard is audited.
        enum class Outcome { Recovered, AlreadyCataloged, Discarded, Skipped };
        QUuid id;
        QString file;
        Outcome outcome = Outcome::Skipped;
        qint64 recoveredMs = 0;
        qint64 trimmedBytes = 0; // an incomplete record at the tail, cut off
        bool wasFinished = false;
        QString message;         // why an item was skipped or discarded
    };

    SpoolRecovery(StorageLayout layout, Database &db);
    // More rows to commit with a recovered recording, in its transaction (the network
    // recorder's captured_calls row from its call journal). Asked once per recovered file.
    using AlongsideFor = std::function<CommitAlongside(const Item &item)>;
    void setAlongside(AlongsideFor alongside) { m_alongside = std::move(alongside); }
    Result<QVector<Item>> recoverAll(const QUuid &siteId, const AuditEvent &auditBase);

private:
    Item recoverOne(const QString &sidecarPath, const QUuid &siteId, const AuditEvent &auditBase);
    Item discard(Item item, const QStringList &files, const QString &reason, const AuditEvent &auditBase);

    StorageLayout m_layout;
    Database &m_db;
    AlongsideFor m_alongside;
};

} // namespace cv
