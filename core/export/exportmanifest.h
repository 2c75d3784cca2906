#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace cv {

namespace crypto {
class Ed25519KeyPair;
}

// The signed sidecar of an exported recording, `<file>.manifest.json`
// (docs/export-manifest.md): who exported which recording, when and why, and the SHA-256 of
// the exported file, signed with the site's Ed25519 key. Anyone holding site.json (the
// public half) can check it: `callvaultctl verify-manifest`.
struct ExportManifest
{
    static constexpr int kVersion = 1;
    static constexpr qint64 kMaxJsonBytes = 64 * 1024;
    static constexpr int kMaxReasonLength = 2000;

    QUuid recordingId;
    QUuid siteId;
    QString exporterName;
    QString exporterRole;
    QString host;
    QDateTime exportedAt; // UTC, millisecond precision
    QString reason;
    QString fileName; // no directory
    QString fileFormat; // "opus" or "wav"
    qint64 fileSize = 0;
    QString fileSha256; // 64 lowercase hex digits
    QString recordingSha256; // the stored (encrypted) container's SHA-256, for context
    QDateTime recordingStartedAt; // UTC
    QString recordingAgentId;
    QString signingKeyFingerprint; // auditsigning::keyFingerprint of the signing key
    QByteArray signature;          // Ed25519, 64 bytes

    // The bytes the signature covers (docs/export-manifest.md, "Canonical bytes").
    QByteArray canonicalBytes() const;
    // Sets signingKeyFingerprint and signature.
    Result<void> sign(const crypto::Ed25519KeyPair &siteSigningKey);
    // ErrorCode::Tampered with the reason when the manifest is not signed by `publicKey`
    // (another key named, or a signature that does not match the contents).
    Result<void> verify(const QByteArray &ed25519Public) const;
    // ErrorCode::Tampered when the file at `path` is not the one described (size, SHA-256).
    Result<void> verifyFile(const QString &path) const;

    QByteArray toJson() const;
    // Strict: unknown or missing fields, wrong types and out-of-range values are
    // ErrorCode::Format naming the field. For untrusted input.
    static Result<ExportManifest> fromJson(const QByteArray &json);

    // "2026-11-28T09:45:04.123Z"
    static QString isoUtc(const QDateTime &time);
    // Lowercase hex SHA-256 of a file, read in blocks.
    static Result<QString> sha256OfFile(const QString &path);
};

} // namespace cv
