#include "tags/tagservice.h"

#include "auth/accesscontrol.h"
#include "auth/auditedchange.h"
#include "catalog/recordingrepository.h"

#include <QSet>

namespace cv {

namespace {

// Every name checked before anything happens; the same tag named twice counts once.
Result<QVector<TagName>> parseNames(const QStringList &typed)
{
    if (typed.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Name at least one tag."));
    QVector<TagName> names;
    QSet<QString> seen;
    for (const QString &text : typed) {
        auto name = TagName::parse(text);
        if (!name)
            return name.error();
        if (!seen.contains(name->key())) {
            seen.insert(name->key());
            names.append(name.takeValue());
        }
    }
    return names;
}

QString recordingTarget(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

TagService::TagService(Database &db, Clock clock)
    : m_db(db), m_clock(clock ? std::move(clock) : systemClock())
{
}

Result<RecordingRow> TagService::allowedRecording(const Principal &principal,
                                                 const QUuid &recordingId, const QString &action)
{
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(principal, Permission::RecordingTag,
                                                            recording.value(), action);
        !allowed)
        return allowed.error();
    return recording;
}

Result<QVector<TagService::Change>>
TagService::tag(const Principal &principal, const QUuid &recordingId, const QStringList &typed)
{
    const QString action = QStringLiteral("recording.tag");
    auto names = parseNames(typed);
    if (!names)
        return names.error();
    auto recording = allowedRecording(principal, recordingId, action);
    if (!recording)
        return recording.error();
    QVector<Change> changes;
    TagRepository tags(m_db);
    for (const TagName &name : names.value()) {
        Change change;
        auto done = auditedchange::commitReporting(
            m_db, principal, action, recordingTarget(recordingId),
            [&]() -> Result<std::optional<QJsonObject>> {
                const qint64 now = m_clock();
                auto tag = tags.findOrCreate(name, principal.name, now, &change.newTag);
                if (!tag)
                    return tag.error();
                change.name = tag->name;
                auto linked =
                    tags.link(recordingId, tag->id, recording->startedAt.toMSecsSinceEpoch(),
                              principal.name, now);
                if (!linked)
                    return linked.error();
                change.changed = linked.value();
                if (!change.changed)
                    return std::optional<QJsonObject>();
                QJsonObject details{{QStringLiteral("tag"), tag->name}};
                if (change.newTag)
                    details.insert(QStringLiteral("newTag"), true);
                return std::optional<QJsonObject>(details);
            });
        if (!done)
            return done.error();
        changes.append(change);
    }
    return changes;
}

Result<QVector<TagService::Change>>
TagService::untag(const Principal &principal, const QUuid &recordingId, const QStringList &typed)
{
    const QString action = QStringLiteral("recording.untag");
    auto names = parseNames(typed);
    if (!names)
        return names.error();
    auto recording = allowedRecording(principal, recordingId, action);
    if (!recording)
        return recording.error();
    QVector<Change> changes;
    TagRepository tags(m_db);
    for (const TagName &name : names.value()) {
        Change change;
        change.name = name.text();
        auto done = auditedchange::commitReporting(
            m_db, principal, action, recordingTarget(recordingId),
            [&]() -> Result<std::optional<QJsonObject>> {
                auto tag = tags.find(name);
                if (!tag)
                    return tag.error();
                if (!tag.value()) // not in the vocabulary: no recording has it
                    return std::optional<QJsonObject>();
                change.name = tag.value()->name;
                auto unlinked = tags.unlink(recordingId, tag.value()->id);
                if (!unlinked)
                    return unlinked.error();
                change.changed = unlinked.value();
                if (!change.changed)
                    return std::optional<QJsonObject>();
                return std::optional<QJsonObject>(
                    QJsonObject{{QStringLiteral("tag"), tag.value()->name}});
            });
        if (!done)
            return done.error();
        changes.append(change);
    }
    return changes;
}

Result<QVector<RecordingTagRow>> TagService::tagsOf(const Principal &principal,
                                                    const QUuid &recordingId)
{
    auto recording = RecordingRepository(m_db).get(recordingId);
    if (!recording)
        return recording.error();
    if (auto allowed = AccessControl(m_db).requireRecording(
            principal, Permission::RecordingSearch, recording.value(), QStringLiteral("tag.list"));
        !allowed)
        return allowed.error();
    return TagRepository(m_db).tagsOf(recordingId);
}

Result<QVector<TagRow>> TagService::names(const Principal &principal, const QString &prefix,
                                          int limit)
{
    if (auto allowed = AccessControl(m_db).requireAny(
            principal, {Permission::RecordingSearch, Permission::RecordingTag},
            QStringLiteral("tags"), QStringLiteral("tag.names"));
        !allowed)
        return allowed.error();
    return TagRepository(m_db).list(prefix, limit);
}

} // namespace cv
