#include "sitekeyrotation.h"

#include "auth/accesscontrol.h"
#include "catalog/auditlog.h"
#include "catalog/siterepository.h"
#include "catalog/transactionguard.h"
#include "common/logging.h"
#include "crypto/cryptoutil.h"
#include "crypto/keywrap.h"
#include "site/keyrotationrecord.h"
#include "site/keystore.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QJsonDocument>

namespace cv {

namespace {

constexpr int kMaxProblemsListed = 5;

QString hexId(const QByteArray &x25519Public)
{
    return QString::fromLatin1(crypto::siteKeyId(x25519Public).toHex());
}

QString targetOf(const QUuid &siteId)
{
    return siteId.toString(QUuid::WithoutBraces);
}

// The key store must hold the ring this session works with: a rotation saves the ring back,
// and saving a ring built from other keys would lose them.
Result<void> checkStoreHolds(KeyStore &store, const SiteKeys &keys)
{
    auto stored = store.load();
    if (!stored)
        return stored.error();
    const SitePublicKeys a = publicKeysOf(stored.value());
    const SitePublicKeys b = publicKeysOf(keys);
    if (!crypto::constantTimeEquals(a.encryption, b.encryption) || !crypto::constantTimeEquals(a.signing, b.signing)
        || stored->retired.size() != keys.retired.size())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("The key store on this machine (%1) holds other keys than the ones "
                                        "in use; log in again and retry.")
                             .arg(store.describe()));
    return {};
}

} // namespace

qint64 KeyRotationStatus::total() const
{
    qint64 sum = 0;
    for (auto it = usage.cbegin(); it != usage.cend(); ++it)
        sum += it.value();
    return sum;
}

qint64 KeyRotationStatus::notOnCurrentKey() const
{
    return total() - usage.value(currentKeyId);
}

SiteKeyRotation::SiteKeyRotation(Database &db, const Principal &who, Clock clock)
    : m_db(db), m_who(who), m_clock(std::move(clock))
{
}

Result<void> SiteKeyRotation::require(const QUuid &siteId, const QString &action)
{
    return AccessControl(m_db).require(m_who, Permission::KeysManage, targetOf(siteId), action);
}

Result<void> SiteKeyRotation::audit(const QString &action, const QUuid &siteId, const QJsonObject &details)
{
    auto appended = AuditLog(m_db).append(m_who.auditEvent(
        action, targetOf(siteId), true, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))));
    if (!appended)
        return appended.error();
    return {};
}

Result<QString> SiteKeyRotation::catalogKeyId()
{
    auto site = SiteRepository(m_db).get();
    if (!site)
        return site.error();
    if (!site.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("The catalog has no site."));
    return site.value()->keyId;
}

Result<KeyRotationStatus> SiteKeyRotation::status(const QUuid &siteId, const QByteArray &signingPublicKey)
{
    if (auto allowed = require(siteId, QStringLiteral("key.rotate.status")); !allowed)
        return allowed.error();
    KeyRotationStatus status;
    KeyRotationRepository repo(m_db);
    auto latest = repo.latest();
    if (!latest)
        return latest.error();
    status.latest = latest.takeValue();
    auto current = catalogKeyId();
    if (!current)
        return current.error();
    status.currentKeyId = current.value();
    auto usage = repo.keyUsage();
    if (!usage)
        return usage.error();
    status.usage = usage.takeValue();
    status.latestSignatureValid = status.latest && !status.latest->running
                               && keyrotationrecord::verify(siteId, *status.latest, signingPublicKey);
    return status;
}

