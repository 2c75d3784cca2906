// Audit extracts: built from the catalog for a time range, signed, written as JSON and
// verified on their own; every modification of the file is caught; the exporter refuses
// to sign a tampered trail.
#include "audit/auditcheckpointer.h"
#include "audit/auditexporter.h"
#include "audit/auditextract.h"
#include "audit/auditsigning.h"
#include "audittestsupport.h"
#include "catalog/auditlog.h"
#include "catalogtestsupport.h"
#include "crypto/ed25519keypair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>
#include <memory>

using namespace cv;
using namespace audittest;

namespace {
constexpr qint64 kT0 = 1'772'323'200'000; // 2026-03-01T00:00:00Z
constexpr qint64 kStep = 60'000;          // a row a minute
} // namespace

class TestAuditExtract final : public CatalogTestCase
{
    Q_OBJECT

private:
    // 40 rows, row i (1-based) at kT0 + (i - 1) * kStep; checkpoints at rows 10, 20 and 30.
    bool buildTrail();
    AuditExtract exportRange(qint64 fromMs, qint64 toMs);
    AuditSiteIdentity identity() const
    {
        return AuditSiteIdentity{m_siteId, QStringLiteral("上海呼叫中心"), m_key->publicKey(),
                                 QByteArray(32, '\x07')};
    }

    QUuid m_siteId = QUuid::fromString(QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    std::unique_ptr<crypto::Ed25519KeyPair> m_key;

private slots:
    void initTestCase();
    void roundTripOfARange();
    void wholeTrail();
    void emptyRangeLinksToTheRowBefore();
    void modifiedExtractsFail();
    void reSignedWithAnotherKeyFailsTheFingerprint();
    void canonicalBytesStartAsDocumented();
    void exporterRefusesATamperedTrail();
    void damagedJsonIsRefused();
};

void TestAuditExtract::initTestCase()
{
    auto key = crypto::Ed25519KeyPair::generate();
    QVERIFY(key.ok());
    m_key = std::make_unique<crypto::Ed25519KeyPair>(key.takeValue());
}

bool TestAuditExtract::buildTrail()
{
    if (!migrateLatest())
        return false;
    for (int i = 1; i <= 40; ++i) {
        AuditEvent event =
            catalogtest::makeEvent(i % 2 ? QStringLiteral("play") : QStringLiteral("search"),
                                   QStringLiteral("recording-%1").arg(i));
        event.allowed = i % 5 != 0;
        const auto id = appendRowAt(db(), event, kT0 + (i - 1) * kStep);
        [&] { QVERIFY2(id.ok() && id.value() == i, qPrintable(id.errorMessage())); }();
        if (QTest::currentTestFailed())
            return false;
        if (i % 10 == 0 && i < 40) {
            AuditCheckpointer checkpointer(db(), m_siteId, *m_key);
            const qint64 at = kT0 + i * kStep;
            checkpointer.setClock([at] { return at; });
            const auto written = checkpointer.checkpoint();
            [&] {
                QVERIFY2(written.ok() && written.value(), qPrintable(written.errorMessage()));
            }();
            if (QTest::currentTestFailed())
                return false;
        }
    }
    return true;
}

AuditExtract TestAuditExtract::exportRange(qint64 fromMs, qint64 toMs)
{
    auto extract =
        AuditExporter(db(), identity()).build(fromMs, toMs, QStringLiteral("os:auditor"));
    [&] {
        QVERIFY2(extract.ok(), qPrintable(extract.errorMessage()));
        QVERIFY(extract->sign(*m_key).ok());
    }();
    return extract.ok() ? extract.value() : AuditExtract();
}

void TestAuditExtract::roundTripOfARange()
{
    QVERIFY(buildTrail());
    // Rows 13..25: [12 min, 25 min) after kT0.
    const AuditExtract extract = exportRange(kT0 + 12 * kStep, kT0 + 25 * kStep);
    QCOMPARE(extract.rows.size(), 13);
    QCOMPARE(extract.rows.first().id, 13);
    QCOMPARE(extract.rows.last().id, 25);
    const auto rows = allRows(db());
    QVERIFY(rows.ok());
    QCOMPARE(extract.prevHash, rows->at(11).hash); // row 12
    QCOMPARE(extract.checkpoints.size(), 2);       // on row 20, and the next one (row 30)
    QCOMPARE(extract.checkpoints.at(0).auditRowId, 20);
    QCOMPARE(extract.checkpoints.at(1).auditRowId, 30);

    const AuditExtractVerdict direct = extract.verify();
    QVERIFY2(direct.valid, qPrintable(direct.summary()));

    const QByteArray json = extract.toJson();
    const auto parsed = AuditExtract::fromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->canonicalBytes(), extract.canonicalBytes());
    QCOMPARE(parsed->canonicalDigest(), extract.canonicalDigest());
    const AuditExtractVerdict verdict =
        parsed->verify(auditsigning::keyFingerprint(m_key->publicKey()));
    QVERIFY2(verdict.valid, qPrintable(verdict.summary()));
    QCOMPARE(verdict.rows, 13);
    QCOMPARE(verdict.firstRowId, 13);
    QCOMPARE(verdict.lastRowId, 25);
    QCOMPARE(verdict.checkpoints, 2);
    QCOMPARE(verdict.checkpointsOnRows, 1);
    QCOMPARE(parsed->site.name, QStringLiteral("上海呼叫中心"));
    QCOMPARE(parsed->rows.at(0).details, extract.rows.at(0).details);
    QVERIFY2(verdict.summary().startsWith(
                 QStringLiteral("valid extract: 13 rows (ids 13-25), 2 signed checkpoints "
                                "(1 on rows of the extract)")),
             qPrintable(verdict.summary()));
    // The fingerprint may be given in any case and without separators.
    QVERIFY(parsed->verify(auditsigning::keyId(m_key->publicKey()).toUpper()).valid);
}

