// AuditCheckpointer and the checkpoint signature: the signed bytes, when a checkpoint is
// due (every N rows, or an hour with new rows), the chain of checkpoints, and refusing to
// sign a broken chain or to chain to a forged checkpoint.
#include "audit/auditcheckpointer.h"
#include "audit/auditsigning.h"
#include "audittestsupport.h"
#include "catalogtestsupport.h"
#include "crypto/cryptoutil.h"
#include "crypto/ed25519keypair.h"

#include <QDateTime>
#include <QTest>
#include <memory>

using namespace cv;
using namespace audittest;

class TestAuditCheckpointer final : public CatalogTestCase
{
    Q_OBJECT

private:
    AuditCheckpointer checkpointer(AuditCheckpointPolicy policy = {})
    {
        AuditCheckpointer c(db(), m_siteId, *m_key, policy);
        c.setClock([this] { return m_now; });
        return c;
    }
    bool append(int count)
    {
        const auto ids = appendEvents(db(), count);
        [&] { QVERIFY2(ids.ok(), qPrintable(ids.errorMessage())); }();
        return ids.ok();
    }
    qint64 checkpointCount()
    {
        const auto max = AuditCheckpointRepository(db()).maxId();
        return max.ok() ? max.value() : -1;
    }

    QUuid m_siteId = QUuid::fromString(QStringLiteral("00112233-4455-6677-8899-aabbccddeeff"));
    std::unique_ptr<crypto::Ed25519KeyPair> m_key;
    qint64 m_now = 0;

private slots:
    void initTestCase();
    void init();
    void signedBytesArePinned();
    void nothingToSignOnAnEmptyTrail();
    void checkpointsCoverTheHeadAndChain();
    void dueEveryNRows();
    void dueAfterAnHourWithNewRows();
    void refusesToSignABrokenChain();
    void refusesToChainToAForgedCheckpoint();
    void policyFromTheEnvironment();
};

void TestAuditCheckpointer::initTestCase()
{
    // RFC 8032 test 1 seed: a fixed key, so signatures are reproducible.
    const QByteArray seed =
        QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    auto key = crypto::Ed25519KeyPair::fromPrivateKey(SecretBytes::fromByteArray(seed));
    QVERIFY(key.ok());
    m_key = std::make_unique<crypto::Ed25519KeyPair>(key.takeValue());
}

void TestAuditCheckpointer::init()
{
    CatalogTestCase::init();
    m_now = QDateTime::currentMSecsSinceEpoch();
}

