#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "crypto/ed25519keypair.h"
#include "crypto/x25519keypair.h"

#include <QByteArray>
#include <QString>

namespace cv {

// The site's two key pairs: X25519 to which every recording's data key is wrapped, and
// Ed25519 that signs audit checkpoints and export manifests. The private halves exist only
// on authorized workstations (keychain or passphrase-protected key file).
struct SiteKeys
{
    static constexpr int kPrivateBlobSize = 1 + 32 + 32; // version, X25519 private, Ed25519 seed

    crypto::X25519KeyPair encryption;
    crypto::Ed25519KeyPair signing;

    static Result<SiteKeys> generate();
    static Result<SiteKeys> fromPrivateBlob(const SecretBytes &blob);
    SecretBytes privateBlob() const;
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