void TestAuditExtract::wholeTrail()
{
    QVERIFY(buildTrail());
    const AuditExtract extract = exportRange(0, kT0 + 365LL * 24 * 3600 * 1000);
    QCOMPARE(extract.rows.size(), 40);
    QCOMPARE(extract.prevHash, AuditLog::genesisHash());
    QCOMPARE(extract.checkpoints.size(), 3);
    const AuditExtractVerdict verdict = AuditExtract::fromJson(extract.toJson()).value().verify();
    QVERIFY2(verdict.valid, qPrintable(verdict.summary()));
    QCOMPARE(verdict.checkpointsOnRows, 3);
}

void TestAuditExtract::emptyRangeLinksToTheRowBefore()
{
    QVERIFY(buildTrail());
    // Between row 40 (39 min) and next year: nothing.
    const AuditExtract extract = exportRange(kT0 + 39 * kStep + 1, kT0 + 400 * kStep);
    QVERIFY(extract.rows.isEmpty());
    QVERIFY(extract.checkpoints.isEmpty());
    const auto rows = allRows(db());
    QCOMPARE(extract.prevHash, rows->last().hash);
    const AuditExtractVerdict verdict = AuditExtract::fromJson(extract.toJson()).value().verify();
    QVERIFY2(verdict.valid, qPrintable(verdict.summary()));
    QCOMPARE(verdict.rows, 0);
}