void TestAuditCheckpointer::signedBytesArePinned()
{
    AuditCheckpointRow cp;
    cp.auditRowId = 0x0102;
    cp.headHash = QByteArray(32, '\xaa');
    cp.rowCount = 0x0101;
    cp.atMs = 0x0000018c0a1b2c3dLL;
    cp.prevCheckpointHash = QByteArray(32, '\xbb');
    const QByteArray expected = QByteArray("callvault-audit-checkpoint-v1") +
                                QByteArray::fromHex("00112233445566778899aabbccddeeff"
                                                    "0000000000000102") +
                                QByteArray(32, '\xaa') +
                                QByteArray::fromHex("0000000000000101"
                                                    "0000018c0a1b2c3d") +
                                QByteArray(32, '\xbb');
    QCOMPARE(expected.size(), 133);
    QCOMPARE(auditsigning::checkpointMessage(m_siteId, cp), expected);
    QCOMPARE(auditsigning::checkpointDigest(m_siteId, cp), crypto::sha256(expected));

    QVERIFY(auditsigning::signCheckpoint(*m_key, m_siteId, cp).ok());
    // The key id of RFC 8032's test key 1 (public d75a9801...).
    QCOMPARE(m_key->publicKey().toHex(),
             QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    QCOMPARE(cp.signerKeyId, QString::fromLatin1(crypto::sha256(m_key->publicKey()).toHex()));
    QVERIFY(auditsigning::keyFingerprint(m_key->publicKey())
                .startsWith(QStringLiteral("SHA256:") + cp.signerKeyId.left(4) + u':'));
    QCOMPARE(cp.signature.size(), 64);
    QVERIFY(crypto::Ed25519KeyPair::verify(m_key->publicKey(), expected, cp.signature));
    QVERIFY(auditsigning::checkpointSignatureValid(m_key->publicKey(), m_siteId, cp));
    // Another site's id, or any signed field changed: invalid.
    QVERIFY(!auditsigning::checkpointSignatureValid(m_key->publicKey(), QUuid::createUuid(), cp));
    AuditCheckpointRow moved = cp;
    moved.rowCount += 1;
    QVERIFY(!auditsigning::checkpointSignatureValid(m_key->publicKey(), m_siteId, moved));
}

void TestAuditCheckpointer::nothingToSignOnAnEmptyTrail()
{
    QVERIFY(migrateLatest());
    auto c = checkpointer();
    const auto due = c.isDue();
    QVERIFY(due.ok() && !due.value());
    const auto written = c.checkpoint();
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    QVERIFY(!written.value());
    QCOMPARE(checkpointCount(), 0);
}

void TestAuditCheckpointer::checkpointsCoverTheHeadAndChain()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(5));
    auto c = checkpointer();
    const auto first = c.checkpoint();
    QVERIFY2(first.ok() && first.value(), qPrintable(first.errorMessage()));
    const auto rows = allRows(db());
    QVERIFY(rows.ok());
    QCOMPARE(first.value()->id, 1);
    QCOMPARE(first.value()->auditRowId, 5);
    QCOMPARE(first.value()->rowCount, 5);
    QCOMPARE(first.value()->headHash, rows->at(4).hash);
    QCOMPARE(first.value()->atMs, m_now);
    QCOMPARE(first.value()->prevCheckpointHash, QByteArray(32, '\0'));
    QCOMPARE(first.value()->signerKeyId, auditsigning::keyId(m_key->publicKey()));

    // Nothing new: nothing to sign.
    const auto again = c.checkpoint();
    QVERIFY(again.ok() && !again.value());

    QVERIFY(append(3));
    const auto second = c.checkpoint();
    QVERIFY2(second.ok() && second.value(), qPrintable(second.errorMessage()));
    QCOMPARE(second.value()->auditRowId, 8);
    QCOMPARE(second.value()->rowCount, 8);
    QCOMPARE(second.value()->prevCheckpointHash,
             auditsigning::checkpointDigest(m_siteId, *first.value()));

    // What is stored is what was returned.
    const auto stored = AuditCheckpointRepository(db()).latest();
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(stored.value()->id, second.value()->id);
    QCOMPARE(stored.value()->signature, second.value()->signature);
    QCOMPARE(stored.value()->headHash, second.value()->headHash);
    QVERIFY(auditsigning::checkpointSignatureValid(m_key->publicKey(), m_siteId, *stored.value()));
}

void TestAuditCheckpointer::dueEveryNRows()
{
    QVERIFY(migrateLatest());
    AuditCheckpointPolicy policy;
    policy.everyRows = 10;
    auto c = checkpointer(policy);
    QVERIFY(append(9));
    QVERIFY(!c.isDue().value());
    auto written = c.checkpointIfDue();
    QVERIFY(written.ok() && !written.value());
    QVERIFY(append(1));
    QVERIFY(c.isDue().value());
    written = c.checkpointIfDue();
    QVERIFY2(written.ok() && written.value(), qPrintable(written.errorMessage()));
    QCOMPARE(written.value()->auditRowId, 10);
    QVERIFY(!c.isDue().value());
    QVERIFY(append(9));
    QVERIFY(!c.isDue().value());
    QVERIFY(append(1));
    written = c.checkpointIfDue();
    QVERIFY(written.ok() && written.value());
    QCOMPARE(written.value()->auditRowId, 20);
    QCOMPARE(checkpointCount(), 2);
}

