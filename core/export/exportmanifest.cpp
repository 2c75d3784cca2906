#include "exportmanifest.h"

#include "audit/auditsigning.h"
#include "common/bytes.h"
#include "crypto/ed25519keypair.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace cv {

namespace {

const QString kFormat = QStringLiteral("callvault-export-manifest");
constexpr char kMagic[] = "callvault-export-manifest-v1";

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    bytes::appendU32(out, static_cast<std::uint32_t>(utf8.size()));
    out.append(utf8);
}

bool isLowerHex64(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

// Reads fields of an untrusted JSON object; the first problem wins.
struct Reader
{
    QString error;

    void fail(const QString &field, const QString &what)
    {
        if (error.isEmpty())
            error = QStringLiteral("\"%1\" %2").arg(field, what);
    }
    void exactKeys(const QJsonObject &object, const QStringList &keys, const QString &path)
    {
        const QStringList present = object.keys();
        for (const QString &key : present)
            if (!keys.contains(key))
                fail(path + key, QStringLiteral("is not a field of an export manifest"));
        for (const QString &key : keys)
            if (!object.contains(key))
                fail(path + key, QStringLiteral("is missing"));
    }
    QString string(const QJsonObject &object, const QString &key, const QString &path,
                   int maxLength, bool mayBeEmpty = false)
    {
        const QJsonValue v = object.value(key);
        if (!v.isString()) {
            fail(path + key, QStringLiteral("must be a string"));
            return QString();
        }
        const QString s = v.toString();
        if (s.size() > maxLength)
            fail(path + key, QStringLiteral("is longer than %1 characters").arg(maxLength));
        if (!mayBeEmpty && s.trimmed().isEmpty())
            fail(path + key, QStringLiteral("is empty"));
        return s;
    }
    QJsonObject object(const QJsonObject &parent, const QString &key)
    {
        const QJsonValue v = parent.value(key);
        if (!v.isObject())
            fail(key, QStringLiteral("must be an object"));
        return v.toObject();
    }
    QUuid uuid(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QUuid id = QUuid::fromString(string(object, key, path, 36));
        if (id.isNull())
            fail(path + key, QStringLiteral("is not a UUID"));
        return id;
    }
    QDateTime time(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QString text = string(object, key, path, 40);
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid() || ExportManifest::isoUtc(t) != text)
            fail(path + key, QStringLiteral("is not a UTC time like 2026-01-31T08:00:00.000Z"));
        return t.toUTC();
    }
    QString sha256(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QString s = string(object, key, path, 64);
        if (!isLowerHex64(s))
            fail(path + key, QStringLiteral("is not 64 lowercase hex digits"));
        return s;
    }
};

} // namespace

QString ExportManifest::isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QByteArray ExportManifest::canonicalBytes() const
{
    QByteArray out(kMagic, sizeof(kMagic) - 1);
    const QString fields[] = {
        recordingId.toString(QUuid::WithoutBraces),
        siteId.toString(QUuid::WithoutBraces),
        exporterName,
        exporterRole,
        host,
        isoUtc(exportedAt),
        reason,
        fileName,
        fileFormat,
        QString::number(fileSize),
        fileSha256,
        recordingSha256,
        isoUtc(recordingStartedAt),
        recordingAgentId,
        signingKeyFingerprint,
    };
    for (const QString &field : fields)
        appendField(out, field);
    return out;
}

Result<void> ExportManifest::sign(const crypto::Ed25519KeyPair &siteSigningKey)
{
    signingKeyFingerprint = auditsigning::keyFingerprint(siteSigningKey.publicKey());
    auto signed_ = siteSigningKey.sign(canonicalBytes());
    if (!signed_)
        return signed_.error();
    signature = signed_.value();
    return {};
}

Result<void> ExportManifest::verify(const QByteArray &ed25519Public) const
{
    const QString expected = auditsigning::keyFingerprint(ed25519Public);
    if (signingKeyFingerprint != expected)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("The manifest is signed with another key (%1), not this "
                                        "site's signing key (%2).")
                             .arg(signingKeyFingerprint, expected));
    if (signature.size() != auditsigning::kSignatureSize ||
        !crypto::Ed25519KeyPair::verify(ed25519Public, canonicalBytes(), signature))
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("The manifest's signature does not match its contents: "
                                        "it was changed after the site signed it."));
    return {};
}

Result<QString> ExportManifest::sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return makeError(ErrorCode::Io,
                         QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    return QString::fromLatin1(hash.result().toHex());
}

Result<void> ExportManifest::verifyFile(const QString &path) const
{
    const qint64 size = QFile(path).size();
    auto digest = sha256OfFile(path);
    if (!digest)
        return digest.error();
    if (size != fileSize || digest.value() != fileSha256)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("%1 is not the exported file the manifest describes: its "
                                        "SHA-256 is %2, the manifest says %3 (the file was "
                                        "changed or is another file).")
                             .arg(path, digest.value(), fileSha256));
    return {};
}

