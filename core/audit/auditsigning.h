#pragma once

#include "catalog/auditcheckpointrepository.h"
#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace cv::crypto {
class Ed25519KeyPair;
}

// The signed byte strings of the audit trail: checkpoints of the chain head and the
// signature of audit extracts (docs/catalog-schema.md, "audit_checkpoints";
// docs/audit-extract.md). Everything is signed with the site's Ed25519 key and checked
// with its public half from site.json, so verifying needs no secret.
namespace cv::auditsigning {

constexpr int kHashSize = 32;
constexpr int kSignatureSize = 64;

// Identifies a signing key: lowercase hex SHA-256 of the 32-byte Ed25519 public key.
QString keyId(const QByteArray &ed25519Public);
// The same digest as "SHA256:" + hex in groups of four, for reading aloud and comparing.
QString keyFingerprint(const QByteArray &ed25519Public);

// What a checkpoint signs (133 bytes):
//   "callvault-audit-checkpoint-v1"   29 ASCII bytes
//   site id                           16 bytes (RFC 4122 byte order)
//   u64 audit_row_id                  big-endian
//   head_hash                         32 bytes
//   u64 row_count
//   u64 at_ms
//   prev_checkpoint_hash              32 bytes (zeros for the first checkpoint)
QByteArray checkpointMessage(const QUuid &siteId, const AuditCheckpointRow &checkpoint);
// SHA-256 of checkpointMessage(): what the next checkpoint names as prev_checkpoint_hash.
QByteArray checkpointDigest(const QUuid &siteId, const AuditCheckpointRow &checkpoint);
// Fills signerKeyId and signature.
Result<void> signCheckpoint(const crypto::Ed25519KeyPair &key, const QUuid &siteId,
                            AuditCheckpointRow &checkpoint);
// True when `checkpoint` carries a valid signature of `ed25519Public` (and names that key).
bool checkpointSignatureValid(const QByteArray &ed25519Public, const QUuid &siteId,
                              const AuditCheckpointRow &checkpoint);

// An audit extract's signature is Ed25519 over "callvault-audit-extract-v1" || digest,
// where digest is SHA-256 of the extract's canonical bytes (AuditExtract::canonicalBytes).
QByteArray extractSignedMessage(const QByteArray &canonicalDigest);

} // namespace cv::auditsigning
