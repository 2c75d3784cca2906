#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/ed25519keypair.h"
#include "crypto/x25519keypair.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cv {

// The site's two key pairs: X25519 to which every recording's data key is wrapped, and
// Ed25519 that signs audit checkpoints and export manifests. The private halves exist only
// on authorized workstations (keychain or passphrase-protected key file).
//
// A key rotation (docs/key-rotation.md) replaces the X25519 pair; the previous ones stay in
// `retired` so that data keys still wrapped to them (a rotation under way, a capture node
// that was offline) can be unwrapped and re-wrapped, until an admin destroys them.
struct SiteKeys
{
    // Version 1: version, X25519 private, Ed25519 seed. Version 2 (written only when there
    // are retired keys): the same, then a count byte and that many X25519 private keys.
    static constexpr int kPrivateBlobSize = 1 + 32 + 32;
    static constexpr int kMaxRetiredKeys = 32;
    static constexpr int kMaxPrivateBlobSize = kPrivateBlobSize + 1 + 32 * kMaxRetiredKeys;

    crypto::X25519KeyPair encryption;
    crypto::Ed25519KeyPair signing;
    std::vector<crypto::X25519KeyPair> retired;

    static Result<SiteKeys> generate();
    static Result<SiteKeys> fromPrivateBlob(const SecretBytes &blob);
    SecretBytes privateBlob() const;
    // A second copy (for a worker thread or a player that outlives the session's copy).
    Result<SiteKeys> clone() const;
    // The X25519 pair whose key id (crypto::siteKeyId, 32 bytes) is `keyId`: the current one
    // or a retired one; nullptr if this key ring does not hold it.
    const crypto::X25519KeyPair *encryptionKeyFor(const QByteArray &keyId) const;
};

// What capture nodes and `key fingerprint` see: public halves only.
struct SitePublicKeys
{
    QByteArray encryption; // X25519, 32 bytes
    QByteArray signing;    // Ed25519, 32 bytes

    QByteArray keyId() const; // SHA-256 of the X25519 public key
    // "SHA256:" + 64 hex digits in groups of four, for reading aloud over the phone.
    QString fingerprint() const;
};

SitePublicKeys publicKeysOf(const SiteKeys &keys);

} // namespace cv
