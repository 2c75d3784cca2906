// Site key rotation on a real SQLite site (key file, WavImporter recordings): the permission
// is required and a refusal audited; start switches the catalog, site.json and the key
// store together; re-wrapping is cancellable and resumes where it stopped; every recording
// opens with the key ring afterwards and no longer with the old key alone; the finished
// record is signed; late recordings wrapped to the old key are re-wrapped by the next run
// and the retired key can only be destroyed after that; an interrupted start is finished;
// a log-in on a machine whose site.json names the old key makes it follow the catalog.
#include "authtestsupport.h"
#include "exporttestsupport.h"

#include "catalog/keyrotationrepository.h"
#include "catalog/siterepository.h"
#include "crypto/keywrap.h"
#include "site/keyrotationrecord.h"
#include "site/keystore.h"
#include "site/site.h"
#include "site/sitekeyrotation.h"
#include "store/recordingaccess.h"

#include <QTest>

using namespace cv;

namespace {

QString keyIdOf(const QByteArray &x25519Public)
{
    return QString::fromLatin1(crypto::siteKeyId(x25519Public).toHex());
}

} // namespace

class TestSiteKeyRotation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.setUp());
        QVERIFY(authtest::addUser(m_site.catalog(), QStringLiteral("sec"), ExportTestSite::password(),
                                  QStringLiteral("security_admin"), {}));
        for (int i = 0; i < 5; ++i) {
            const QUuid id = m_site.importSine(16000, 1, 300);
            QVERIFY(!id.isNull());
            m_before.append(id);
        }
        auto sec = m_site.principal(QStringLiteral("sec"));
        QVERIFY(sec);
        m_sec = *sec;
        auto sam = m_site.principal(QStringLiteral("sam"));
        QVERIFY(sam);
        m_sam = *sam;
    }

    void keyRingBlobRoundTrips()
    {
        auto keys = SiteKeys::generate();
        QVERIFY(keys);
        QCOMPARE(int(keys->privateBlob().size()), SiteKeys::kPrivateBlobSize); // version 1 without retired keys
        auto old = crypto::X25519KeyPair::generate();
        QVERIFY(old);
        const QByteArray oldPublic = old->publicKey();
        keys->retired.push_back(old.takeValue());
        const SecretBytes blob = keys->privateBlob();
        QCOMPARE(int(blob.size()), SiteKeys::kPrivateBlobSize + 1 + 32);
        auto back = SiteKeys::fromPrivateBlob(blob);
        QVERIFY2(back, qPrintable(back.errorMessage()));
        QCOMPARE(back->retired.size(), std::size_t(1));
        QCOMPARE(back->retired.front().publicKey(), oldPublic);
        QVERIFY(back->encryptionKeyFor(crypto::siteKeyId(oldPublic)) != nullptr);
        QVERIFY(back->encryptionKeyFor(QByteArray(32, 'x')) == nullptr);
        // A count that does not match the length is refused.
        SecretBytes bad = blob.clone();
        bad.data()[SiteKeys::kPrivateBlobSize] = 2;
        QVERIFY(!SiteKeys::fromPrivateBlob(bad));
    }

    void refusedWithoutKeysManage()
    {
        Site site = m_site.site();
        auto store = site.keyStore(LoginTestSite::passphrase());
        auto keys = store->load();
        QVERIFY(keys);
        const QByteArray before = site.config().publicKeys.encryption;
        const qint64 lastAudit = authtest::lastAuditId(m_site.catalog());
        auto started = SiteKeyRotation(m_site.catalog(), m_sam).start(site, *store, keys.value());
        QVERIFY(!started);
        QCOMPARE(started.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(authtest::countAudit(authtest::auditRows(m_site.catalog(), lastAudit),
                                      QStringLiteral("key.rotate.start"), QStringLiteral("denied")),
                 1);
        QCOMPARE(m_site.site().config().publicKeys.encryption, before);
        auto run = SiteKeyRotation(m_site.catalog(), m_sam).run(site.config().siteId, keys.value());
        QVERIFY(!run);
        QCOMPARE(run.error().code, ErrorCode::PermissionDenied);
    }

    void rotationRewrapsEveryKeyResumably()
    {
        Site site = m_site.site();
        const QUuid siteId = site.config().siteId;
        auto store = site.keyStore(LoginTestSite::passphrase());
        auto keys = store->load();
        QVERIFY(keys);
        m_oldPublic = keys->encryption.publicKey();
        const QString oldId = keyIdOf(m_oldPublic);
        const qint64 lastAudit = authtest::lastAuditId(m_site.catalog());
        SiteKeyRotation rotation(m_site.catalog(), m_sec);

        auto started = rotation.start(site, *store, keys.value());
        QVERIFY2(started, qPrintable(started.errorMessage()));
        const QString newId = started->newKeyId;
        QCOMPARE(started->oldKeyId, oldId);
        QVERIFY(newId != oldId);
        // The ring in memory, the key store, site.json and the catalog all name the new key.
        QCOMPARE(keyIdOf(keys->encryption.publicKey()), newId);
        QCOMPARE(keys->retired.size(), std::size_t(1));
        auto stored = store->load();
        QVERIFY(stored);
        QCOMPARE(keyIdOf(stored->encryption.publicKey()), newId);
        QCOMPARE(stored->retired.size(), std::size_t(1));
        QCOMPARE(keyIdOf(m_site.site().config().publicKeys.encryption), newId);
        QCOMPARE(SiteRepository(m_site.catalog()).get().value()->keyId, newId);
        // A second start while this one runs is refused.
        auto again = rotation.start(site, *store, keys.value());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);

        // A recording made now is wrapped to the new key already.
        const QUuid during = m_site.importSine(16000, 1, 300);
        QVERIFY(!during.isNull());
        m_after.append(during);

        // The first run is cancelled after its first batch of 2.
        std::atomic_bool cancel{false};
        QVector<QPair<qint64, qint64>> progress;
        auto first = rotation.run(siteId, keys.value(), [&](qint64 done, qint64 total) {
            progress.append({done, total});
            cancel = true;
        }, &cancel, 2);
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QVERIFY(first->cancelled);
        QVERIFY(!first->finished);
        QCOMPARE(first->rewrapped, qint64(2));
        QCOMPARE(first->remaining, qint64(m_before.size() - 2));
        QCOMPARE(progress, (QVector<QPair<qint64, qint64>>{{2, m_before.size()}}));
        auto status = rotation.status(siteId, site.config().publicKeys.signing);
        QVERIFY(status);
        QVERIFY(status->running());
        QCOMPARE(status->latest->rewrapped, qint64(2));
        QCOMPARE(status->notOnCurrentKey(), qint64(m_before.size() - 2));

        // Mid-rotation every recording opens with the ring (old and new keys alike).
        expectAllOpen(keys.value());

        // Resumed: only the rest is done, and the rotation finishes with a signed record.
        auto second = rotation.run(siteId, keys.value(), {}, nullptr, 2);
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QVERIFY(!second->cancelled);
        QVERIFY(second->finished);
        QCOMPARE(second->rewrapped, qint64(m_before.size() - 2));
        QCOMPARE(second->remaining, qint64(0));
        QCOMPARE(second->skipped, qint64(0));
        status = rotation.status(siteId, site.config().publicKeys.signing);
        QVERIFY(status);
        QVERIFY(!status->running());
        QCOMPARE(status->latest->rewrapped, qint64(m_before.size()));
        QVERIFY(status->latestSignatureValid);
        QCOMPARE(status->usage.value(newId), qint64(m_before.size() + m_after.size()));
        // The signature covers the record: another count does not verify.
        KeyRotationRow forged = *status->latest;
        forged.rewrapped += 1;
        QVERIFY(!keyrotationrecord::verify(siteId, forged, site.config().publicKeys.signing));

        expectAllOpen(keys.value());
        // The old key alone opens none of the re-wrapped recordings any more.
        auto oldOnly = SiteKeys::fromPrivateBlob(keys->privateBlob());
        QVERIFY(oldOnly);
        const RecordingAccess withOldKey(site.layout(), m_site.catalog(), oldOnly->retired.front());
        auto opened = withOldKey.open(m_before.first());
        QVERIFY(!opened);

        const auto rows = authtest::auditRows(m_site.catalog(), lastAudit);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("key.rotate.start"), QStringLiteral("allowed")), 1);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("key.rotate.run"), QStringLiteral("allowed")), 2);
        QCOMPARE(authtest::countAudit(rows, QStringLiteral("key.rotate.finish"), QStringLiteral("allowed")), 1);
        m_keys.emplace(keys.takeValue());
    }

    void aLogInFollowsARotationMadeElsewhere()
    {
        // Another machine's site.json still names the old key; its next log-in follows the catalog.
        Site stale = m_site.site();
        const QByteArray current = stale.config().publicKeys.encryption;
        QVERIFY(stale.setEncryptionPublicKey(m_oldPublic));
        QCOMPARE(m_site.site().config().publicKeys.encryption, m_oldPublic);
        QVERIFY(m_site.principal(QStringLiteral("sam")));
        QCOMPARE(m_site.site().config().publicKeys.encryption, current);
    }

    void lateRecordingsOnTheOldKeyAreRewrappedBeforeItIsDestroyed()
    {
        QVERIFY(m_keys);
        Site site = m_site.site();
        const QUuid siteId = site.config().siteId;
        auto store = site.keyStore(LoginTestSite::passphrase());
        // A capture node that was offline during the rotation delivers a call wrapped to the old key.
        const QUuid late = m_site.importSine(16000, 1, 300, m_oldPublic);
        QVERIFY(!late.isNull());
        m_after.append(late);
        SiteKeyRotation rotation(m_site.catalog(), m_sec);
        auto refused = rotation.destroyRetiredKeys(siteId, *store, *m_keys);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY(refused.errorMessage().contains(QLatin1String("1 data keys")));
        expectAllOpen(*m_keys);

        auto run = rotation.run(siteId, *m_keys);
        QVERIFY2(run, qPrintable(run.errorMessage()));
        QCOMPARE(run->rewrapped, qint64(1));
        QCOMPARE(run->remaining, qint64(0));
        QVERIFY(!run->finished); // nothing was running: no new record

        auto destroyed = rotation.destroyRetiredKeys(siteId, *store, *m_keys);
        QVERIFY2(destroyed, qPrintable(destroyed.errorMessage()));
        QCOMPARE(destroyed.value(), 1);
        QVERIFY(m_keys->retired.empty());
        auto stored = store->load();
        QVERIFY(stored);
        QVERIFY(stored->retired.empty());
        expectAllOpen(*m_keys);
    }

    void anInterruptedStartIsFinished()
    {
        QVERIFY(m_keys);
        Site site = m_site.site();
        auto store = site.keyStore(LoginTestSite::passphrase());
        // The key store got the new ring, then the program died before the catalog knew.
        auto ring = m_keys->clone();
        QVERIFY(ring);
        auto fresh = crypto::X25519KeyPair::generate();
        QVERIFY(fresh);
        const QString freshId = keyIdOf(fresh->publicKey());
        ring->retired.push_back(std::move(ring->encryption));
        ring->encryption = fresh.takeValue();
        QVERIFY(store->save(ring.value()));
        QVERIFY(SiteRepository(m_site.catalog()).get().value()->keyId != freshId);

        SiteKeyRotation rotation(m_site.catalog(), m_sec);
        auto started = rotation.start(site, *store, ring.value());
        QVERIFY2(started, qPrintable(started.errorMessage()));
        QCOMPARE(started->newKeyId, freshId); // no third key was made
        QCOMPARE(SiteRepository(m_site.catalog()).get().value()->keyId, freshId);
        QCOMPARE(keyIdOf(m_site.site().config().publicKeys.encryption), freshId);
        auto run = rotation.run(site.config().siteId, ring.value());
        QVERIFY2(run, qPrintable(run.errorMessage()));
        QVERIFY(run->finished);
        QCOMPARE(run->rewrapped, qint64(m_before.size() + m_after.size()));
        expectAllOpen(ring.value());
    }

private:
    void expectAllOpen(const SiteKeys &keys)
    {
        const Site site = m_site.site();
        const RecordingAccess access(site.layout(), m_site.catalog(), keys);
        for (const QUuid &id : m_before + m_after) {
            auto opened = access.open(id);
            QVERIFY2(opened, qPrintable(opened.errorMessage()));
        }
    }

    ExportTestSite m_site;
    Principal m_sec;
    Principal m_sam;
    QVector<QUuid> m_before;
    QVector<QUuid> m_after;
    QByteArray m_oldPublic;
    std::optional<SiteKeys> m_keys;
};

QTEST_GUILESS_MAIN(TestSiteKeyRotation)
#include "tst_sitekeyrotation.moc"
