// Site key rotation on a server-enforced PostgreSQL catalog (docs/key-rotation.md,
// docs/postgres-security.md): recording_keys is reachable only through cv_key_usage,
// cv_keys_to_rewrap and cv_rewrap_key, which refuse anyone without keys.manage; the server
// refuses a re-wrapped key that does not name the site's current key; a security
// administrator's run re-wraps every key (checked as the superuser, and by unwrapping each
// with the new key) and finishes the rotation with a signed record.
#include "auth/accesscontrol.h"
#include "catalog/catalogconfig.h"
#include "catalog/keyrepository.h"
#include "catalog/keyrotationrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "crypto/cryptoutil.h"
#include "crypto/keywrap.h"
#include "securedcatalog.h"
#include "site/keyrotationrecord.h"
#include "site/sitekeyrotation.h"
#include "site/sitekeys.h"

#include <QTest>

using namespace cv;

namespace {

const QString kHost = QStringLiteral("ws-pg");
const QString kProgram = QStringLiteral("tst_pgkeyrotation");

QString keyIdOf(const QByteArray &x25519Public)
{
    return QString::fromLatin1(crypto::siteKeyId(x25519Public).toHex());
}

} // namespace

class TestPgKeyRotation final : public QObject
{
    Q_OBJECT

private:
    // A user's connection as the workstation opens it after a log-in.
    std::unique_ptr<Database> connectAs(const QString &userName)
    {
        auto db = m_catalog->connectEnforced(userName);
        if (!db)
            qFatal("connect as %s: %s", qPrintable(userName), qPrintable(db.errorMessage()));
        return db.takeValue();
    }

