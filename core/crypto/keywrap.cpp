#include "crypto/keywrap.h"

#include "common/bytes.h"
#include "crypto/aesgcm.h"
#include "crypto/cryptoutil.h"
#include "crypto/x25519keypair.h"

namespace cv::crypto {

namespace {

constexpr std::uint8_t kVersion = 1;
constexpr int kKeySize = 32;
// Offsets of the fields in a version-1 wrapped key (see keywrap.h).
constexpr int kOffSuite = 1;
constexpr int kOffSiteKeyId = 3;
constexpr int kOffEphemeral = kOffSiteKeyId + kKeySize;    // 35
constexpr int kOffNonce = kOffEphemeral + kKeySize;        // 67: also the length of the AAD prefix
constexpr int kOffCiphertext = kOffNonce + kAeadNonceSize; // 79
constexpr int kCiphertextSize = kKeySize + kAeadTagSize;   // 48
static_assert(kOffCiphertext + kCiphertextSize == kWrappedKeySize, "wrapped key layout");

const char kHkdfInfo[] = "CallVault v1 data key wrap";

// The first 8 bytes of a key id in hex: enough for a person to tell two site keys apart.
QString shortId(const QByteArray &keyId)
{
    return QString::fromLatin1(keyId.left(8).toHex());
}

Result<SecretBytes> deriveKek(const SecretBytes &shared, const QByteArray &ephemeralPublic,
                              const QByteArray &sitePublic)
{
    return hkdfSha256(shared, ephemeralPublic + sitePublic, QByteArray(kHkdfInfo), kKeySize);
}

QByteArray aadFor(const QByteArray &wrapped, const QByteArray &context)
{
    return wrapped.left(kOffNonce) + context;
}

// Version and suite checks shared by parse and unwrap. `sizeCode` is what a wrong total
// length is reported as: Format when asked to describe bytes, Tampered when asked to open
// them (a stored key row that is too short was cut).
Result<WrappedKeyInfo> parseHeader(const QByteArray &wrapped, ErrorCode sizeCode)
{
    if (wrapped.isEmpty())
        return makeError(sizeCode, QStringLiteral("The wrapped data key is empty."));
    WrappedKeyInfo info;
    info.version = bytes::readU8(wrapped.constData());
    if (info.version != kVersion)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral(
                "The wrapped data key has format version %1; this CallVault reads version %2. "
                "Update CallVault to open this recording.")
                .arg(int(info.version))
                .arg(kVersion));
    if (wrapped.size() < kOffSiteKeyId)
        return makeError(
            sizeCode, QStringLiteral("The wrapped data key is cut short (%1 bytes, expected %2).")
                          .arg(wrapped.size())
                          .arg(kWrappedKeySize));
    const std::uint16_t suite = bytes::readU16(wrapped.constData() + kOffSuite);
    info.suite = static_cast<CipherSuite>(suite);
    if (!isSupported(info.suite))
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral(
                "The data key was wrapped with cipher suite %1 (%2), which this CallVault "
                "does not implement.")
                .arg(suite)
                .arg(cipherSuiteName(info.suite)));
    if (wrapped.size() != kWrappedKeySize)
        return makeError(
            sizeCode,
            QStringLiteral("The wrapped data key is %1 bytes; a version-1 key is %2 bytes.")
                .arg(wrapped.size())
                .arg(kWrappedKeySize));
    info.siteKeyId = wrapped.mid(kOffSiteKeyId, kKeySize);
    return info;
}

} // namespace

QByteArray siteKeyId(const QByteArray &siteX25519Public)
{
    return sha256(siteX25519Public);
}

