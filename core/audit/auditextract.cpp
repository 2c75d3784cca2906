#include "auditextract.h"

#include "audit/auditsigning.h"
#include "catalog/auditlog.h"
#include "common/bytes.h"
#include "crypto/cryptoutil.h"
#include "crypto/ed25519keypair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace cv {

namespace {

constexpr char kMagic[] = "callvault-audit-extract-v1";
const QString kFormat = QStringLiteral("callvault-audit-extract");
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

using Sink = std::function<void(const QByteArray &)>;

void putU64(const Sink &sink, qint64 value)
{
    QByteArray b;
    bytes::appendU64(b, static_cast<std::uint64_t>(value));
    sink(b);
}

void putBytes(const Sink &sink, const QByteArray &value)
{
    QByteArray b;
    bytes::appendU32(b, static_cast<std::uint32_t>(value.size()));
    sink(b);
    sink(value);
}

void putString(const Sink &sink, const QString &value)
{
    putBytes(sink, value.toUtf8());
}

void writeCanonical(const AuditExtract &e, const Sink &sink)
{
    sink(QByteArray(kMagic, sizeof(kMagic) - 1));
    putBytes(sink, e.site.id.toRfc4122());
    putString(sink, e.site.name);
    putBytes(sink, e.site.signingPublicKey);
    putBytes(sink, e.site.encryptionPublicKey);
    putString(sink, e.exportedBy);
    putU64(sink, e.exportedAtMs);
    putU64(sink, e.fromMs);
    putU64(sink, e.toMs);
    putBytes(sink, e.prevHash);
    putU64(sink, e.rows.size());
    for (const AuditRow &row : e.rows) {
        putU64(sink, row.id);
        putBytes(sink, AuditLog::canonicalRow(row));
        putBytes(sink, row.prevHash);
        putBytes(sink, row.hash);
    }
    putU64(sink, e.checkpoints.size());
    for (const AuditCheckpointRow &cp : e.checkpoints) {
        putU64(sink, cp.id);
        putU64(sink, cp.auditRowId);
        putBytes(sink, cp.headHash);
        putU64(sink, cp.rowCount);
        putU64(sink, cp.atMs);
        putString(sink, cp.signerKeyId);
        putBytes(sink, cp.prevCheckpointHash);
        putBytes(sink, cp.signature);
    }
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

// Strict JSON field readers: the first failure is remembered with the field's path.
class Reader final
{
public:
    QString error;

    QString string(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            fail(path + key, QStringLiteral("is missing or not a string"));
        return v.toString();
    }
    qint64 integer(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > kMaxExactInteger ||
            d != static_cast<double>(static_cast<qint64>(d))) {
            fail(path + key, QStringLiteral("is missing or not a whole number of 0 or more"));
            return 0;
        }
        return static_cast<qint64>(d);
    }
    QByteArray hexBytes(const QJsonObject &o, const QString &key, const QString &path, int size)
    {
        static const QRegularExpression pattern(QStringLiteral("^([0-9a-f]{2})*$"));
        const QString text = string(o, key, path);
        if (!pattern.match(text).hasMatch()) {
            fail(path + key, QStringLiteral("is not lowercase hexadecimal"));
            return {};
        }
        QByteArray bytes = QByteArray::fromHex(text.toLatin1());
        if (size >= 0 && bytes.size() != size)
            fail(path + key,
                 QStringLiteral("must be %1 bytes, not %2").arg(size).arg(bytes.size()));
        return bytes;
    }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path)
    {
        if (!o.value(key).isObject())
            fail(path + key, QStringLiteral("is missing or not an object"));
        return o.value(key).toObject();
    }
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path)
    {
        if (!o.value(key).isArray())
            fail(path + key, QStringLiteral("is missing or not a list"));
        return o.value(key).toArray();
    }
    void fail(const QString &field, const QString &what)
    {
        if (error.isEmpty())
            error = QStringLiteral("\"%1\" %2").arg(field, what);
    }
};

QString normalizedFingerprint(QString text)
{
    text = text.trimmed().toLower();
    if (text.startsWith(QLatin1String("sha256:")))
        text = text.mid(7);
    text.remove(QRegularExpression(QStringLiteral("[^0-9a-f]")));
    return text;
}

} // namespace

QString AuditExtractVerdict::summary() const
{
    if (!valid)
        return QStringLiteral("BROKEN: %1").arg(problem);
    const QString rowsText =
        rows == 0 ? QStringLiteral("0 rows")
                  : QStringLiteral("%1 rows (ids %2-%3)").arg(rows).arg(firstRowId).arg(lastRowId);
    return QStringLiteral("valid extract: %1, %2 signed checkpoints (%3 on rows of the extract), "
                          "signed by site "
                          "\"%4\" (%5) with signing key %6")
        .arg(rowsText)
        .arg(checkpoints)
        .arg(checkpointsOnRows)
        .arg(siteName, siteId.toString(QUuid::WithoutBraces), signingKeyFingerprint);
}