Result<KeyRotationRow> SiteKeyRotation::start(Site &site, KeyStore &store, SiteKeys &keys)
{
    const QUuid siteId = site.config().siteId;
    if (auto allowed = require(siteId, QStringLiteral("key.rotate.start")); !allowed)
        return allowed.error();
    auto running = KeyRotationRepository(m_db).running();
    if (!running)
        return running.error();
    if (running.value())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("A key rotation started by %1 is already running; resume it instead.")
                             .arg(running.value()->startedBy));
    auto catalogKey = catalogKeyId();
    if (!catalogKey)
        return catalogKey.error();
    if (auto holds = checkStoreHolds(store, keys); !holds)
        return holds.error();

    const QString currentId = hexId(keys.encryption.publicKey());
    if (catalogKey.value() != currentId) {
        // An earlier start saved the new ring but stopped before the catalog knew: finish it.
        if (!keys.encryptionKeyFor(QByteArray::fromHex(catalogKey.value().toLatin1())))
            return makeError(ErrorCode::KeyUnavailable,
                             QStringLiteral("The site's current key (%1) is not in this machine's key store: "
                                            "import a current key backup first.")
                                 .arg(catalogKey.value().left(16)));
        qCInfo(lcSite).noquote() << "Finishing an interrupted key rotation start (new key" << currentId.left(16) << ")";
        return recordStart(site, keys, catalogKey.value());
    }
    if (keys.retired.size() >= static_cast<std::size_t>(SiteKeys::kMaxRetiredKeys))
        return makeError(ErrorCode::Conflict, QStringLiteral("The key store holds %1 retired keys already; destroy "
                                                             "them before the next rotation.")
                                                  .arg(keys.retired.size()));

    auto fresh = crypto::X25519KeyPair::generate();
    if (!fresh)
        return fresh.error();
    auto ring = keys.clone();
    if (!ring)
        return ring.error();
    ring->retired.push_back(std::move(ring->encryption));
    ring->encryption = fresh.takeValue();
    if (auto saved = store.save(ring.value()); !saved)
        return saved.error();
    auto started = recordStart(site, ring.value(), currentId);
    if (!started) {
        // The catalog still names the old key: put the old ring back so that both agree.
        if (auto restored = store.save(keys); !restored)
            qCWarning(lcSite).noquote() << "Could not restore the key store after a failed rotation start:"
                                        << restored.errorMessage();
        return started.error();
    }
    keys = ring.takeValue();
    return started;
}