QByteArray ExportManifest::toJson() const
{
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("recordingId"), recordingId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("siteId"), siteId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("exporter"),
         QJsonObject{{QStringLiteral("user"), exporterName},
                     {QStringLiteral("role"), exporterRole},
                     {QStringLiteral("host"), host}}},
        {QStringLiteral("exportedAt"), isoUtc(exportedAt)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("file"),
         QJsonObject{{QStringLiteral("name"), fileName},
                     {QStringLiteral("format"), fileFormat},
                     {QStringLiteral("size"), double(fileSize)},
                     {QStringLiteral("sha256"), fileSha256}}},
        {QStringLiteral("recording"),
         QJsonObject{{QStringLiteral("sha256"), recordingSha256},
                     {QStringLiteral("startedAt"), isoUtc(recordingStartedAt)},
                     {QStringLiteral("agentId"), recordingAgentId}}},
        {QStringLiteral("signingKeyFingerprint"), signingKeyFingerprint},
        {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<ExportManifest> ExportManifest::fromJson(const QByteArray &json)
{
    if (json.size() > kMaxJsonBytes)
        return makeError(ErrorCode::Format,
                         QStringLiteral("This is not an export manifest: it is larger than any "
                                        "manifest CallVault writes."));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject())
        return makeError(ErrorCode::Format,
                         QStringLiteral("This is not an export manifest: it is not a JSON object "
                                        "(%1).")
                             .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::Format,
                         QStringLiteral("This is not a CallVault export manifest (no \"format\": "
                                        "\"callvault-export-manifest\")."));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != kVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("This export manifest has a version this program does not "
                                        "read; update CallVault."));
    Reader r;
    r.exactKeys(root,
                {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("recordingId"),
                 QStringLiteral("siteId"), QStringLiteral("exporter"), QStringLiteral("exportedAt"),
                 QStringLiteral("reason"), QStringLiteral("file"), QStringLiteral("recording"),
                 QStringLiteral("signingKeyFingerprint"), QStringLiteral("signature")},
                QString());
    ExportManifest m;
    m.recordingId = r.uuid(root, QStringLiteral("recordingId"), QString());
    m.siteId = r.uuid(root, QStringLiteral("siteId"), QString());
    const QJsonObject exporter = r.object(root, QStringLiteral("exporter"));
    const QString ex = QStringLiteral("exporter.");
    r.exactKeys(exporter, {QStringLiteral("user"), QStringLiteral("role"), QStringLiteral("host")}, ex);
    m.exporterName = r.string(exporter, QStringLiteral("user"), ex, 256);
    m.exporterRole = r.string(exporter, QStringLiteral("role"), ex, 256);
    m.host = r.string(exporter, QStringLiteral("host"), ex, 256, true);
    m.exportedAt = r.time(root, QStringLiteral("exportedAt"), QString());
    m.reason = r.string(root, QStringLiteral("reason"), QString(), kMaxReasonLength);
    const QJsonObject file = r.object(root, QStringLiteral("file"));
    const QString fp = QStringLiteral("file.");
    r.exactKeys(file,
                {QStringLiteral("name"), QStringLiteral("format"), QStringLiteral("size"),
                 QStringLiteral("sha256")},
                fp);
    m.fileName = r.string(file, QStringLiteral("name"), fp, 255);
    if (m.fileName.contains(QLatin1Char('/')) || m.fileName.contains(QLatin1Char('\\')))
        r.fail(fp + QStringLiteral("name"), QStringLiteral("must be a file name without a folder"));
    m.fileFormat = r.string(file, QStringLiteral("format"), fp, 8);
    if (m.fileFormat != QLatin1String("opus") && m.fileFormat != QLatin1String("wav"))
        r.fail(fp + QStringLiteral("format"), QStringLiteral("must be \"opus\" or \"wav\""));
    const QJsonValue size = file.value(QStringLiteral("size"));
    const double sizeValue = size.toDouble(-1);
    if (!size.isDouble() || sizeValue < 0 || sizeValue > 9007199254740991.0 ||
        sizeValue != double(qint64(sizeValue)))
        r.fail(fp + QStringLiteral("size"), QStringLiteral("must be a whole number of bytes"));
    else
        m.fileSize = qint64(sizeValue);
    m.fileSha256 = r.sha256(file, QStringLiteral("sha256"), fp);
    const QJsonObject recording = r.object(root, QStringLiteral("recording"));
    const QString rp = QStringLiteral("recording.");
    r.exactKeys(recording,
                {QStringLiteral("sha256"), QStringLiteral("startedAt"), QStringLiteral("agentId")},
                rp);
    m.recordingSha256 = r.string(recording, QStringLiteral("sha256"), rp, 64, true);
    if (!m.recordingSha256.isEmpty() && !isLowerHex64(m.recordingSha256))
        r.fail(rp + QStringLiteral("sha256"), QStringLiteral("is not 64 lowercase hex digits"));
    m.recordingStartedAt = r.time(recording, QStringLiteral("startedAt"), rp);
    m.recordingAgentId = r.string(recording, QStringLiteral("agentId"), rp, 256, true);
    m.signingKeyFingerprint = r.string(root, QStringLiteral("signingKeyFingerprint"), QString(), 100);
    const QString signatureText = r.string(root, QStringLiteral("signature"), QString(), 100);
    const auto decoded = QByteArray::fromBase64Encoding(signatureText.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != auditsigning::kSignatureSize)
        r.fail(QStringLiteral("signature"), QStringLiteral("is not a base64 Ed25519 signature"));
    else
        m.signature = decoded.decoded;
    if (!r.error.isEmpty())
        return makeError(ErrorCode::Format,
                         QStringLiteral("The export manifest is malformed: %1.").arg(r.error));
    return m;
}

} // namespace cv