    Principal principalOf(Database &db, qint64 userId)
    {
        auto p = AccessControl(db).loadPrincipal(userId, kHost, kProgram);
        if (!p)
            qFatal("principal: %s", qPrintable(p.errorMessage()));
        return p.takeValue();
    }

private slots:
    void initTestCase()
    {
        m_catalog = std::make_unique<SecuredCatalog>();
        const auto created = m_catalog->create();
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0)")).ok());
        QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO agents VALUES ('agent-007', 'James', 'T1')")).ok());
        auto old = SiteKeys::generate();
        QVERIFY(old);
        m_ring.emplace(old.takeValue());
        // Three recordings whose data keys are wrapped to the site's key, as recorders leave them.
        QVERIFY(m_catalog->exec(QStringLiteral("UPDATE sites SET x25519_public = ?, key_id = ?"),
                                {m_ring->encryption.publicKey(), keyIdOf(m_ring->encryption.publicKey())})
                    .ok());
        for (int i = 0; i < 3; ++i) {
            RecordingRow row = catalogtest::makeRecording(m_catalog->siteId(), QDateTime::currentDateTimeUtc());
            QVERIFY(RecordingRepository(m_catalog->superuser()).insert(row).ok());
            auto dek = crypto::randomBytes(32);
            QVERIFY(dek);
            m_dataKeys.append(dek.value());
            auto wrapped = crypto::wrapDataKey(SecretBytes::fromByteArray(dek.value()),
                                               m_ring->encryption.publicKey(), row.id.toRfc4122());
            QVERIFY(wrapped);
            KeyRow key{row.id, wrapped.value(), 1, keyIdOf(m_ring->encryption.publicKey())};
            QVERIFY(KeyRepository(m_catalog->superuser()).insert(key).ok());
            m_ids.append(row.id);
        }
        auto sec = m_catalog->addUser(QStringLiteral("sec"), QStringLiteral("security_admin"));
        QVERIFY2(sec.ok(), qPrintable(sec.errorMessage()));
        m_secId = sec.value();
        auto sue = m_catalog->addUser(QStringLiteral("sue"), QStringLiteral("supervisor"), {QStringLiteral("T1")});
        QVERIFY2(sue.ok(), qPrintable(sue.errorMessage()));
        m_sueId = sue.value();
    }

    void cleanupTestCase() { m_catalog.reset(); }

    void theServerRefusesWithoutKeysManage()
    {
        auto sue = connectAs(QStringLiteral("sue"));
        KeyRotationRepository repo(*sue);
        const QString current = keyIdOf(m_ring->encryption.publicKey());
        QCOMPARE(SecuredCatalog::outcome(*sue, QStringLiteral("SELECT count(*) FROM cv_key_usage()")),
                 QStringLiteral("error 42501"));
        QVERIFY(!repo.keyUsage());
        QVERIFY(!repo.keysToRewrap(current, {}, 10));
        QVERIFY(!repo.rewrap(m_ids.first(), current, QByteArray(127, 'x'), current));
        QVERIFY(!repo.setSitePublicKey(QByteArray(32, 'x'), QString(64, QLatin1Char('c'))));
        // The core check refuses first, and audits it.
        auto run = SiteKeyRotation(*sue, principalOf(*sue, m_sueId)).run(m_catalog->siteId(), *m_ring);
        QVERIFY(!run);
        QCOMPARE(run.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT key_id FROM sites"))->toString(), current);
    }

    void aSecurityAdministratorRotates()
    {
        auto sec = connectAs(QStringLiteral("sec"));
        const Principal who = principalOf(*sec, m_secId);
        const QString oldId = keyIdOf(m_ring->encryption.publicKey());
        // What start() does in the catalog, without a site directory: the new ring, the
        // rotation row under the caller's name, the site's new public key.
        auto fresh = crypto::X25519KeyPair::generate();
        QVERIFY(fresh);
        m_ring->retired.push_back(std::move(m_ring->encryption));
        m_ring->encryption = fresh.takeValue();
        const QString newId = keyIdOf(m_ring->encryption.publicKey());
        KeyRotationRepository repo(*sec);
        KeyRotationRow row;
        row.oldKeyId = oldId;
        row.newKeyId = newId;
        row.newPublicKey = m_ring->encryption.publicKey();
        row.startedAtMs = 1;
        row.startedBy = QStringLiteral("someone else");
        QVERIFY(!repo.insertRunning(row)); // only under one's own name
        row.startedBy = who.name;
        auto id = repo.insertRunning(row);
        QVERIFY2(id, qPrintable(id.errorMessage()));
        QVERIFY(repo.setSitePublicKey(row.newPublicKey, newId));

        // The server checks what it is given: a key wrapped to another key is refused.
        auto foreign = crypto::X25519KeyPair::generate();
        QVERIFY(foreign);
        auto wrongWrap = crypto::wrapDataKey(SecretBytes::fromByteArray(m_dataKeys.first()), foreign->publicKey(),
                                             m_ids.first().toRfc4122());
        QVERIFY(wrongWrap);
        QVERIFY(!repo.rewrap(m_ids.first(), oldId, wrongWrap.value(), newId));

        auto run = SiteKeyRotation(*sec, who).run(m_catalog->siteId(), *m_ring, {}, nullptr, 2);
        QVERIFY2(run, qPrintable(run.errorMessage()));
        QCOMPARE(run->rewrapped, qint64(m_ids.size()));
        QCOMPARE(run->remaining, qint64(0));
        QVERIFY(run->finished);

        // Behind the policies: every key is on the new key and unwraps to the same data key.
        QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT count(*) FROM recording_keys WHERE site_key_id = ?"),
                                   {newId})
                     ->toInt(),
                 m_ids.size());
        for (int i = 0; i < m_ids.size(); ++i) {
            auto key = KeyRepository(m_catalog->superuser()).find(m_ids[i]);
            QVERIFY(key && key.value());
            auto dek = crypto::unwrapDataKey(key.value()->wrappedKey, m_ring->encryption, m_ids[i].toRfc4122());
            QVERIFY2(dek, qPrintable(dek.errorMessage()));
            QCOMPARE(dek->toByteArray(), m_dataKeys[i]);
        }
        auto status = SiteKeyRotation(*sec, who).status(m_catalog->siteId(), m_ring->signing.publicKey());
        QVERIFY2(status, qPrintable(status.errorMessage()));
        QVERIFY(!status->running());
        QCOMPARE(status->latest->rewrapped, qint64(m_ids.size()));
        QVERIFY(status->latestSignatureValid);
        QCOMPARE(m_catalog->scalar(QStringLiteral("SELECT count(*) FROM audit WHERE action IN "
                                                  "('key.rotate.run', 'key.rotate.finish') AND actor = 'sec'"))
                     ->toInt(),
                 2);
    }

private:
    std::unique_ptr<SecuredCatalog> m_catalog;
    std::optional<SiteKeys> m_ring;
    QVector<QUuid> m_ids;
    QVector<QByteArray> m_dataKeys;
    qint64 m_secId = 0;
    qint64 m_sueId = 0;
};

QTEST_GUILESS_MAIN(TestPgKeyRotation)
#include "tst_pgkeyrotation.moc"
