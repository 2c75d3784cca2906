#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QStringList>

namespace cv {

// Rewrites the OpusTags header of an Ogg Opus stream while it streams through, for exports
// that must say who exported them (docs/export-manifest.md, "Export stamps").
//
// The stream is read page by page: the OpusHead page is copied as it is; the OpusTags
// packet (its own page or pages, RFC 7845 section 5.2) is decoded, every comment whose key
// is one of `replacedKeys` is dropped, `added` comments are appended, and the packet is
// written back as new page(s) with the same serial number, granule position 0, the same
// page sequence numbers and a fresh CRC (libogg). The audio pages that follow are copied
// bit for bit; only when the new tags need a different number of pages than the old ones
// are their sequence numbers shifted (and their CRC recomputed), their packets unchanged.
class OpusTagsRewriter final
{
public:
    // `added`: "KEY=value" comments (KEY printable ASCII without '='); `replacedKeys`: keys
    // (case-insensitive, as Vorbis comments are) whose existing comments are removed.
    static Result<OpusTagsRewriter> create(const QStringList &added, const QStringList &replacedKeys);

    // Feeds the next bytes of the stream; returns the bytes ready for output.
    Result<QByteArray> feed(const char *data, qint64 size);
    // Ends the stream: fails when it stopped inside a page or before the headers ended.
    Result<void> finish() const;

private:
    enum class Stage { Head, Tags, Audio };

    OpusTagsRewriter() = default;
    Result<QByteArray> takePage(const QByteArray &page);
    Result<QByteArray> rewriteTags();

    QStringList m_added;
    QStringList m_replacedKeys;
    QByteArray m_pending; // input not yet a whole page
    QByteArray m_tags;    // the OpusTags packet so far
    Stage m_stage = Stage::Head;
    quint32 m_serial = 0;
    quint32 m_firstTagSequence = 1;
    int m_oldTagPages = 0;
    int m_pageShift = 0; // new tag pages minus old ones
};

} // namespace cv
