// callvaultctl bookmark ...: bookmarks in recordings as a CallVault user (core/tags
// BookmarkService).
#include "commands.h"
#include "ctllogin.h"
#include "tags/bookmarkservice.h"
#include "tags/offsettext.h"

namespace ctl {

namespace {

// One line per bookmark: tab, CR, LF and the backslash written as \t, \r, \n and \\, so
// that the text reads back exactly (and a script can split the lines).
QString oneLine(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            line += QStringLiteral("\\\\");
            break;
        case u'\t':
            line += QStringLiteral("\\t");
            break;
        case u'\r':
            line += QStringLiteral("\\r");
            break;
        case u'\n':
            line += QStringLiteral("\\n");
            break;
        default:
            line += c;
        }
    }
    return line;
}

int addBookmark(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("at"),
                 QStringLiteral("Position in the recording: M:SS, M:SS.mmm, H:MM:SS or "
                                "milliseconds."),
                 QStringLiteral("POS")});
    p.addOption({QStringLiteral("text"),
                 QStringLiteral("The note (up to 2000 characters; may be empty)."),
                 QStringLiteral("TEXT")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Bookmark a position in a recording (needs recording.bookmark "
                                    "on it)."),
                     {QStringLiteral("RECORDING")}, &code))
        return code;
    auto id = parseRecordingId(p.positionalArguments().first());
    if (!id)
        return usageError(id.errorMessage(), args.first());
    if (!p.isSet(QStringLiteral("at")) || !p.isSet(QStringLiteral("text")))
        return usageError(QStringLiteral("give --at POSITION and --text TEXT"), args.first());
    const auto at = cv::offsettext::parse(p.value(QStringLiteral("at")));
    if (!at)
        return usageError(
            QStringLiteral("--at must be M:SS, M:SS.mmm, H:MM:SS or milliseconds (e.g. 1:23)"),
            args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto added = cv::BookmarkService(in->db()).add(in->principal(), id.value(), *at,
                                                   p.value(QStringLiteral("text")));
    if (!added)
        return fail(added.error());
    out(QStringLiteral("Added bookmark %1 at %2 in %3")
            .arg(added->id)
            .arg(cv::offsettext::format(added->offsetMs),
                 added->recordingId.toString(QUuid::WithoutBraces)));
    return kExitOk;
}

int listBookmarks(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("List the bookmarks of a recording by position (needs "
                                    "recording.bookmark on it). Tabs, line breaks and "
                                    "backslashes in a text are shown as \\t, \\n, \\r and \\\\."),
                     {QStringLiteral("RECORDING")}, &code))
        return code;
    auto id = parseRecordingId(p.positionalArguments().first());
    if (!id)
        return usageError(id.errorMessage(), args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto bookmarks = cv::BookmarkService(in->db()).list(in->principal(), id.value());
    if (!bookmarks)
        return fail(bookmarks.error());
    out(QStringLiteral("%1 %2 %3 %4")
            .arg(QStringLiteral("ID"), 8)
            .arg(QStringLiteral("AT"), 12)
            .arg(QStringLiteral("AUTHOR"), -20)
            .arg(QStringLiteral("TEXT")));
    for (const cv::BookmarkRow &b : bookmarks.value())
        out(QStringLiteral("%1 %2 %3 %4")
                .arg(b.id, 8)
                .arg(cv::offsettext::format(b.offsetMs), 12)
                .arg(b.author, -20)
                .arg(oneLine(b.text)));
    out(QStringLiteral("%1 bookmarks").arg(bookmarks->size()));
    return kExitOk;
}

int removeBookmark(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral("Remove a bookmark, anyone's, from a recording you may "
                                    "bookmark (needs recording.bookmark on it)."),
                     {QStringLiteral("ID")}, &code))
        return code;
    bool numeric = false;
    const qint64 bookmarkId = p.positionalArguments().first().toLongLong(&numeric);
    if (!numeric || bookmarkId <= 0)
        return usageError(QStringLiteral("ID must be a bookmark id as `bookmark list` prints it"),
                          args.first());
    auto in = login(p);
    if (!in)
        return fail(in.error());
    auto removed = cv::BookmarkService(in->db()).remove(in->principal(), bookmarkId);
    if (!removed)
        return fail(removed.error());
    out(QStringLiteral("Removed bookmark %1 (at %2 in %3, by %4)")
            .arg(removed->id)
            .arg(cv::offsettext::format(removed->offsetMs),
                 removed->recordingId.toString(QUuid::WithoutBraces), removed->author));
    return kExitOk;
}

} // namespace

int runBookmark(const QStringList &args)
{
    return dispatch(
        args,
        {{QStringLiteral("add"), addBookmark},
         {QStringLiteral("list"), listBookmarks},
         {QStringLiteral("remove"), removeBookmark}},
        QStringLiteral("Usage: callvaultctl bookmark add RECORDING --at POS --text TEXT --user "
                       "NAME [--site DIR]\n"
                       "       callvaultctl bookmark list RECORDING --user NAME [--site DIR]\n"
                       "       callvaultctl bookmark remove ID --user NAME [--site DIR]\n"
                       "(callvaultctl bookmark SUBCOMMAND --help for details)"));
}

} // namespace ctl
