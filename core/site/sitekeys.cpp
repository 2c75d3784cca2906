#include "sitekeys.h"

#include "crypto/keywrap.h"

#include <QStringList>

namespace cv {

namespace {
constexpr unsigned char kBlobVersion = 1;
constexpr unsigned char kBlobVersionWithRetired = 2;
} // namespace

Result<SiteKeys> SiteKeys::generate()
{
    auto enc = crypto::X25519KeyPair::generate();
    if (!enc)
        return enc.error();
    auto sig = crypto::Ed25519KeyPair::generate();
    if (!sig)
        return sig.error();
    return SiteKeys{enc.takeValue(), sig.takeValue(), {}};
}

Result<SiteKeys> SiteKeys::fromPrivateBlob(const SecretBytes &blob)
{
    const auto size = blob.size();
    const auto unreadable = [] {
        return makeError(ErrorCode::Format, QStringLiteral("The stored site key is not in a format this program reads."));
    };
    if (size < static_cast<std::size_t>(kPrivateBlobSize))
        return unreadable();
    const unsigned char version = blob.data()[0];
    std::size_t retiredCount = 0;
    if (version == kBlobVersion) {
        if (size != static_cast<std::size_t>(kPrivateBlobSize))
            return unreadable();
    } else if (version == kBlobVersionWithRetired) {
        if (size < static_cast<std::size_t>(kPrivateBlobSize) + 1)
            return unreadable();
        retiredCount = blob.data()[kPrivateBlobSize];
        if (retiredCount == 0 || retiredCount > static_cast<std::size_t>(kMaxRetiredKeys)
            || size != static_cast<std::size_t>(kPrivateBlobSize) + 1 + 32 * retiredCount)
            return unreadable();
    } else {
        return unreadable();
    }
    auto enc = crypto::X25519KeyPair::fromPrivateKey(SecretBytes(blob.data() + 1, 32));
    if (!enc)
        return enc.error();
    auto sig = crypto::Ed25519KeyPair::fromPrivateKey(SecretBytes(blob.data() + 33, 32));
    if (!sig)
        return sig.error();
    SiteKeys keys{enc.takeValue(), sig.takeValue(), {}};
    for (std::size_t i = 0; i < retiredCount; ++i) {
        auto old = crypto::X25519KeyPair::fromPrivateKey(
            SecretBytes(blob.data() + kPrivateBlobSize + 1 + 32 * i, 32));
        if (!old)
            return old.error();
        keys.retired.push_back(old.takeValue());
    }
    return keys;
}

SecretBytes SiteKeys::privateBlob() const
{
    const std::size_t count = retired.size();
    SecretBytes blob(kPrivateBlobSize + (count == 0 ? 0 : 1 + 32 * count));
    blob.data()[0] = count == 0 ? kBlobVersion : kBlobVersionWithRetired;
    std::copy_n(encryption.privateKey().data(), 32, blob.data() + 1);
    std::copy_n(signing.privateKey().data(), 32, blob.data() + 33);
    if (count > 0) {
        // kMaxRetiredKeys bounds it; SiteKeyRotation refuses a rotation beyond it.
        blob.data()[kPrivateBlobSize] = static_cast<unsigned char>(count);
        for (std::size_t i = 0; i < count; ++i)
            std::copy_n(retired[i].privateKey().data(), 32, blob.data() + kPrivateBlobSize + 1 + 32 * i);
    }
    return blob;
}

Result<SiteKeys> SiteKeys::clone() const
{
    return fromPrivateBlob(privateBlob());
}

const crypto::X25519KeyPair *SiteKeys::encryptionKeyFor(const QByteArray &keyId) const
{
    if (crypto::siteKeyId(encryption.publicKey()) == keyId)
        return &encryption;
    for (const auto &old : retired)
        if (crypto::siteKeyId(old.publicKey()) == keyId)
            return &old;
    return nullptr;
}

QByteArray SitePublicKeys::keyId() const
{
    return crypto::siteKeyId(encryption);
}

QString SitePublicKeys::fingerprint() const
{
    const QString hex = QString::fromLatin1(keyId().toHex());
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return QStringLiteral("SHA256:") + groups.join(QLatin1Char(':'));
}

SitePublicKeys publicKeysOf(const SiteKeys &keys)
{
    return SitePublicKeys{keys.encryption.publicKey(), keys.signing.publicKey()};
}

} // namespace cv