void TestAuditExtract::modifiedExtractsFail()
{
    QVERIFY(buildTrail());
    const AuditExtract extract = exportRange(kT0 + 5 * kStep, kT0 + 35 * kStep); // rows 6..35
    const QJsonObject original = QJsonDocument::fromJson(extract.toJson()).object();
    QVERIFY(AuditExtract::fromJson(extract.toJson()).value().verify().valid);

    using Mutation = std::function<void(QJsonObject &)>;
    auto editRow = [](int index, const std::function<void(QJsonObject &)> &edit) {
        return [index, edit](QJsonObject &root) {
            QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
            QJsonObject row = rows.at(index).toObject();
            edit(row);
            rows[index] = row;
            root[QStringLiteral("rows")] = rows;
        };
    };
    auto flipHex = [](const QString &hex) {
        QString flipped = hex;
        flipped[0] = flipped.at(0) == u'0' ? u'1' : u'0';
        return flipped;
    };
    const QList<std::pair<const char *, Mutation>> mutations = {
        {"row text changed",
         editRow(4, [](QJsonObject &row) { row[QStringLiteral("target")] = QStringLiteral("x"); })},
        {"row result flipped", editRow(0,
                                       [](QJsonObject &row) {
                                           row[QStringLiteral("result")] =
                                               row.value(QStringLiteral("result")).toString() ==
                                                       QLatin1String("allowed")
                                                   ? QStringLiteral("denied")
                                                   : QStringLiteral("allowed");
                                       })},
        {"row time changed", editRow(7,
                                     [](QJsonObject &row) {
                                         row[QStringLiteral("atMs")] =
                                             row.value(QStringLiteral("atMs")).toDouble() + 1;
                                     })},
        {"row removed",
         [](QJsonObject &root) {
             QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
             rows.removeAt(10);
             root[QStringLiteral("rows")] = rows;
         }},
        {"last row removed",
         [](QJsonObject &root) {
             QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
             rows.removeLast();
             root[QStringLiteral("rows")] = rows;
         }},
        {"row duplicated",
         [](QJsonObject &root) {
             QJsonArray rows = root.value(QStringLiteral("rows")).toArray();
             rows.insert(3, rows.at(3));
             root[QStringLiteral("rows")] = rows;
         }},
        {"signature flipped",
         [&](QJsonObject &root) {
             root[QStringLiteral("signature")] =
                 flipHex(root.value(QStringLiteral("signature")).toString());
         }},
        {"checkpoint signature flipped",
         [&](QJsonObject &root) {
             QJsonArray cps = root.value(QStringLiteral("checkpoints")).toArray();
             QJsonObject cp = cps.at(0).toObject();
             cp[QStringLiteral("signature")] =
                 flipHex(cp.value(QStringLiteral("signature")).toString());
             cps[0] = cp;
             root[QStringLiteral("checkpoints")] = cps;
         }},
        {"checkpoint removed",
         [](QJsonObject &root) {
             QJsonArray cps = root.value(QStringLiteral("checkpoints")).toArray();
             cps.removeAt(1);
             root[QStringLiteral("checkpoints")] = cps;
         }},
        {"range changed",
         [](QJsonObject &root) {
             QJsonObject range = root.value(QStringLiteral("range")).toObject();
             range[QStringLiteral("fromMs")] = 0;
             root[QStringLiteral("range")] = range;
         }},
        {"site name changed",
         [](QJsonObject &root) {
             QJsonObject site = root.value(QStringLiteral("site")).toObject();
             site[QStringLiteral("name")] = QStringLiteral("another site");
             root[QStringLiteral("site")] = site;
         }},
        {"prevHash changed",
         [&](QJsonObject &root) {
             root[QStringLiteral("prevHash")] =
                 flipHex(root.value(QStringLiteral("prevHash")).toString());
         }},
    };
    for (const auto &[name, mutate] : mutations) {
        QJsonObject root = original;
        mutate(root);
        const auto parsed = AuditExtract::fromJson(QJsonDocument(root).toJson());
        QVERIFY2(parsed.ok(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name),
                                                                      parsed.errorMessage())));
        const AuditExtractVerdict verdict = parsed->verify();
        QVERIFY2(!verdict.valid,
                 qPrintable(QStringLiteral("accepted with %1").arg(QLatin1String(name))));
        QVERIFY(verdict.summary().startsWith(QStringLiteral("BROKEN: ")));
    }

    // A changed row whose hashes were all recomputed is still caught by the signature.
    AuditExtract forged = extract;
    forged.rows[3].target = QStringLiteral("covered-up");
    QByteArray prev = forged.prevHash;
    for (AuditRow &row : forged.rows) {
        row.prevHash = prev;
        row.hash = AuditLog::chainHash(prev, row);
        prev = row.hash;
    }
    const AuditExtractVerdict relinked = forged.verify();
    QVERIFY(!relinked.valid);
    QVERIFY2(relinked.problem.contains(QStringLiteral("row 10 differs from what checkpoint")),
             qPrintable(relinked.problem));
    forged.checkpoints.clear(); // without the checkpoints, the site's signature still tells
    QVERIFY2(forged.verify().problem.contains(QStringLiteral("signature is invalid")),
             qPrintable(forged.verify().problem));
}

