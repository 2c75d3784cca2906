#include "keyrepository.h"

#include "catalog/database.h"
#include "catalog/sqlhelpers.h"

#include <QSqlQuery>

namespace cv {

using namespace sqlhelpers;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Columns wrapped_key, suite, site_key_id (the table's and cv_read_wrapped_key()'s).
KeyRow keyRowFrom(const QSqlQuery &query, const QUuid &recordingId)
{
    KeyRow row;
    row.recordingId = recordingId;
    row.wrappedKey = query.value(0).toByteArray();
    row.suite = query.value(1).toInt();
    row.siteKeyId = query.value(2).toString();
    return row;
}

} // namespace

KeyRepository::KeyRepository(Database &db) : m_db(db) {}

Result<void> KeyRepository::insert(const KeyRow &row)
{
    if (row.recordingId.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A key row needs a recording id."));
    auto query = prepare(m_db, QStringLiteral("INSERT INTO recording_keys "
                                              "(recording_id, wrapped_key, suite, site_key_id) "
                                              "VALUES (?, ?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(row.recordingId));
    query->addBindValue(blob(row.wrappedKey));
    query->addBindValue(row.suite);
    query->addBindValue(text(row.siteKeyId));
    return exec(
        query.value(),
        QStringLiteral("Could not save the key of recording %1").arg(idText(row.recordingId)));
}

Result<std::optional<KeyRow>> KeyRepository::find(const QUuid &recordingId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT wrapped_key, suite, site_key_id "
                                              "FROM recording_keys WHERE recording_id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    if (auto r =
            exec(query.value(),
                 QStringLiteral("Could not read the key of recording %1").arg(idText(recordingId)));
        !r)
        return r.error();
    if (!query->next())
        return std::optional<KeyRow>();
    return std::optional<KeyRow>(keyRowFrom(query.value(), recordingId));
}

Result<std::optional<KeyRow>> KeyRepository::findForUse(const QUuid &recordingId, KeyUse use,
                                                        const QString &host,
                                                        const QString &program)
{
    if (!m_db.serverEnforced())
        return find(recordingId);
    auto query = prepare(
        m_db, QStringLiteral("SELECT wrapped_key, suite, site_key_id FROM cv_read_wrapped_key(?, ?, ?, ?)"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    query->addBindValue(use == KeyUse::Export ? QStringLiteral("export") : QStringLiteral("play"));
    query->addBindValue(text(host));
    query->addBindValue(text(program));
    if (auto r =
            exec(query.value(),
                 QStringLiteral("Could not read the key of recording %1").arg(idText(recordingId)));
        !r)
        return r.error();
    if (!query->next())
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("The catalog server did not release the key of recording "
                                        "%1: you may not %2 it, or its key was shredded. The "
                                        "attempt was audited.")
                             .arg(idText(recordingId),
                                  use == KeyUse::Export ? QStringLiteral("export")
                                                        : QStringLiteral("play")));
    KeyRow row = keyRowFrom(query.value(), recordingId);
    query->finish();
    return std::optional<KeyRow>(std::move(row));
}

Result<void> KeyRepository::remove(const QUuid &recordingId)
{
    auto query = prepare(m_db, QStringLiteral("DELETE FROM recording_keys WHERE recording_id = ?"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    if (auto r = exec(
            query.value(),
            QStringLiteral("Could not delete the key of recording %1").arg(idText(recordingId)));
        !r)
        return r;
    if (query->numRowsAffected() == 0)
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("Recording %1 has no key in the catalog.").arg(idText(recordingId)));
    return {};
}

} // namespace cv
