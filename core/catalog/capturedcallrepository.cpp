#include "capturedcallrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace cv {

namespace {

using namespace sqlhelpers;

struct CompletenessText
{
    Completeness value;
    const char *text;
};

const CompletenessText kCompleteness[] = {
    {Completeness::Complete, "complete"},
    {Completeness::NoRtp, "no_rtp"},
    {Completeness::OneWayRtp, "one_way_rtp"},
    {Completeness::CodecUnsupported, "codec_unsupported"},
    {Completeness::EncryptedSrtp, "encrypted_srtp"},
    {Completeness::StoppedByApi, "stopped_by_api"},
    {Completeness::DiskError, "disk_error"},
    {Completeness::NotAnswered, "not_answered"},
    {Completeness::Recovered, "recovered"},
};

const QString kColumns = QStringLiteral(
    "id, site_id, node, sip_call_id, started_at_ms, ended_at_ms, direction, agent_id, "
    "customer_phone, completeness, recording_id, details, created_at_ms");

Result<CapturedCallRow> readRow(QSqlQuery &q)
{
    CapturedCallRow row;
    row.id = toUuid(q.value(0));
    row.siteId = toUuid(q.value(1));
    row.node = q.value(2).toString();
    row.sipCallId = q.value(3).toString();
    row.startedAt = toUtc(q.value(4));
    row.endedAt = toUtc(q.value(5));
    const auto direction = directionFromText(q.value(6).toString());
    const auto completeness = completenessFromText(q.value(9).toString());
    if (row.id.isNull() || !direction || !completeness)
        return Error{ErrorCode::Format,
                     QStringLiteral("The catalog holds an unreadable captured call (%1)").arg(q.value(0).toString())};
    row.direction = *direction;
    row.agentId = q.value(7).toString();
    row.customerPhone = q.value(8).toString();
    row.completeness = *completeness;
    if (!q.value(10).isNull())
        row.recordingId = toUuid(q.value(10));
    row.details = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object();
    row.createdAt = toUtc(q.value(12));
    return row;
}

} // namespace

QString completenessToText(Completeness completeness)
{
    for (const auto &c : kCompleteness) {
        if (c.value == completeness)
            return QString::fromLatin1(c.text);
    }
    return {};
}

std::optional<Completeness> completenessFromText(const QString &text)
{
    for (const auto &c : kCompleteness) {
        if (text == QLatin1String(c.text))
            return c.value;
    }
    return std::nullopt;
}

Result<void> CapturedCallRepository::insert(const CapturedCallRow &row)
{
    auto q = prepare(m_db, QStringLiteral("INSERT INTO captured_calls (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                               .arg(kColumns));
    if (!q)
        return q.error();
    const QDateTime created = row.createdAt.isValid() ? row.createdAt : QDateTime::currentDateTimeUtc();
    for (const QVariant &v :
         {uuid(row.id), uuid(row.siteId), text(row.node), text(row.sipCallId), msSinceEpoch(row.startedAt),
          msSinceEpoch(row.endedAt), QVariant(directionToText(row.direction)), text(row.agentId),
          text(row.customerPhone), QVariant(completenessToText(row.completeness)),
          row.recordingId ? uuid(*row.recordingId) : QVariant(QMetaType(QMetaType::QString)),
          QVariant(QString::fromUtf8(QJsonDocument(row.details).toJson(QJsonDocument::Compact))),
          msSinceEpoch(created)})
        q->addBindValue(v);
    return exec(q.value(), QStringLiteral("Could not save the captured call %1").arg(row.sipCallId));
}

Result<QVector<CapturedCallRow>> CapturedCallRepository::select(const QString &where, const QVariantList &values,
                                                                 int limit)
{
    auto q = prepare(m_db, QStringLiteral("SELECT %1 FROM captured_calls %2 ORDER BY started_at_ms DESC, id LIMIT ?")
                               .arg(kColumns, where));
    if (!q)
        return q.error();
    for (const QVariant &v : values)
        q->addBindValue(v);
    q->addBindValue(limit);
    if (auto r = exec(q.value(), QStringLiteral("Could not read the captured calls")); !r)
        return r.error();
    return collectRows<CapturedCallRow>(q.value(), readRow);
}

Result<std::optional<CapturedCallRow>> CapturedCallRepository::find(const QUuid &id)
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {uuid(id)}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<CapturedCallRow>{};
    return std::optional<CapturedCallRow>{rows->first()};
}

Result<std::optional<CapturedCallRow>> CapturedCallRepository::forRecording(const QUuid &recordingId)
{
    auto rows = select(QStringLiteral("WHERE recording_id = ?"), {uuid(recordingId)}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<CapturedCallRow>{};
    return std::optional<CapturedCallRow>{rows->first()};
}

Result<QVector<CapturedCallRow>> CapturedCallRepository::latest(int limit, const QString &sipCallId)
{
    if (sipCallId.isEmpty())
        return select({}, {}, limit);
    return select(QStringLiteral("WHERE sip_call_id = ?"), {sipCallId}, limit);
}

} // namespace cv