QByteArray AuditExtract::canonicalBytes() const
{
    QByteArray out;
    writeCanonical(*this, [&out](const QByteArray &part) { out.append(part); });
    return out;
}

QByteArray AuditExtract::canonicalDigest() const
{
    crypto::Sha256 hash;
    writeCanonical(*this, [&hash](const QByteArray &part) { hash.addData(part); });
    return hash.result();
}

Result<void> AuditExtract::sign(const crypto::Ed25519KeyPair &siteSigningKey)
{
    if (siteSigningKey.publicKey() != site.signingPublicKey)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "The key given to sign the audit extract is not the site's signing key."));
    auto signed_ = siteSigningKey.sign(auditsigning::extractSignedMessage(canonicalDigest()));
    if (!signed_)
        return signed_.error();
    signature = signed_.value();
    return {};
}

QByteArray AuditExtract::toJson() const
{
    QJsonArray rowArray;
    for (const AuditRow &row : rows)
        rowArray.append(QJsonObject{
            {QStringLiteral("id"), static_cast<double>(row.id)},
            {QStringLiteral("atMs"), static_cast<double>(row.atMs)},
            {QStringLiteral("actor"), row.actor},
            {QStringLiteral("host"), row.host},
            {QStringLiteral("program"), row.program},
            {QStringLiteral("action"), row.action},
            {QStringLiteral("target"), row.target},
            {QStringLiteral("details"), row.details},
            {QStringLiteral("result"),
             row.allowed ? QStringLiteral("allowed") : QStringLiteral("denied")},
            {QStringLiteral("prevHash"), hex(row.prevHash)},
            {QStringLiteral("hash"), hex(row.hash)},
        });
    QJsonArray checkpointArray;
    for (const AuditCheckpointRow &cp : checkpoints)
        checkpointArray.append(QJsonObject{
            {QStringLiteral("id"), static_cast<double>(cp.id)},
            {QStringLiteral("auditRowId"), static_cast<double>(cp.auditRowId)},
            {QStringLiteral("headHash"), hex(cp.headHash)},
            {QStringLiteral("rowCount"), static_cast<double>(cp.rowCount)},
            {QStringLiteral("atMs"), static_cast<double>(cp.atMs)},
            {QStringLiteral("signerKeyId"), cp.signerKeyId},
            {QStringLiteral("prevCheckpointHash"), hex(cp.prevCheckpointHash)},
            {QStringLiteral("signature"), hex(cp.signature)},
        });
    const QJsonObject siteObject{
        {QStringLiteral("id"), site.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), site.name},
        {QStringLiteral("signingPublicKey"), hex(site.signingPublicKey)},
        {QStringLiteral("signingKeyFingerprint"),
         auditsigning::keyFingerprint(site.signingPublicKey)},
        {QStringLiteral("encryptionPublicKey"), hex(site.encryptionPublicKey)},
    };
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("site"), siteObject},
        {QStringLiteral("exportedBy"), exportedBy},
        {QStringLiteral("exportedAtMs"), static_cast<double>(exportedAtMs)},
        {QStringLiteral("range"),
         QJsonObject{{QStringLiteral("fromMs"), static_cast<double>(fromMs)},
                     {QStringLiteral("toMs"), static_cast<double>(toMs)}}},
        {QStringLiteral("prevHash"), hex(prevHash)},
        {QStringLiteral("rows"), rowArray},
        {QStringLiteral("checkpoints"), checkpointArray},
        {QStringLiteral("signature"), hex(signature)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<AuditExtract> AuditExtract::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject())
        return makeError(
            ErrorCode::Format,
            QStringLiteral("This is not an audit extract: it is not a JSON object (%1).")
                .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::Format,
                         QStringLiteral("This is not a CallVault audit extract (no \"format\": "
                                        "\"callvault-audit-extract\")."));
    if (root.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return makeError(
            ErrorCode::Unsupported,
            QStringLiteral("This audit extract has a version this program does not read; "
                           "update CallVault."));
    Reader r;
    AuditExtract e;
    const QJsonObject siteObject = r.object(root, QStringLiteral("site"), QString());
    const QString sitePath = QStringLiteral("site.");
    e.site.id = QUuid::fromString(r.string(siteObject, QStringLiteral("id"), sitePath));
    if (e.site.id.isNull())
        r.fail(QStringLiteral("site.id"), QStringLiteral("is not a UUID"));
    e.site.name = r.string(siteObject, QStringLiteral("name"), sitePath);
    e.site.signingPublicKey =
        r.hexBytes(siteObject, QStringLiteral("signingPublicKey"), sitePath, 32);
    e.site.encryptionPublicKey =
        r.hexBytes(siteObject, QStringLiteral("encryptionPublicKey"), sitePath, 32);
    const QString fingerprint =
        r.string(siteObject, QStringLiteral("signingKeyFingerprint"), sitePath);
    if (r.error.isEmpty() && fingerprint != auditsigning::keyFingerprint(e.site.signingPublicKey))
        r.fail(QStringLiteral("site.signingKeyFingerprint"),
               QStringLiteral("is not the fingerprint of site.signingPublicKey"));
    e.exportedBy = r.string(root, QStringLiteral("exportedBy"), QString());
    e.exportedAtMs = r.integer(root, QStringLiteral("exportedAtMs"), QString());
    const QJsonObject range = r.object(root, QStringLiteral("range"), QString());
    e.fromMs = r.integer(range, QStringLiteral("fromMs"), QStringLiteral("range."));
    e.toMs = r.integer(range, QStringLiteral("toMs"), QStringLiteral("range."));
    e.prevHash = r.hexBytes(root, QStringLiteral("prevHash"), QString(), 32);
    const QJsonArray rows = r.array(root, QStringLiteral("rows"), QString());
    for (int i = 0; i < rows.size() && r.error.isEmpty(); ++i) {
        const QString path = QStringLiteral("rows[%1].").arg(i);
        if (!rows.at(i).isObject()) {
            r.fail(QStringLiteral("rows[%1]").arg(i), QStringLiteral("is not an object"));
            break;
        }
        const QJsonObject o = rows.at(i).toObject();
        AuditRow row;
        row.id = r.integer(o, QStringLiteral("id"), path);
        row.atMs = r.integer(o, QStringLiteral("atMs"), path);
        row.actor = r.string(o, QStringLiteral("actor"), path);
        row.host = r.string(o, QStringLiteral("host"), path);
        row.program = r.string(o, QStringLiteral("program"), path);
        row.action = r.string(o, QStringLiteral("action"), path);
        row.target = r.string(o, QStringLiteral("target"), path);
        row.details = r.string(o, QStringLiteral("details"), path);
        const QString result = r.string(o, QStringLiteral("result"), path);
        if (result != QLatin1String("allowed") && result != QLatin1String("denied"))
            r.fail(path + QStringLiteral("result"),
                   QStringLiteral("must be \"allowed\" or \"denied\""));
        row.allowed = result == QLatin1String("allowed");
        row.prevHash = r.hexBytes(o, QStringLiteral("prevHash"), path, 32);
        row.hash = r.hexBytes(o, QStringLiteral("hash"), path, 32);
        e.rows.append(row);
    }
    const QJsonArray checkpoints = r.array(root, QStringLiteral("checkpoints"), QString());
    for (int i = 0; i < checkpoints.size() && r.error.isEmpty(); ++i) {
        const QString path = QStringLiteral("checkpoints[%1].").arg(i);
        if (!checkpoints.at(i).isObject()) {
            r.fail(QStringLiteral("checkpoints[%1]").arg(i), QStringLiteral("is not an object"));
            break;
        }
        const QJsonObject o = checkpoints.at(i).toObject();
        AuditCheckpointRow cp;
        cp.id = r.integer(o, QStringLiteral("id"), path);
        cp.auditRowId = r.integer(o, QStringLiteral("auditRowId"), path);
        cp.headHash = r.hexBytes(o, QStringLiteral("headHash"), path, 32);
        cp.rowCount = r.integer(o, QStringLiteral("rowCount"), path);
        cp.atMs = r.integer(o, QStringLiteral("atMs"), path);
        cp.signerKeyId = r.string(o, QStringLiteral("signerKeyId"), path);
        cp.prevCheckpointHash = r.hexBytes(o, QStringLiteral("prevCheckpointHash"), path, 32);
        cp.signature = r.hexBytes(o, QStringLiteral("signature"), path, 64);
        e.checkpoints.append(cp);
    }
    e.signature = r.hexBytes(root, QStringLiteral("signature"), QString(), 64);
    if (!r.error.isEmpty())
        return makeError(ErrorCode::Format,
                         QStringLiteral("This audit extract is damaged: %1.").arg(r.error));
    return e;
}

