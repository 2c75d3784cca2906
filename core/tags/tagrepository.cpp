#include "tags/tagrepository.h"

#include "auth/authtext.h"
#include "catalog/database.h"
#include "catalog/sqlhelpers.h"
#include "catalog/transactionguard.h"

#include <QSqlQuery>
#include <algorithm>

namespace cv {

using namespace sqlhelpers;

namespace {

// pg_advisory_xact_lock key serializing the creation of tags ("CVTAGNAM" in ASCII).
constexpr const char *kTagLockSql = "SELECT pg_advisory_xact_lock(4852158287884206413)";

constexpr const char *kTagColumns = "t.id, t.name, t.created_by, t.created_at_ms";

TagRow readTag(const QSqlQuery &query)
{
    TagRow row;
    row.id = query.value(0).toLongLong();
    row.name = query.value(1).toString();
    row.createdBy = query.value(2).toString();
    row.createdAtMs = query.value(3).toLongLong();
    return row;
}

bool byName(const TagRow &a, const TagRow &b)
{
    const QString ka = TagName::foldKey(a.name);
    const QString kb = TagName::foldKey(b.name);
    if (ka != kb)
        return ka < kb;
    if (a.name != b.name)
        return a.name < b.name;
    return a.id < b.id;
}

} // namespace

TagRepository::TagRepository(Database &db) : m_db(db) {}

Result<std::optional<TagRow>> TagRepository::find(const TagName &name)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1 FROM tags t "
                                              "WHERE lower(t.name) = lower(CAST(? AS TEXT)) "
                                              "ORDER BY t.id")
                                   .arg(QLatin1String(kTagColumns)));
    if (!query)
        return query.error();
    query->addBindValue(name.text());
    if (auto r =
            exec(query.value(),
                 QStringLiteral("Could not look up tag %1").arg(authtext::forAudit(name.text())));
        !r)
        return r.error();
    std::optional<TagRow> found;
    while (query->next()) {
        const TagRow row = readTag(query.value());
        if (row.name == name.text())
            return std::optional<TagRow>(row);
        if (!found && name.matches(row.name))
            found = row;
    }
    return found;
}

Result<TagRow> TagRepository::findOrCreate(const TagName &name, const QString &createdBy,
                                           qint64 nowMs, bool *created)
{
    if (created)
        *created = false;
    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (m_db.kind() == Database::Kind::Postgres) {
        auto lock = prepare(m_db, QString::fromLatin1(kTagLockSql));
        if (!lock)
            return lock.error();
        if (auto r = exec(lock.value(), QStringLiteral("Could not lock the catalog's tags")); !r)
            return r.error();
    }
    auto existing = find(name);
    if (!existing)
        return existing.error();
    if (existing.value())
        return *existing.value();
    TagRow row;
    row.name = name.text();
    row.createdBy = createdBy;
    row.createdAtMs = nowMs;
    {
        auto insert = prepare(m_db, QStringLiteral("INSERT INTO tags (name, created_by, "
                                                   "created_at_ms) VALUES (?, ?, ?) RETURNING id"));
        if (!insert)
            return insert.error();
        insert->addBindValue(row.name);
        insert->addBindValue(text(createdBy));
        insert->addBindValue(static_cast<qlonglong>(nowMs));
        if (auto r = exec(insert.value(),
                          QStringLiteral("Could not add tag %1").arg(authtext::forAudit(row.name)));
            !r)
            return r.error();
        if (!insert->next())
            return makeError(ErrorCode::Database,
                             QStringLiteral("The catalog returned no id for the new tag."));
        row.id = insert->value(0).toLongLong();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (created)
        *created = true;
    return row;
}

Result<QVector<TagRow>> TagRepository::list(const QString &prefix, int limit)
{
    // A prefix no tag name can start with (too long, broken text) matches nothing; it is
    // not an error for a completion list.
    if (authtext::hasForbiddenCharacters(prefix) ||
        authtext::codePoints(prefix) > TagName::kMaxLength || limit <= 0)
        return QVector<TagRow>();
    const bool all = prefix.isEmpty();
    // substr() and lower() count and fold the same way in both dialects for ASCII; the
    // exact rule is applied below.
    auto query =
        prepare(m_db, all ? QStringLiteral("SELECT %1 FROM tags t").arg(QLatin1String(kTagColumns))
                          : QStringLiteral("SELECT %1 FROM tags t WHERE substr(lower(t.name), 1, "
                                           "?) = lower(CAST(? AS TEXT))")
                                .arg(QLatin1String(kTagColumns)));
    if (!query)
        return query.error();
    if (!all) {
        query->addBindValue(authtext::codePoints(prefix));
        query->addBindValue(prefix);
    }
    if (auto r = exec(query.value(), QStringLiteral("Could not list the tags")); !r)
        return r.error();
    const QString key = TagName::foldKey(prefix);
    QVector<TagRow> rows;
    while (query->next()) {
        TagRow row = readTag(query.value());
        if (TagName::foldKey(row.name).startsWith(key))
            rows.append(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), byName);
    if (rows.size() > limit)
        rows.resize(limit);
    return rows;
}

Result<bool> TagRepository::link(const QUuid &recordingId, qint64 tagId, qint64 startedAtMs,
                                 const QString &taggedBy, qint64 nowMs)
{
    auto query = prepare(
        m_db, QStringLiteral("INSERT INTO recording_tags (recording_id, tag_id, started_at_ms, "
                             "tagged_by, tagged_at_ms) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (recording_id, tag_id) DO NOTHING RETURNING tag_id"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    query->addBindValue(static_cast<qlonglong>(tagId));
    query->addBindValue(static_cast<qlonglong>(startedAtMs));
    query->addBindValue(text(taggedBy));
    query->addBindValue(static_cast<qlonglong>(nowMs));
    if (auto r = exec(query.value(), QStringLiteral("Could not tag recording %1")
                                         .arg(recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    return query->next();
}

Result<bool> TagRepository::unlink(const QUuid &recordingId, qint64 tagId)
{
    auto query = prepare(m_db, QStringLiteral("DELETE FROM recording_tags WHERE recording_id = ? "
                                              "AND tag_id = ? RETURNING tag_id"));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    query->addBindValue(static_cast<qlonglong>(tagId));
    if (auto r = exec(query.value(), QStringLiteral("Could not untag recording %1")
                                         .arg(recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    return query->next();
}

Result<QVector<RecordingTagRow>> TagRepository::tagsOf(const QUuid &recordingId)
{
    auto query = prepare(m_db, QStringLiteral("SELECT %1, rt.tagged_by, rt.tagged_at_ms "
                                              "FROM recording_tags rt JOIN tags t ON t.id = "
                                              "rt.tag_id WHERE rt.recording_id = ?")
                                   .arg(QLatin1String(kTagColumns)));
    if (!query)
        return query.error();
    query->addBindValue(uuid(recordingId));
    if (auto r = exec(query.value(), QStringLiteral("Could not read the tags of recording %1")
                                         .arg(recordingId.toString(QUuid::WithoutBraces)));
        !r)
        return r.error();
    auto rows = collectRows<RecordingTagRow>(query.value(), [](QSqlQuery &q) {
        RecordingTagRow row;
        row.tag = readTag(q);
        row.taggedBy = q.value(4).toString();
        row.taggedAtMs = q.value(5).toLongLong();
        return Result<RecordingTagRow>(row);
    });
    if (rows)
        std::sort(rows->begin(), rows->end(),
                  [](const RecordingTagRow &a, const RecordingTagRow &b) {
                      return byName(a.tag, b.tag);
                  });
    return rows;
}

} // namespace cv
