#pragma once

#include "catalog/keyrotationrepository.h"
#include "common/result.h"

#include <QByteArray>
#include <QUuid>

namespace cv {

namespace crypto {
class Ed25519KeyPair;
}

// The signed record of a finished key rotation (docs/key-rotation.md): the site's Ed25519
// key signs which X25519 key replaced which, who started it, when it began and ended, and
// how many data keys this run of re-wrapping changed. An auditor checks it with the site's
// signing public key alone.
namespace keyrotationrecord {

// The exact bytes that are signed: a fixed label, then the fields one per line.
QByteArray signedBytes(const QUuid &siteId, const KeyRotationRow &row);
Result<QByteArray> sign(const QUuid &siteId, const KeyRotationRow &row, const crypto::Ed25519KeyPair &signing);
bool verify(const QUuid &siteId, const KeyRotationRow &row, const QByteArray &signingPublicKey);

} // namespace keyrotationrecord

} // namespace cv
