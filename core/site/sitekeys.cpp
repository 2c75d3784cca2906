#include "sitekeys.h"

#include "crypto/keywrap.h"

#include <QStringList>

namespace cv {

namespace {
constexpr unsigned char kBlobVersion = 1;
}

Result<SiteKeys> SiteKeys::generate()
{
    auto enc = crypto::X25519KeyPair::generate();
    if (!enc)
        return enc.error();
    auto sig = crypto::Ed25519KeyPair::generate();
    if (!sig)
        return sig.error();
    return SiteKeys{enc.takeValue(), sig.takeValue()};
}

Result<SiteKeys> SiteKeys::fromPrivateBlob(const SecretBytes &blob)
{
    if (blob.size() != static_cast<std::size_t>(kPrivateBlobSize) || blob.data()[0] != kBlobVersion)
        return makeError(ErrorCode::Format, QStringLiteral("The stored site key is not in a format this program reads."));
    auto enc = crypto::X25519KeyPair::fromPrivateKey(SecretBytes(blob.data() + 1, 32));
    if (!enc)
        return enc.error();
    auto sig = crypto::Ed25519KeyPair::fromPrivateKey(SecretBytes(blob.data() + 33, 32));
    if (!sig)
        return sig.error();
    return SiteKeys{enc.takeValue(), sig.takeValue()};
}

SecretBytes SiteKeys::privateBlob() const
{
    SecretBytes blob(kPrivateBlobSize);
    blob.data()[0] = kBlobVersion;
    std::copy_n(encryption.privateKey().data(), 32, blob.data() + 1);
    std::copy_n(signing.privateKey().data(), 32, blob.data() + 33);
    return blob;
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