void TestAuditExtract::reSignedWithAnotherKeyFailsTheFingerprint()
{
    QVERIFY(buildTrail());
    AuditExtract extract = exportRange(kT0, kT0 + 8 * kStep); // rows 1..8, no checkpoint on them
    auto mallory = crypto::Ed25519KeyPair::generate();
    QVERIFY(mallory.ok());
    extract.rows[2].target = QStringLiteral("covered-up");
    QByteArray prev = extract.prevHash;
    for (AuditRow &row : extract.rows) {
        row.prevHash = prev;
        row.hash = AuditLog::chainHash(prev, row);
        prev = row.hash;
    }
    extract.checkpoints.clear(); // the site's checkpoint (row 10) would not verify with her key
    extract.site.signingPublicKey = mallory->publicKey();
    QVERIFY(extract.sign(mallory.value()).ok());
    const auto parsed = AuditExtract::fromJson(extract.toJson());
    QVERIFY(parsed.ok());
    // Self-consistent, so only the fingerprint the site gave the auditor tells.
    QVERIFY(parsed->verify().valid);
    const AuditExtractVerdict verdict =
        parsed->verify(auditsigning::keyFingerprint(m_key->publicKey()));
    QVERIFY(!verdict.valid);
    QVERIFY2(verdict.problem.contains(QStringLiteral("not with the expected key")),
             qPrintable(verdict.problem));
}

void TestAuditExtract::canonicalBytesStartAsDocumented()
{
    AuditExtract e;
    e.site = identity();
    e.prevHash = QByteArray(32, '\0');
    const QByteArray bytes = e.canonicalBytes();
    const QByteArray expectedStart = QByteArray("callvault-audit-extract-v1") +
                                     QByteArray::fromHex("00000010") + m_siteId.toRfc4122() +
                                     QByteArray::fromHex("00000012") +
                                     QStringLiteral("上海呼叫中心").toUtf8() +
                                     QByteArray::fromHex("00000020") + m_key->publicKey();
    QVERIFY(bytes.startsWith(expectedStart));
    // ... exported_by "", 3 x u64, prev_hash, 0 rows, 0 checkpoints.
    QCOMPARE(bytes.size(), expectedStart.size() + 4 + 32 + 4 + 8 * 3 + 4 + 32 + 8 + 8);
    QVERIFY(bytes.endsWith(QByteArray(16, '\0')));
}

void TestAuditExtract::exporterRefusesATamperedTrail()
{
    QVERIFY(buildTrail());
    const auto tampered =
        runExternalSql(ExternalCatalog::of(backend().config()),
                       QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE id = 17;"));
    QVERIFY2(tampered.ok(), qPrintable(tampered.errorMessage()));
    const auto extract = AuditExporter(db(), identity())
                             .build(kT0 + 12 * kStep, kT0 + 25 * kStep, QStringLiteral("x"));
    QVERIFY(!extract.ok());
    QCOMPARE(extract.error().code, ErrorCode::Tampered);
    QVERIFY2(extract.errorMessage().contains(QStringLiteral("broken at row 17")),
             qPrintable(extract.errorMessage()));
    // Outside the damage, export still works.
    QVERIFY(AuditExporter(db(), identity())
                .build(kT0 + 20 * kStep, kT0 + 25 * kStep, QStringLiteral("x"))
                .ok());
}

void TestAuditExtract::damagedJsonIsRefused()
{
    QVERIFY(AuditExtract::fromJson("not json").error().code == ErrorCode::Format);
    QVERIFY(AuditExtract::fromJson("{\"format\":\"something-else\"}").error().code ==
            ErrorCode::Format);
    QVERIFY(AuditExtract::fromJson("{\"format\":\"callvault-audit-extract\",\"version\":2}")
                .error()
                .code == ErrorCode::Unsupported);
    AuditExtract e;
    e.site = identity();
    e.prevHash = QByteArray(32, '\0');
    e.signature = QByteArray(64, '\x01');
    QJsonObject root = QJsonDocument::fromJson(e.toJson()).object();
    root[QStringLiteral("prevHash")] = QStringLiteral("zz");
    const auto bad = AuditExtract::fromJson(QJsonDocument(root).toJson());
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errorMessage().contains(QStringLiteral("\"prevHash\"")),
             qPrintable(bad.errorMessage()));
    root = QJsonDocument::fromJson(e.toJson()).object();
    root[QStringLiteral("exportedAtMs")] = 1.5;
    QVERIFY(!AuditExtract::fromJson(QJsonDocument(root).toJson()).ok());
}

QTEST_GUILESS_MAIN(TestAuditExtract)
#include "tst_auditextract.moc"
