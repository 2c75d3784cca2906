#include "opustagsrewriter.h"

#include <QtEndian>

#include <ogg/ogg.h>

namespace cv {

namespace {

constexpr int kPageHeader = 27;
constexpr int kMaxSegments = 255;
constexpr qint64 kMaxTagsPacket = 16 * 1024 * 1024;
constexpr unsigned char kContinued = 0x01;
constexpr unsigned char kFirstPage = 0x02;

Error formatError(const QString &what)
{
    return makeError(ErrorCode::Format,
                     QStringLiteral("The stored Ogg Opus stream cannot be exported: %1.").arg(what));
}

// Sets the CRC of a whole page (header, segment table, body) in place.
void setChecksum(QByteArray &page, int headerLength)
{
    ogg_page og{};
    og.header = reinterpret_cast<unsigned char *>(page.data());
    og.header_len = headerLength;
    og.body = reinterpret_cast<unsigned char *>(page.data()) + headerLength;
    og.body_len = page.size() - headerLength;
    ogg_page_checksum_set(&og);
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

bool readLe32(const QByteArray &data, qint64 &pos, quint32 &value)
{
    if (pos + 4 > data.size())
        return false;
    value = qFromLittleEndian<quint32>(data.constData() + pos);
    pos += 4;
    return true;
}

QString commentKey(const QByteArray &comment)
{
    const qsizetype eq = comment.indexOf('=');
    return QString::fromUtf8(eq < 0 ? comment : comment.left(eq));
}

// The packet split into pages (RFC 3533): at most 255 lacing values per page.
QByteArray paginate(const QByteArray &packet, quint32 serial, quint32 firstSequence, int *pages)
{
    QByteArray lacing;
    for (qint64 left = packet.size();; left -= 255) {
        lacing.append(char(left >= 255 ? 255 : left));
        if (left < 255)
            break;
    }
    QByteArray out;
    qint64 bodyPos = 0;
    int count = 0;
    for (qint64 seg = 0; seg < lacing.size(); seg += kMaxSegments, ++count) {
        const qint64 n = std::min<qint64>(kMaxSegments, lacing.size() - seg);
        qint64 bodySize = 0;
        for (qint64 i = 0; i < n; ++i)
            bodySize += static_cast<unsigned char>(lacing.at(seg + i));
        QByteArray page("OggS", 4);
        page.append(char(0)); // version
        page.append(char(seg == 0 ? 0 : kContinued));
        // Granule position: -1 on pages where no packet ends, 0 on the tags' last page.
        const bool lastPage = seg + n == lacing.size();
        char granule[8];
        qToLittleEndian<qint64>(lastPage ? 0 : -1, granule);
        page.append(granule, 8);
        appendLe32(page, serial);
        appendLe32(page, firstSequence + quint32(count));
        appendLe32(page, 0); // CRC, set below
        page.append(char(n));
        page.append(lacing.mid(seg, n));
        const int headerLength = int(page.size());
        page.append(packet.mid(bodyPos, bodySize));
        bodyPos += bodySize;
        setChecksum(page, headerLength);
        out.append(page);
    }
    *pages = count;
    return out;
}

} // namespace

Result<OpusTagsRewriter> OpusTagsRewriter::create(const QStringList &added,
                                                  const QStringList &replacedKeys)
{
    for (const QString &comment : added) {
        const qsizetype eq = comment.indexOf(QLatin1Char('='));
        bool valid = eq > 0;
        for (qsizetype i = 0; valid && i < eq; ++i) {
            const char16_t c = comment.at(i).unicode();
            valid = c >= 0x20 && c <= 0x7D;
        }
        if (!valid)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("\"%1\" is not a KEY=value comment.").arg(comment.left(64)));
    }
    OpusTagsRewriter rewriter;
    rewriter.m_added = added;
    rewriter.m_replacedKeys = replacedKeys;
    return rewriter;
}

Result<QByteArray> OpusTagsRewriter::feed(const char *data, qint64 size)
{
    m_pending.append(data, size);
    QByteArray out;
    qint64 pos = 0;
    for (;;) {
        const qint64 left = m_pending.size() - pos;
        if (left < kPageHeader)
            break;
        const char *p = m_pending.constData() + pos;
        if (memcmp(p, "OggS", 4) != 0 || p[4] != 0)
            return formatError(QStringLiteral("a page does not start with OggS"));
        const int segments = static_cast<unsigned char>(p[26]);
        if (left < kPageHeader + segments)
            break;
        qint64 body = 0;
        for (int i = 0; i < segments; ++i)
            body += static_cast<unsigned char>(p[kPageHeader + i]);
        const qint64 pageSize = kPageHeader + segments + body;
        if (left < pageSize)
            break;
        auto emitted = takePage(m_pending.mid(pos, pageSize));
        if (!emitted)
            return emitted.error();
        out.append(emitted.value());
        pos += pageSize;
    }
    m_pending.remove(0, pos);
    return out;
}

Result<QByteArray> OpusTagsRewriter::takePage(const QByteArray &pageIn)
{
    QByteArray page = pageIn;
    const auto *p = reinterpret_cast<const unsigned char *>(page.constData());
    const quint32 serial = qFromLittleEndian<quint32>(p + 14);
    const int segments = p[26];
    const int headerLength = kPageHeader + segments;
    switch (m_stage) {
    case Stage::Head:
        if (!(p[5] & kFirstPage) || !page.mid(headerLength, 8).startsWith("OpusHead"))
            return formatError(QStringLiteral("it does not begin with an OpusHead page"));
        m_serial = serial;
        m_stage = Stage::Tags;
        return page;
    case Stage::Tags: {
        if (serial != m_serial)
            return formatError(QStringLiteral("it holds more than one logical stream"));
        if (m_oldTagPages++ == 0)
            m_firstTagSequence = qFromLittleEndian<quint32>(p + 18);
        qint64 bodyPos = headerLength;
        for (int i = 0; i < segments; ++i) {
            const int lace = p[kPageHeader + i];
            m_tags.append(page.mid(bodyPos, lace));
            bodyPos += lace;
            if (lace < 255) {
                if (i != segments - 1)
                    return formatError(QStringLiteral("the OpusTags packet does not end its page"));
                m_stage = Stage::Audio;
                return rewriteTags();
            }
        }
        if (m_tags.size() > kMaxTagsPacket)
            return formatError(QStringLiteral("the OpusTags packet is too large"));
        return QByteArray();
    }
    case Stage::Audio:
        if (serial != m_serial)
            return formatError(QStringLiteral("it holds more than one logical stream"));
        if (m_pageShift != 0) {
            const quint32 sequence = qFromLittleEndian<quint32>(p + 18) + quint32(m_pageShift);
            qToLittleEndian(sequence, page.data() + 18);
            qToLittleEndian<quint32>(0, page.data() + 22);
            setChecksum(page, headerLength);
        }
        return page;
    }
    return QByteArray();
}

Result<QByteArray> OpusTagsRewriter::rewriteTags()
{
    if (!m_tags.startsWith("OpusTags"))
        return formatError(QStringLiteral("the second packet is not OpusTags"));
    qint64 pos = 8;
    quint32 vendorLength = 0;
    if (!readLe32(m_tags, pos, vendorLength) || pos + vendorLength > m_tags.size())
        return formatError(QStringLiteral("the OpusTags vendor string is cut short"));
    const QByteArray vendor = m_tags.mid(pos, vendorLength);
    pos += vendorLength;
    quint32 count = 0;
    if (!readLe32(m_tags, pos, count))
        return formatError(QStringLiteral("the OpusTags comment count is missing"));
    QList<QByteArray> comments;
    for (quint32 i = 0; i < count; ++i) {
        quint32 length = 0;
        if (!readLe32(m_tags, pos, length) || pos + length > m_tags.size())
            return formatError(QStringLiteral("an OpusTags comment is cut short"));
        const QByteArray comment = m_tags.mid(pos, length);
        pos += length;
        if (!m_replacedKeys.contains(commentKey(comment), Qt::CaseInsensitive))
            comments << comment;
    }
    for (const QString &comment : m_added)
        comments << comment.toUtf8();

    QByteArray packet("OpusTags", 8);
    appendLe32(packet, quint32(vendor.size()));
    packet.append(vendor);
    appendLe32(packet, quint32(comments.size()));
    for (const QByteArray &comment : comments) {
        appendLe32(packet, quint32(comment.size()));
        packet.append(comment);
    }
    int newPages = 0;
    QByteArray pages = paginate(packet, m_serial, m_firstTagSequence, &newPages);
    m_pageShift = newPages - m_oldTagPages;
    m_tags.clear();
    return pages;
}

Result<void> OpusTagsRewriter::finish() const
{
    if (m_stage != Stage::Audio)
        return formatError(QStringLiteral("the stream ends before its OpusTags header"));
    if (!m_pending.isEmpty())
        return formatError(QStringLiteral("the stream ends inside a page"));
    return {};
}

} // namespace cv