Result<QByteArray> wrapDataKey(const SecretBytes &dataKey, const QByteArray &siteX25519Public,
                               const QByteArray &context)
{
    if (dataKey.size() != static_cast<std::size_t>(kKeySize))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A data key is %1 bytes, got %2.").arg(kKeySize).arg(dataKey.size()));
    if (siteX25519Public.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A site public key is %1 bytes, got %2.")
                             .arg(kKeySize)
                             .arg(siteX25519Public.size()));

    auto ephemeral = X25519KeyPair::generate();
    if (!ephemeral)
        return ephemeral.error();
    auto shared = ephemeral->agree(siteX25519Public);
    if (!shared)
        return makeError(shared.error().code,
                         QStringLiteral("Cannot wrap a data key to this site public key: ") +
                             shared.errorMessage());
    auto kek = deriveKek(shared.value(), ephemeral->publicKey(), siteX25519Public);
    if (!kek)
        return kek.error();
    auto nonce = randomBytes(kAeadNonceSize);
    if (!nonce)
        return nonce.error();

    QByteArray out;
    out.reserve(kWrappedKeySize);
    bytes::appendU8(out, kVersion);
    bytes::appendU16(out, static_cast<std::uint16_t>(CipherSuite::Aes256Gcm));
    out.append(siteKeyId(siteX25519Public));
    out.append(ephemeral->publicKey());
    out.append(nonce.value());

    QByteArray plain = dataKey.toByteArray();
    auto sealed = AesGcm::seal(kek.value(), nonce.value(), aadFor(out, context), plain);
    secureZero(plain);
    if (!sealed)
        return sealed.error();
    out.append(sealed.value());
    Q_ASSERT(out.size() == kWrappedKeySize);
    return out;
}

Result<SecretBytes> unwrapDataKey(const QByteArray &wrapped, const X25519KeyPair &siteKey,
                                  const QByteArray &context)
{
    auto info = parseHeader(wrapped, ErrorCode::Tampered);
    if (!info)
        return info.error();

    const QByteArray sitePublic = siteKey.publicKey();
    const QByteArray ourId = siteKeyId(sitePublic);
    if (!constantTimeEquals(info->siteKeyId, ourId))
        return makeError(
            ErrorCode::KeyUnavailable,
            QStringLiteral("This data key was wrapped to another site key (id %1…); the site key "
                           "available here is %2…. Load the site key with id %1 to open it.")
                .arg(shortId(info->siteKeyId), shortId(ourId)));

    const QByteArray ephemeralPublic = wrapped.mid(kOffEphemeral, kKeySize);
    const QByteArray nonce = wrapped.mid(kOffNonce, kAeadNonceSize);
    const QByteArray ciphertext = wrapped.mid(kOffCiphertext, kCiphertextSize);

    auto shared = siteKey.agree(ephemeralPublic);
    if (!shared) {
        // A small-order ephemeral key can only come from a forged or damaged blob.
        if (shared.error().code == ErrorCode::InvalidArgument)
            return makeError(
                ErrorCode::Tampered,
                QStringLiteral(
                    "The wrapped data key is damaged or forged (invalid ephemeral key)."));
        return shared.error();
    }
    auto kek = deriveKek(shared.value(), ephemeralPublic, sitePublic);
    if (!kek)
        return kek.error();

    auto opened = AesGcm::open(kek.value(), nonce, aadFor(wrapped, context), ciphertext);
    if (!opened) {
        if (opened.error().code == ErrorCode::Tampered)
            return makeError(
                ErrorCode::Tampered,
                QStringLiteral("The wrapped data key failed authentication: it was modified, or it "
                               "belongs to another recording."));
        return opened.error();
    }
    QByteArray plain = opened.takeValue();
    SecretBytes dataKey = SecretBytes::fromByteArray(plain);
    secureZero(plain);
    if (dataKey.size() != static_cast<std::size_t>(kKeySize))
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("The unwrapped data key has the wrong length."));
    return dataKey;
}

Result<WrappedKeyInfo> parseWrappedKey(const QByteArray &wrapped)
{
    return parseHeader(wrapped, ErrorCode::Format);
}

} // namespace cv::crypto
