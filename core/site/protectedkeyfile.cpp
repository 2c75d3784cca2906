#include "protectedkeyfile.h"

#include "crypto/aesgcm.h"
#include "crypto/cryptoutil.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

namespace {
const QString kFormat = QStringLiteral("callvault-protected-key");
constexpr int kVersion = 1;
constexpr std::uint64_t kMaxN = 1u << 22; // refuse files that would ask for > 4 GiB

QByteArray associatedData(const QUuid &siteId, const QByteArray &keyId, const crypto::ScryptParams &p)
{
    // Binds the ciphertext to its clear fields: swapping public keys or lowering the scrypt
    // cost in the JSON makes decryption fail.
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(kFormat)
        .arg(kVersion)
        .arg(siteId.toString(QUuid::WithoutBraces), QString::fromLatin1(keyId.toHex()))
        .arg(p.n)
        .arg(p.r)
        .arg(p.p)
        .toUtf8();
}

struct Parsed
{
    QJsonObject root;
    QUuid siteId;
    SitePublicKeys publicKeys;
    crypto::ScryptParams params;
    QByteArray salt, nonce, ciphertext;
};

Result<Parsed> parse(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::Format, QStringLiteral("This is not a CallVault key file or key backup."));
    if (o.value(QStringLiteral("version")).toInt() != kVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("This key file has a version this program does not read."));
    Parsed p;
    p.root = o;
    p.siteId = QUuid::fromString(o.value(QStringLiteral("siteId")).toString());
    p.publicKeys.encryption = QByteArray::fromBase64(o.value(QStringLiteral("x25519Public")).toString().toLatin1());
    p.publicKeys.signing = QByteArray::fromBase64(o.value(QStringLiteral("ed25519Public")).toString().toLatin1());
    const QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
    // JSON numbers are doubles: range-check before converting (a huge or negative value
    // would be undefined behaviour to cast); 0 then fails the parameter check below.
    const double n = kdf.value(QStringLiteral("n")).toDouble();
    p.params.n = n >= 2 && n <= static_cast<double>(kMaxN) ? static_cast<std::uint64_t>(n) : 0;
    p.params.r = static_cast<std::uint32_t>(kdf.value(QStringLiteral("r")).toInt());
    p.params.p = static_cast<std::uint32_t>(kdf.value(QStringLiteral("p")).toInt());
    p.salt = QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
    p.nonce = QByteArray::fromBase64(o.value(QStringLiteral("nonce")).toString().toLatin1());
    p.ciphertext = QByteArray::fromBase64(o.value(QStringLiteral("ciphertext")).toString().toLatin1());
    if (kdf.value(QStringLiteral("name")).toString() != QLatin1String("scrypt") || p.params.n < 2 || p.params.n > kMaxN
        || (p.params.n & (p.params.n - 1)) != 0 || p.params.r < 1 || p.params.r > 32 || p.params.p < 1
        || p.params.p > 16 || p.salt.size() < 16 || p.nonce.size() != crypto::kAeadNonceSize
        || p.ciphertext.size() < SiteKeys::kPrivateBlobSize + crypto::kAeadTagSize
        || p.ciphertext.size() > SiteKeys::kMaxPrivateBlobSize + crypto::kAeadTagSize || p.siteId.isNull()
        || p.publicKeys.encryption.size() != 32 || p.publicKeys.signing.size() != 32)
        return makeError(ErrorCode::Format, QStringLiteral("The key file is damaged or incomplete."));
    return p;
}
} // namespace

Result<QByteArray> ProtectedKeyFile::seal(const SiteKeys &keys, const QUuid &siteId, const QByteArray &passphrase,
                                          const crypto::ScryptParams &params)
{
    if (passphrase.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The passphrase must not be empty."));
    auto salt = crypto::randomBytes(16);
    auto nonce = crypto::randomBytes(crypto::kAeadNonceSize);
    if (!salt || !nonce)
        return makeError(ErrorCode::Crypto, QStringLiteral("The random number generator failed."));
    auto kek = crypto::scrypt(passphrase, salt.value(), params, crypto::kAeadKeySize);
    if (!kek)
        return kek.error();
    const SitePublicKeys pub = publicKeysOf(keys);
    const SecretBytes blob = keys.privateBlob();
    QByteArray plain = blob.toByteArray();
    auto sealed = crypto::AesGcm::seal(kek.value(), nonce.value(), associatedData(siteId, pub.keyId(), params), plain);
    crypto::secureZero(plain);
    if (!sealed)
        return sealed.error();

    QJsonObject kdf;
    kdf[QStringLiteral("name")] = QStringLiteral("scrypt");
    kdf[QStringLiteral("n")] = static_cast<double>(params.n);
    kdf[QStringLiteral("r")] = static_cast<int>(params.r);
    kdf[QStringLiteral("p")] = static_cast<int>(params.p);
    kdf[QStringLiteral("salt")] = QString::fromLatin1(salt.value().toBase64());
    QJsonObject o;
    o[QStringLiteral("format")] = kFormat;
    o[QStringLiteral("version")] = kVersion;
    o[QStringLiteral("siteId")] = siteId.toString(QUuid::WithoutBraces);
    o[QStringLiteral("keyId")] = QString::fromLatin1(pub.keyId().toHex());
    o[QStringLiteral("x25519Public")] = QString::fromLatin1(pub.encryption.toBase64());
    o[QStringLiteral("ed25519Public")] = QString::fromLatin1(pub.signing.toBase64());
    o[QStringLiteral("kdf")] = kdf;
    o[QStringLiteral("cipher")] = QStringLiteral("AES-256-GCM");
    o[QStringLiteral("nonce")] = QString::fromLatin1(nonce.value().toBase64());
    o[QStringLiteral("ciphertext")] = QString::fromLatin1(sealed.value().toBase64());
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<SitePublicKeys> ProtectedKeyFile::peek(const QByteArray &json, QUuid *siteId)
{
    auto parsed = parse(json);
    if (!parsed)
        return parsed.error();
    if (siteId)
        *siteId = parsed->siteId;
    return parsed->publicKeys;
}

Result<SiteKeys> ProtectedKeyFile::open(const QByteArray &json, const QByteArray &passphrase, QUuid *siteId)
{
    auto parsed = parse(json);
    if (!parsed)
        return parsed.error();
    const Parsed &p = parsed.value();
    auto kek = crypto::scrypt(passphrase, p.salt, p.params, crypto::kAeadKeySize);
    if (!kek)
        return kek.error();
    auto plain = crypto::AesGcm::open(kek.value(), p.nonce, associatedData(p.siteId, p.publicKeys.keyId(), p.params),
                                      p.ciphertext);
    if (!plain)
        return makeError(ErrorCode::WrongPassphrase,
                         QStringLiteral("The passphrase is wrong, or the key file was modified."));
    const SecretBytes blob = SecretBytes::fromByteArray(plain.value());
    crypto::secureZero(plain.value());
    auto keys = SiteKeys::fromPrivateBlob(blob);
    if (!keys)
        return keys.error();
    const SitePublicKeys derived = publicKeysOf(keys.value());
    if (!crypto::constantTimeEquals(derived.encryption, p.publicKeys.encryption)
        || !crypto::constantTimeEquals(derived.signing, p.publicKeys.signing))
        return makeError(ErrorCode::Tampered, QStringLiteral("The key file's public keys do not match its private keys."));
    if (siteId)
        *siteId = p.siteId;
    return keys;
}

} // namespace cv