Result<KeyRotationRow> SiteKeyRotation::recordStart(Site &site, const SiteKeys &ring, const QString &oldKeyId)
{
    KeyRotationRow row;
    row.oldKeyId = oldKeyId;
    row.newPublicKey = ring.encryption.publicKey();
    row.newKeyId = hexId(row.newPublicKey);
    row.startedAtMs = m_clock();
    row.startedBy = m_who.name;
    KeyRotationRepository repo(m_db);
    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    auto id = repo.insertRunning(row);
    if (!id)
        return id.error();
    row.id = id.value();
    if (auto switched = repo.setSitePublicKey(row.newPublicKey, row.newKeyId); !switched)
        return switched.error();
    if (auto audited = audit(QStringLiteral("key.rotate.start"), site.config().siteId,
                             {{QStringLiteral("rotation"), row.id},
                              {QStringLiteral("oldKeyId"), row.oldKeyId},
                              {QStringLiteral("newKeyId"), row.newKeyId}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (auto written = site.setEncryptionPublicKey(row.newPublicKey); !written)
        return makeError(written.error().code,
                         QStringLiteral("The rotation started, but site.json was not updated (%1); new "
                                        "recordings made on this machine would use the old key.")
                             .arg(written.errorMessage()));
    return row;
}

Result<KeyRotationOutcome> SiteKeyRotation::run(const QUuid &siteId, const SiteKeys &keys, const Progress &progress,
                                                const std::atomic_bool *cancel, int batchSize)
{
    if (auto allowed = require(siteId, QStringLiteral("key.rotate.run")); !allowed)
        return allowed.error();
    const QString currentId = hexId(keys.encryption.publicKey());
    auto catalogKey = catalogKeyId();
    if (!catalogKey)
        return catalogKey.error();
    if (catalogKey.value() != currentId)
        return makeError(ErrorCode::KeyUnavailable,
                         QStringLiteral("This machine's current key (%1) is not the site's (%2): import a "
                                        "current key backup, or start the rotation here first.")
                             .arg(currentId.left(16), catalogKey.value().left(16)));
    KeyRotationRepository repo(m_db);
    auto rotation = repo.running();
    if (!rotation)
        return rotation.error();
    auto usage = repo.keyUsage();
    if (!usage)
        return usage.error();
    qint64 total = 0;
    for (auto it = usage->cbegin(); it != usage->cend(); ++it)
        if (it.key() != currentId)
            total += it.value();

    KeyRotationOutcome outcome;
    QUuid after;
    while (!(cancel && cancel->load())) {
        auto batch = repo.keysToRewrap(currentId, after, batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        TransactionGuard transaction(m_db);
        if (!transaction.ok())
            return transaction.error();
        qint64 changed = 0;
        for (const WrappedKeyEntry &entry : batch.value()) {
            after = entry.recordingId;
            const QByteArray context = entry.recordingId.toRfc4122();
            auto info = crypto::parseWrappedKey(entry.wrappedKey);
            const crypto::X25519KeyPair *old = info ? keys.encryptionKeyFor(info->siteKeyId) : nullptr;
            auto dataKey = old ? crypto::unwrapDataKey(entry.wrappedKey, *old, context)
                               : Result<SecretBytes>(makeError(
                                     ErrorCode::KeyUnavailable,
                                     QStringLiteral("wrapped to key %1, which this key ring does not hold")
                                         .arg(entry.siteKeyId.left(16))));
            if (!dataKey) {
                ++outcome.skipped;
                if (outcome.problems.size() < kMaxProblemsListed)
                    outcome.problems << QStringLiteral("recording %1: %2")
                                            .arg(entry.recordingId.toString(QUuid::WithoutBraces), dataKey.errorMessage());
                continue;
            }
            auto wrapped = crypto::wrapDataKey(dataKey.value(), keys.encryption.publicKey(), context);
            if (!wrapped)
                return wrapped.error();
            auto replaced = repo.rewrap(entry.recordingId, entry.siteKeyId, wrapped.value(), currentId);
            if (!replaced)
                return replaced.error();
            changed += replaced.value() ? 1 : 0;
        }
        if (rotation.value())
            if (auto counted = repo.addProgress(rotation.value()->id, changed); !counted)
                return counted.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        outcome.rewrapped += changed;
        if (progress)
            progress(std::min(outcome.rewrapped + outcome.skipped, total), total);
    }
    outcome.cancelled = cancel && cancel->load();
    auto finished = finishIfDone(siteId, keys, &outcome.remaining);
    if (!finished)
        return finished.error();
    outcome.finished = finished.value();
    if (auto audited = audit(QStringLiteral("key.rotate.run"), siteId,
                             {{QStringLiteral("rewrapped"), outcome.rewrapped},
                              {QStringLiteral("skipped"), outcome.skipped},
                              {QStringLiteral("remaining"), outcome.remaining},
                              {QStringLiteral("cancelled"), outcome.cancelled}});
        !audited)
        return audited.error();
    return outcome;
}

Result<bool> SiteKeyRotation::finishIfDone(const QUuid &siteId, const SiteKeys &keys, qint64 *remaining)
{
    KeyRotationRepository repo(m_db);
    auto usage = repo.keyUsage();
    if (!usage)
        return usage.error();
    const QString currentId = hexId(keys.encryption.publicKey());
    *remaining = 0;
    for (auto it = usage->cbegin(); it != usage->cend(); ++it)
        if (it.key() != currentId)
            *remaining += it.value();
    auto rotation = repo.running();
    if (!rotation)
        return rotation.error();
    if (*remaining > 0 || !rotation.value())
        return false;
    KeyRotationRow row = *rotation.value();
    row.running = false;
    row.finishedAtMs = m_clock();
    auto signature = keyrotationrecord::sign(siteId, row, keys.signing);
    if (!signature)
        return signature.error();
    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (auto marked = repo.markFinished(row.id, *row.finishedAtMs, signature.value()); !marked)
        return marked.error();
    if (auto audited = audit(QStringLiteral("key.rotate.finish"), siteId,
                             {{QStringLiteral("rotation"), row.id},
                              {QStringLiteral("newKeyId"), row.newKeyId},
                              {QStringLiteral("rewrapped"), row.rewrapped}});
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Result<int> SiteKeyRotation::destroyRetiredKeys(const QUuid &siteId, KeyStore &store, SiteKeys &keys)
{
    if (auto allowed = require(siteId, QStringLiteral("key.retired.destroy")); !allowed)
        return allowed.error();
    if (keys.retired.empty())
        return 0;
    KeyRotationRepository repo(m_db);
    auto running = repo.running();
    if (!running)
        return running.error();
    if (running.value())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("A key rotation is running; finish it before destroying the old keys."));
    auto usage = repo.keyUsage();
    if (!usage)
        return usage.error();
    qint64 stillNeeded = 0;
    for (const auto &old : keys.retired)
        stillNeeded += usage->value(hexId(old.publicKey()));
    if (stillNeeded > 0)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 data keys are still wrapped to a retired key (recordings that "
                                        "arrived late from a capture node): re-wrap them first.")
                             .arg(stillNeeded));
    if (auto holds = checkStoreHolds(store, keys); !holds)
        return holds.error();
    auto ring = keys.clone();
    if (!ring)
        return ring.error();
    const int destroyed = static_cast<int>(ring->retired.size());
    ring->retired.clear();
    if (auto saved = store.save(ring.value()); !saved)
        return saved.error();
    keys = ring.takeValue();
    if (auto audited = audit(QStringLiteral("key.retired.destroy"), siteId, {{QStringLiteral("destroyed"), destroyed}});
        !audited)
        qCWarning(lcSite).noquote() << "Could not write the key.retired.destroy audit row:" << audited.errorMessage();
    return destroyed;
}

} // namespace cv