void TestAuditCheckpointer::dueAfterAnHourWithNewRows()
{
    QVERIFY(migrateLatest());
    auto c = checkpointer(); // 1000 rows or an hour
    const qint64 hour = 60 * 60 * 1000;
    QVERIFY(append(1));
    QVERIFY(!c.isDue().value());
    m_now += hour + 1000; // an hour after the first row
    QVERIFY(c.isDue().value());
    const auto written = c.checkpointIfDue();
    QVERIFY(written.ok() && written.value());
    QCOMPARE(written.value()->atMs, m_now);
    m_now += 2 * hour; // time passes, but no new rows
    QVERIFY(!c.isDue().value());
    QVERIFY(append(1));
    QVERIFY(c.isDue().value()); // a new row, and more than an hour since the checkpoint
    QVERIFY(c.checkpointIfDue().value().has_value());
    QVERIFY(append(1));
    m_now += hour - 1;
    QVERIFY(!c.isDue().value());
    m_now += 1;
    QVERIFY(c.isDue().value());
}

void TestAuditCheckpointer::refusesToSignABrokenChain()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(10));
    QVERIFY(checkpointer().checkpoint().ok());
    QVERIFY(append(10));
    const auto changed =
        backend().execRaw(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE id = 14"));
    QVERIFY2(changed.ok(), qPrintable(changed.errorMessage()));
    const auto written = checkpointer().checkpoint();
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Tampered);
    QVERIFY2(written.errorMessage().contains(QStringLiteral("broken at row 14")),
             qPrintable(written.errorMessage()));
    QCOMPARE(checkpointCount(), 1);
}

void TestAuditCheckpointer::refusesToChainToAForgedCheckpoint()
{
    QVERIFY(migrateLatest());
    QVERIFY(append(4));
    auto other = crypto::Ed25519KeyPair::generate();
    QVERIFY(other.ok());
    // Someone with database access but not the site key writes a checkpoint.
    QVERIFY(AuditCheckpointer(db(), m_siteId, other.value()).checkpoint().ok());
    QVERIFY(append(4));
    const auto written = checkpointer().checkpoint();
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Tampered);
    QVERIFY2(written.errorMessage().contains(QStringLiteral("not validly signed")),
             qPrintable(written.errorMessage()));
}

void TestAuditCheckpointer::policyFromTheEnvironment()
{
    qunsetenv("CALLVAULT_AUDIT_CHECKPOINT_ROWS");
    qunsetenv("CALLVAULT_AUDIT_CHECKPOINT_SECONDS");
    auto policy = AuditCheckpointPolicy::fromEnvironment();
    QVERIFY(policy.ok());
    QCOMPARE(policy->everyRows, 1000);
    QCOMPARE(policy->maxAgeMs, 3'600'000);
    qputenv("CALLVAULT_AUDIT_CHECKPOINT_ROWS", "25");
    qputenv("CALLVAULT_AUDIT_CHECKPOINT_SECONDS", "60");
    policy = AuditCheckpointPolicy::fromEnvironment();
    QVERIFY(policy.ok());
    QCOMPARE(policy->everyRows, 25);
    QCOMPARE(policy->maxAgeMs, 60'000);
    qputenv("CALLVAULT_AUDIT_CHECKPOINT_ROWS", "0");
    policy = AuditCheckpointPolicy::fromEnvironment();
    QVERIFY(!policy.ok());
    QVERIFY(policy.errorMessage().contains(QStringLiteral("CALLVAULT_AUDIT_CHECKPOINT_ROWS")));
    qputenv("CALLVAULT_AUDIT_CHECKPOINT_ROWS", "many");
    QVERIFY(!AuditCheckpointPolicy::fromEnvironment().ok());
    qunsetenv("CALLVAULT_AUDIT_CHECKPOINT_ROWS");
    qunsetenv("CALLVAULT_AUDIT_CHECKPOINT_SECONDS");
}

QTEST_GUILESS_MAIN(TestAuditCheckpointer)
#include "tst_auditcheckpointer.moc"
