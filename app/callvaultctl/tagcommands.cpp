// callvaultctl tag ...: tags on recordings as a CallVault user (core/tags TagService).
#include "commands.h"
#include "ctllogin.h"
#include "tags/tagservice.h"

#include <QDateTime>

namespace ctl {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// RECORDING TAG...: the recording id and the tag names, or the usage error's exit code.
struct TagArgs
{
    QUuid recording;
    QStringList names;
};

bool parseTagArgs(QCommandLineParser &p, const QStringList &args, const QString &description,
                  TagArgs *parsed, int *code)
{
    if (!parseAsUser(p, args, description, {QStringLiteral("RECORDING"), QStringLiteral("TAG...")},
                     code, false))
        return false;
    auto id = parseRecordingId(p.positionalArguments().first());
    if (!id) {
        *code = usageError(id.errorMessage(), args.first());
        return false;
    }
    parsed->recording = id.value();
    parsed->names = p.positionalArguments().mid(1);
    return true;
}

int addTags(const QStringList &args)
{
    QCommandLineParser p;
    TagArgs a;
    int code = 0;
    if (!parseTagArgs(p, args,
                      QStringLiteral("Tag a recording (needs recording.tag on it). A name that is "
                                     "not a tag yet becomes one; names differing only in the case "
                                     "of A-Z are the same tag."),
                      &a, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto changes = cv::TagService(in->db()).tag(in->principal(), a.recording, a.names);
    if (!changes)
        return fail(changes.error());
    const QString id = a.recording.toString(QUuid::WithoutBraces);
    for (const auto &c : changes.value())
        out(c.changed ? QStringLiteral("Tagged %1 with %2%3")
                            .arg(id, c.name, c.newTag ? QStringLiteral(" (new tag)") : QString())
                      : QStringLiteral("%1 already has tag %2").arg(id, c.name));
    return kExitOk;
}

int removeTags(const QStringList &args)
{
    QCommandLineParser p;
    TagArgs a;
    int code = 0;
    if (!parseTagArgs(p, args,
                      QStringLiteral("Remove tags from a recording (needs recording.tag on it)."),
                      &a, &code))
        return code;
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto changes = cv::TagService(in->db()).untag(in->principal(), a.recording, a.names);
    if (!changes)
        return fail(changes.error());
    const QString id = a.recording.toString(QUuid::WithoutBraces);
    for (const auto &c : changes.value())
        out(c.changed ? QStringLiteral("Removed tag %1 from %2").arg(c.name, id)
                      : QStringLiteral("%1 has no tag %2").arg(id, c.name));
    return kExitOk;
}

int listTags(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("List the tags of a recording (needs recording.search on it)."),
                     {QStringLiteral("RECORDING")}, &code))
        return code;
    auto id = parseRecordingId(p.positionalArguments().first());
    if (!id)
        return usageError(id.errorMessage(), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto tags = cv::TagService(in->db()).tagsOf(in->principal(), id.value());
    if (!tags)
        return fail(tags.error());
    out(QStringLiteral("%1 %2 %3")
            .arg(QStringLiteral("TAG"), -30)
            .arg(QStringLiteral("TAGGED BY"), -20)
            .arg(QStringLiteral("AT (UTC)")));
    for (const cv::RecordingTagRow &t : tags.value())
        out(QStringLiteral("%1 %2 %3")
                .arg(t.tag.name, -30)
                .arg(t.taggedBy, -20)
                .arg(timeText(t.taggedAtMs)));
    out(QStringLiteral("%1 tags").arg(tags->size()));
    return kExitOk;
}

int tagNames(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("prefix"),
                 QStringLiteral("Only names starting with this text (A-Z ignore case)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most this many names (default 100)."),
                 QStringLiteral("N")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("The site's tag names, one per line (for completion; needs "
                                    "recording.search or recording.tag)."),
                     {}, &code))
        return code;
    int limit = 100;
    if (p.isSet(QStringLiteral("limit"))) {
        bool numeric = false;
        limit = p.value(QStringLiteral("limit")).toInt(&numeric);
        if (!numeric || limit < 1 || limit > 10000)
            return usageError(QStringLiteral("--limit must be 1 to 10000"), args.first());
    }
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto names =
        cv::TagService(in->db()).names(in->principal(), p.value(QStringLiteral("prefix")), limit);
    if (!names)
        return fail(names.error());
    for (const cv::TagRow &t : names.value())
        out(t.name);
    return kExitOk;
}

} // namespace

int runTag(const QStringList &args)
{
    return dispatch(
        args,
        {{QStringLiteral("add"), addTags},
         {QStringLiteral("remove"), removeTags},
         {QStringLiteral("list"), listTags},
         {QStringLiteral("names"), tagNames}},
        QStringLiteral(
            "Usage: callvaultctl tag add|remove RECORDING TAG... --user NAME [--site DIR]\n"
            "       callvaultctl tag list RECORDING --user NAME [--site DIR]\n"
            "       callvaultctl tag names [--prefix TEXT] --user NAME [--site DIR]\n"
            "(callvaultctl tag SUBCOMMAND --help for details)"));
}

} // namespace ctl
