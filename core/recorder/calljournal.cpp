#include "calljournal.h"

#include "store/durablefile.h"
#include "store/recordingarchiver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace cv::recorder {

namespace {

const QString kSuffix = QStringLiteral(".call.json");

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

} // namespace

QString CallJournal::pathFor(const QUuid &id) const
{
    return QDir(m_dir).filePath(id.toString(QUuid::WithoutBraces) + kSuffix);
}

QJsonObject CallJournal::toJson(const CapturedCallRow &row)
{
    QJsonObject o{
        {QStringLiteral("id"), row.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("siteId"), row.siteId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("node"), row.node},
        {QStringLiteral("sipCallId"), row.sipCallId},
        {QStringLiteral("startedAtMs"), static_cast<double>(ms(row.startedAt))},
        {QStringLiteral("endedAtMs"), static_cast<double>(ms(row.endedAt))},
        {QStringLiteral("direction"), directionToText(row.direction)},
        {QStringLiteral("agentId"), row.agentId},
        {QStringLiteral("customerPhone"), row.customerPhone},
        {QStringLiteral("completeness"), completenessToText(row.completeness)},
        {QStringLiteral("details"), row.details},
    };
    if (row.recordingId)
        o.insert(QStringLiteral("recordingId"), row.recordingId->toString(QUuid::WithoutBraces));
    return o;
}

Result<CapturedCallRow> CallJournal::fromJson(const QJsonObject &o)
{
    CapturedCallRow row;
    row.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    row.siteId = QUuid::fromString(o.value(QStringLiteral("siteId")).toString());
    row.node = o.value(QStringLiteral("node")).toString();
    row.sipCallId = o.value(QStringLiteral("sipCallId")).toString();
    row.startedAt = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(o.value(QStringLiteral("startedAtMs")).toDouble()), Qt::UTC);
    row.endedAt = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(o.value(QStringLiteral("endedAtMs")).toDouble()), Qt::UTC);
    const auto direction = directionFromText(o.value(QStringLiteral("direction")).toString());
    const auto completeness = completenessFromText(o.value(QStringLiteral("completeness")).toString());
    if (row.id.isNull() || row.siteId.isNull() || row.node.isEmpty() || !direction || !completeness ||
        row.endedAt < row.startedAt)
        return Error{ErrorCode::Format, QStringLiteral("not a call journal of this recorder")};
    row.direction = *direction;
    row.completeness = *completeness;
    row.agentId = o.value(QStringLiteral("agentId")).toString();
    row.customerPhone = o.value(QStringLiteral("customerPhone")).toString();
    if (o.contains(QStringLiteral("recordingId")))
        row.recordingId = QUuid::fromString(o.value(QStringLiteral("recordingId")).toString());
    row.details = o.value(QStringLiteral("details")).toObject();
    return row;
}

Result<void> CallJournal::write(const CapturedCallRow &row, bool final)
{
    QJsonObject o = toJson(row);
    o.insert(QStringLiteral("final"), final);
    return durable::writeFileAtomically(pathFor(row.id), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<CallJournal::Entry> CallJournal::read(const QUuid &id) const
{
    QFile file(pathFor(id));
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no call journal for %1").arg(id.toString(QUuid::WithoutBraces))};
    // A journal is a few kilobytes; anything much larger is not ours.
    const QByteArray bytes = file.read(1 << 20);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject())
        return Error{ErrorCode::Format, QStringLiteral("%1: %2").arg(file.fileName(), error.errorString())};
    auto row = fromJson(doc.object());
    if (!row)
        return Error{row.error().code, QStringLiteral("%1: %2").arg(file.fileName(), row.errorMessage())};
    if (row->id != id)
        return Error{ErrorCode::Format, QStringLiteral("%1 names another call").arg(file.fileName())};
    return Entry{row.takeValue(), doc.object().value(QStringLiteral("final")).toBool()};
}

void CallJournal::remove(const QUuid &id) const
{
    QFile::remove(pathFor(id));
}

QVector<QUuid> CallJournal::pending() const
{
    QFileInfoList files = QDir(m_dir).entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files);
    std::sort(files.begin(), files.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    QVector<QUuid> ids;
    for (const QFileInfo &f : files) {
        const QUuid id = QUuid::fromString(f.fileName().chopped(kSuffix.size()));
        if (!id.isNull())
            ids << id;
    }
    return ids;
}

} // namespace cv::recorder