AuditExtractVerdict AuditExtract::verify(const QString &expectedSigningFingerprint) const
{
    AuditExtractVerdict v;
    v.siteId = site.id;
    v.siteName = site.name;
    v.signingKeyFingerprint = auditsigning::keyFingerprint(site.signingPublicKey);
    auto broken = [&v](const QString &problem) {
        v.valid = false;
        v.problem = problem;
        return v;
    };
    if (site.signingPublicKey.size() != 32 || prevHash.size() != auditsigning::kHashSize ||
        signature.size() != auditsigning::kSignatureSize)
        return broken(QStringLiteral(
            "the extract is incomplete (key, prevHash or signature has the wrong size)"));
    if (!expectedSigningFingerprint.isEmpty() &&
        normalizedFingerprint(expectedSigningFingerprint) !=
            auditsigning::keyId(site.signingPublicKey))
        return broken(QStringLiteral("it is signed with key %1, not with the expected key %2")
                          .arg(v.signingKeyFingerprint, expectedSigningFingerprint));

    // The rows: one unbroken run of the chain.
    QByteArray expectedPrev = prevHash;
    qint64 previousId = 0;
    for (const AuditRow &row : rows) {
        if (row.id <= previousId)
            return broken(QStringLiteral("row %1 is out of order (after row %2)")
                              .arg(row.id)
                              .arg(previousId));
        if (row.prevHash != expectedPrev)
            return broken(
                previousId == 0
                    ? QStringLiteral("row %1 does not link to the extract's prevHash").arg(row.id)
                    : QStringLiteral("row %1 does not link to row %2 before it: a row was removed "
                                     "or inserted")
                          .arg(row.id)
                          .arg(previousId));
        if (AuditLog::chainHash(row.prevHash, row) != row.hash)
            return broken(
                QStringLiteral("row %1 was changed (its hash does not match its contents)")
                    .arg(row.id));
        expectedPrev = row.hash;
        previousId = row.id;
    }
    v.rows = rows.size();
    if (!rows.isEmpty()) {
        v.firstRowId = rows.first().id;
        v.lastRowId = rows.last().id;
    }

    // The checkpoints: signed by the site, chained, and matching the rows they cover.
    const AuditCheckpointRow *previous = nullptr;
    qint64 previousOnRowsCount = -1;
    qint64 previousOnRowsId = 0;
    qint64 previousOnRowsCheckpoint = 0;
    for (const AuditCheckpointRow &cp : checkpoints) {
        if (!auditsigning::checkpointSignatureValid(site.signingPublicKey, site.id, cp))
            return broken(
                QStringLiteral(
                    "checkpoint %1 (of row %2) is not validly signed by the site's signing key")
                    .arg(cp.id)
                    .arg(cp.auditRowId));
        if (previous) {
            if (cp.id <= previous->id || cp.auditRowId <= previous->auditRowId)
                return broken(QStringLiteral("checkpoint %1 is out of order").arg(cp.id));
            if (cp.prevCheckpointHash != auditsigning::checkpointDigest(site.id, *previous))
                return broken(
                    QStringLiteral("checkpoint %1 does not follow checkpoint %2 before it")
                        .arg(cp.id)
                        .arg(previous->id));
        }
        previous = &cp;
        if (rows.isEmpty() || cp.auditRowId < v.firstRowId || cp.auditRowId > v.lastRowId)
            continue;
        const auto it =
            std::lower_bound(rows.cbegin(), rows.cend(), cp.auditRowId,
                             [](const AuditRow &row, qint64 id) { return row.id < id; });
        if (it == rows.cend() || it->id != cp.auditRowId)
            return broken(
                QStringLiteral("row %1, which checkpoint %2 signed, is missing from the extract")
                    .arg(cp.auditRowId)
                    .arg(cp.id));
        if (it->hash != cp.headHash)
            return broken(QStringLiteral("row %1 differs from what checkpoint %2 signed")
                              .arg(cp.auditRowId)
                              .arg(cp.id));
        const qint64 index = it - rows.cbegin();
        if (previousOnRowsCount >= 0 &&
            cp.rowCount - previousOnRowsCount != index - previousOnRowsId)
            return broken(
                QStringLiteral(
                    "checkpoint %1 counts %2 rows since checkpoint %3, the extract has %4 "
                    "between them")
                    .arg(cp.id)
                    .arg(cp.rowCount - previousOnRowsCount)
                    .arg(previousOnRowsCheckpoint)
                    .arg(index - previousOnRowsId));
        previousOnRowsCount = cp.rowCount;
        previousOnRowsId = index;
        previousOnRowsCheckpoint = cp.id;
        ++v.checkpointsOnRows;
    }
    v.checkpoints = checkpoints.size();

    if (!crypto::Ed25519KeyPair::verify(site.signingPublicKey,
                                        auditsigning::extractSignedMessage(canonicalDigest()),
                                        signature))
        return broken(QStringLiteral(
            "the extract's signature is invalid: it was changed after it was signed, or "
            "not signed by the site key it names"));
    v.valid = true;
    return v;
}

} // namespace cv
