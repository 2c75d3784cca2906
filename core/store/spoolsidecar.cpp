#include "spoolsidecar.h"

#include "store/durablefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace cv {

namespace {
const QString kFormat = QStringLiteral("callvault-spool-sidecar");
constexpr int kVersion = 1;
constexpr qint64 kMaxSidecarSize = 64 * 1024;
} // namespace

QByteArray SpoolSidecar::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = kFormat;
    o[QStringLiteral("version")] = kVersion;
    o[QStringLiteral("recordingId")] = metadata.id.toString(QUuid::WithoutBraces);
    o[QStringLiteral("startedAt")] = metadata.startedAt.toUTC().toString(Qt::ISODateWithMs);
    o[QStringLiteral("direction")] = metadata.direction;
    o[QStringLiteral("agentId")] = metadata.agentId;
    o[QStringLiteral("customerPhone")] = metadata.customerPhone;
    o[QStringLiteral("source")] = metadata.source;
    o[QStringLiteral("suite")] = suite;
    o[QStringLiteral("siteKeyId")] = QString::fromLatin1(siteKeyId.toHex());
    o[QStringLiteral("wrappedKey")] = QString::fromLatin1(wrappedKey.toBase64());
    o[QStringLiteral("sampleRate")] = sampleRate;
    o[QStringLiteral("channels")] = channels;
    o[QStringLiteral("bitrate")] = bitrate;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<SpoolSidecar> SpoolSidecar::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject o = doc.object();
    if (doc.isNull() || o.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::Format, QStringLiteral("Not a CallVault spool sidecar."));
    if (o.value(QStringLiteral("version")).toInt() != kVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("Unknown spool sidecar version."));
    SpoolSidecar s;
    s.metadata.id = QUuid::fromString(o.value(QStringLiteral("recordingId")).toString());
    s.metadata.startedAt = QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    s.metadata.direction = o.value(QStringLiteral("direction")).toString();
    s.metadata.agentId = o.value(QStringLiteral("agentId")).toString();
    s.metadata.customerPhone = o.value(QStringLiteral("customerPhone")).toString();
    s.metadata.source = o.value(QStringLiteral("source")).toString();
    s.suite = o.value(QStringLiteral("suite")).toInt();
    s.siteKeyId = QByteArray::fromHex(o.value(QStringLiteral("siteKeyId")).toString().toLatin1());
    s.wrappedKey = QByteArray::fromBase64(o.value(QStringLiteral("wrappedKey")).toString().toLatin1());
    s.sampleRate = o.value(QStringLiteral("sampleRate")).toInt();
    s.channels = o.value(QStringLiteral("channels")).toInt();
    s.bitrate = o.value(QStringLiteral("bitrate")).toInt();
    if (s.metadata.id.isNull() || !s.metadata.startedAt.isValid() || s.wrappedKey.isEmpty())
        return makeError(ErrorCode::Format, QStringLiteral("The spool sidecar is missing its recording id, start time or key."));
    return s;
}

Result<SpoolSidecar> SpoolSidecar::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    if (file.size() > kMaxSidecarSize)
        return makeError(ErrorCode::Format, QStringLiteral("%1 is too large to be a spool sidecar.").arg(path));
    return fromJson(file.readAll());
}

Result<void> SpoolSidecar::save(const QString &path) const
{
    return durable::writeFileAtomically(path, toJson());
}

} // namespace cv
