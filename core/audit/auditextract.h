#pragma once

#include "catalog/auditcheckpointrepository.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>
#include <QVector>

namespace cv {

namespace crypto {
class Ed25519KeyPair;
}

// Who the extract is from: enough to check its signatures and to compare fingerprints.
struct AuditSiteIdentity
{
    QUuid id;
    QString name;
    QByteArray signingPublicKey;    // Ed25519, 32 bytes
    QByteArray encryptionPublicKey; // X25519, 32 bytes (names the site: `key fingerprint`)
};

// What AuditExtract::verify() found.
struct AuditExtractVerdict
{
    bool valid = false;
    QString problem; // the first thing wrong, when not valid
    qint64 rows = 0;
    qint64 firstRowId = 0;
    qint64 lastRowId = 0;
    qint64 checkpoints = 0;       // signed checkpoints in the file, all verified
    qint64 checkpointsOnRows = 0; // of which cover a row of the extract (head hash checked)
    QString signingKeyFingerprint;
    QString siteName;
    QUuid siteId;

    // "valid extract: ..." or "BROKEN: ...".
    QString summary() const;
};

// A signed, self-contained extract of the audit trail for an external auditor
// (docs/audit-extract.md): a contiguous run of rows with their hashes, the prev_hash of
// the first row, the signed checkpoints on those rows and the first one after them, the
// site's public keys, and an Ed25519 signature of the site over all of it. verify() needs
// nothing but the file.
struct AuditExtract
{
    static constexpr int kVersion = 1;

    AuditSiteIdentity site;
    QString exportedBy;
    qint64 exportedAtMs = 0;
    qint64 fromMs = 0; // the requested range [fromMs, toMs)
    qint64 toMs = 0;
    QByteArray prevHash; // prev_hash of the first row (32 bytes)
    QVector<AuditRow> rows;
    QVector<AuditCheckpointRow> checkpoints;
    QByteArray signature; // 64 bytes

    // The bytes the signature covers (docs/audit-extract.md, "Canonical bytes").
    QByteArray canonicalBytes() const;
    // SHA-256 of canonicalBytes(), computed without holding them.
    QByteArray canonicalDigest() const;
    // Signs with the site key; fails if it is not the key named in `site`.
    Result<void> sign(const crypto::Ed25519KeyPair &siteSigningKey);

    QByteArray toJson() const;
    // ErrorCode::Format with the field that is wrong.
    static Result<AuditExtract> fromJson(const QByteArray &json);

    // Checks rows, links, hashes, checkpoints and the signature. With
    // `expectedSigningFingerprint` (as keyFingerprint() prints it; case, "SHA256:" and
    // separators do not matter) the signing key must be that one.
    AuditExtractVerdict verify(const QString &expectedSigningFingerprint = QString()) const;
};

} // namespace cv
