#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "catalog/keyrotationrepository.h"
#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

namespace cv {

class Database;
class KeyStore;
class Site;
struct SiteKeys;

// Where the site's keys stand: the last rotation and how many data keys each key wraps.
struct KeyRotationStatus
{
    std::optional<KeyRotationRow> latest;
    QString currentKeyId;          // the catalog's (sites.key_id)
    QHash<QString, qint64> usage;  // site key id -> data keys it wraps
    bool latestSignatureValid = false;

    bool running() const { return latest && latest->running; }
    qint64 total() const;
    qint64 notOnCurrentKey() const; // still to re-wrap
};

struct KeyRotationOutcome
{
    qint64 rewrapped = 0;   // data keys re-wrapped by this run
    qint64 skipped = 0;     // keys this key ring cannot open (reasons in `problems`)
    qint64 remaining = 0;   // keys not yet on the current key after this run
    bool cancelled = false;
    bool finished = false;  // this run finished the rotation (signed record written)
    QStringList problems;   // the first few reasons for skipped keys
};

// Site key rotation (docs/key-rotation.md): a new X25519 site key replaces the current one
// and every recording's data key is re-wrapped to it; the audio is never rewritten. Needs
// keys.manage; every step is audited (key.rotate.start, key.rotate.run, key.rotate.finish,
// key.retired.destroy).
//
// 1. start(): the key ring in the key store gets the new key as current and keeps the old
//    one as retired; then one catalog transaction records the rotation, switches the site's
//    public key (new recordings are wrapped to the new key from then on) and audits it; then
//    site.json follows. A crash between the key store and the catalog is finished by the next
//    start(), which finds the catalog's key among the retired ones.
// 2. run(): re-wraps, batch by batch (one transaction each), every data key not wrapped to
//    the current key; cancel at any moment, resume with another run() — each key row says
//    which key wraps it, so nothing is done twice. When none is left, the rotation is
//    finished and its record signed with the site's Ed25519 key.
// 3. destroyRetiredKeys(): once no data key needs them, the retired private keys leave the
//    key store. Until then they stay, so recordings from capture nodes that were offline
//    during the rotation (wrapped to the old key) are never lost: the next run() re-wraps them.
class SiteKeyRotation final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    static constexpr int kDefaultBatchSize = 200;

    SiteKeyRotation(Database &db, const Principal &who, Clock clock = systemClock());

    Result<KeyRotationStatus> status(const QUuid &siteId, const QByteArray &signingPublicKey);
    // `keys` (this machine's key ring, as loaded from `store`) becomes the new ring, and the
    // site's public key in `site` is replaced.
    Result<KeyRotationRow> start(Site &site, KeyStore &store, SiteKeys &keys);
    // Safe on a worker thread (its own catalog connection). `cancel` is checked between keys.
    Result<KeyRotationOutcome> run(const QUuid &siteId, const SiteKeys &keys, const Progress &progress = {},
                                   const std::atomic_bool *cancel = nullptr, int batchSize = kDefaultBatchSize);
    // Returns how many retired keys were destroyed.
    Result<int> destroyRetiredKeys(const QUuid &siteId, KeyStore &store, SiteKeys &keys);

private:
    Result<void> require(const QUuid &siteId, const QString &action);
    Result<QString> catalogKeyId();
    Result<KeyRotationRow> recordStart(Site &site, const SiteKeys &ring, const QString &oldKeyId);
    Result<bool> finishIfDone(const QUuid &siteId, const SiteKeys &keys, qint64 *remaining);
    Result<void> audit(const QString &action, const QUuid &siteId, const QJsonObject &details);

    Database &m_db;
    Principal m_who;
    Clock m_clock;
};

} // namespace cv
