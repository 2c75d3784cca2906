#pragma once

#include "auth/clock.h"
#include "auth/principal.h"
#include "common/result.h"
#include "catalog/catalogtypes.h"
#include "tags/tagrepository.h"

#include <QStringList>
#include <QUuid>
#include <QVector>

namespace cv {

class Database;

// Tags on recordings on behalf of a person (docs/catalog-schema.md, "Tags and bookmarks").
//
// Permissions (AccessControl, with the role's scope on the recording's agent; every
// denial is audited):
//   tag, untag   recording.tag on that recording; a name not yet in the vocabulary becomes
//                a new tag (the vocabulary grows by use, like a folksonomy)
//   tagsOf       recording.search on that recording (whoever can find a call sees why)
//   names        recording.search or recording.tag (the vocabulary, for completion)
// Audited: 'recording.tag' / 'recording.untag', target the recording id, details
// {"tag": name} (and "newTag": true for a tag created by it), one row per tag that
// changed, each in one transaction with its change. Tagging a recording that already has
// the tag, or removing one it does not have, changes nothing and writes no row. Reads
// write no row when allowed.
class TagService final
{
public:
    struct Change
    {
        QString name;         // as stored (the first spelling of the tag)
        bool changed = false; // false: it already had / did not have the tag
        bool newTag = false;  // tag(): the tag was created for this
    };

    explicit TagService(Database &db, Clock clock = systemClock());

    // `names` are checked first (TagName; InvalidArgument for any bad one, nothing done);
    // names that are the same tag count once.
    Result<QVector<Change>> tag(const Principal &principal, const QUuid &recordingId,
                                const QStringList &names);
    Result<QVector<Change>> untag(const Principal &principal, const QUuid &recordingId,
                                  const QStringList &names);
    Result<QVector<RecordingTagRow>> tagsOf(const Principal &principal, const QUuid &recordingId);
    // The vocabulary, for completion: names starting with `prefix` (TagRepository::list).
    Result<QVector<TagRow>> names(const Principal &principal, const QString &prefix,
                                  int limit = 100);

private:
    // The recording, when the principal may tag it (recording.tag in scope; denials audited
    // as `action`).
    Result<RecordingRow> allowedRecording(const Principal &principal, const QUuid &recordingId,
                                          const QString &action);
    Database &m_db;
    Clock m_clock;
};

} // namespace cv
