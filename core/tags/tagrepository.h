#pragma once

#include "common/result.h"
#include "tags/tagname.h"

#include <QString>
#include <QUuid>
#include <QVector>
#include <optional>

namespace cv {

class Database;

struct TagRow
{
    qint64 id = 0;
    QString name; // as first written
    QString createdBy;
    qint64 createdAtMs = 0;
};

// A tag on one recording.
struct RecordingTagRow
{
    TagRow tag;
    QString taggedBy;
    qint64 taggedAtMs = 0;
};

// The tables `tags` (the site's tag vocabulary) and `recording_tags` (which recording has
// which tag). No permission checks: TagService acts on behalf of a person. Works on the
// calling thread's connection and inside the caller's TransactionGuard, if any.
//
// Names compare with ASCII letters ignoring case (TagName). The UNIQUE constraint of
// migration 003 is on the exact text, so the rule is kept here: lookups read the
// candidates with `lower(name) = lower(?)` (a superset on both dialects: PostgreSQL's
// lower() folds more than ASCII) and TagName::matches() decides. The vocabulary is small
// (hundreds of names), so these reads need no index.
class TagRepository final
{
public:
    explicit TagRepository(Database &db);

    // The tag of this name. When several stored names match (written before the rule, e.g.
    // by a generator), the one spelled exactly so, else the oldest.
    Result<std::optional<TagRow>> find(const TagName &name);
    // find(), or a new tag spelled as `name` (`*created` tells which). In its own
    // transaction (a savepoint inside the caller's), on PostgreSQL under an advisory lock so
    // that two writers cannot add "VIP" and "vip" at once; SQLite's BEGIN IMMEDIATE already
    // lets one writer in at a time.
    Result<TagRow> findOrCreate(const TagName &name, const QString &createdBy, qint64 nowMs,
                                bool *created = nullptr);
    // Tags whose name starts with `prefix` (ASCII letters ignore case; empty: every tag),
    // ordered by name with ASCII letters ignoring case (the same order on both dialects),
    // at most `limit`.
    Result<QVector<TagRow>> list(const QString &prefix, int limit);

    // Gives the recording the tag, copying the recording's start time (so that "tag X in
    // March" is one range of the index (tag_id, started_at_ms)). False when it had it.
    Result<bool> link(const QUuid &recordingId, qint64 tagId, qint64 startedAtMs,
                      const QString &taggedBy, qint64 nowMs);
    // False when the recording did not have the tag.
    Result<bool> unlink(const QUuid &recordingId, qint64 tagId);
    // The tags of a recording, ordered like list().
    Result<QVector<RecordingTagRow>> tagsOf(const QUuid &recordingId);

private:
    Database &m_db;
};

} // namespace cv
