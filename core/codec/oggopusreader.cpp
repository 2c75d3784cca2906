#include "oggopusreader.h"

#include "common/logging.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <limits>
#include <opus/opusfile.h>

namespace cv {

// The reader's own view of the source: a position and the last I/O error (opusfile only
// sees "-1", the person needs the reason).
struct detail::OpusSourceCursor
{
    RandomAccessSource *source = nullptr;
    qint64 position = 0;
    QString lastError;
};

namespace {

// Limits the damage of a malformed stream full of gaps: opusfile reports each hole once and
// moves on, so this many holes in a row means there is nothing left worth decoding.
constexpr int kMaxConsecutiveHoles = 1000;

QString opusfileError(int code)
{
    switch (code) {
    case OP_EREAD:
        return QStringLiteral("the audio data could not be read");
    case OP_EFAULT:
        return QStringLiteral("internal decoder error or out of memory");
    case OP_EIMPL:
        return QStringLiteral("the stream uses an Opus feature CallVault does not support");
    case OP_EINVAL:
        return QStringLiteral("invalid request");
    case OP_ENOTFORMAT:
        return QStringLiteral("not an Ogg Opus stream");
    case OP_EBADHEADER:
        return QStringLiteral("the Opus header is damaged or missing");
    case OP_EVERSION:
        return QStringLiteral("unknown Opus header version");
    case OP_ENOTAUDIO:
        return QStringLiteral("the stream holds no audio");
    case OP_EBADPACKET:
        return QStringLiteral("a damaged audio packet");
    case OP_EBADLINK:
        return QStringLiteral("data seen before could not be found again");
    case OP_ENOSEEK:
        return QStringLiteral("the stream is not seekable");
    case OP_EBADTIMESTAMP:
        return QStringLiteral("the stream's timestamps are invalid");
    case OP_HOLE:
        return QStringLiteral("a gap in the audio data");
    default:
        return QStringLiteral("decoder error %1").arg(code);
    }
}

ErrorCode opusfileErrorCode(int code)
{
    switch (code) {
    case OP_EREAD:
        return ErrorCode::Io;
    case OP_EIMPL:
    case OP_EVERSION:
        return ErrorCode::Unsupported;
    case OP_EINVAL:
        return ErrorCode::InvalidArgument;
    default:
        return ErrorCode::Format;
    }
}

} // namespace

namespace {

// opusfile callbacks over the RandomAccessSource; `stream` is the reader's cursor.
int readCallback(void *stream, unsigned char *ptr, int nbytes)
{
    auto *cursor = static_cast<detail::OpusSourceCursor *>(stream);
    if (nbytes <= 0)
        return 0;
    auto got = cursor->source->readAt(cursor->position, reinterpret_cast<char *>(ptr), nbytes);
    if (!got) {
        cursor->lastError = got.errorMessage();
        return -1;
    }
    const qint64 n = std::clamp<qint64>(got.value(), 0, nbytes);
    cursor->position += n;
    return static_cast<int>(n);
}

int seekCallback(void *stream, opus_int64 offset, int whence)
{
    auto *cursor = static_cast<detail::OpusSourceCursor *>(stream);
    qint64 base = 0;
    switch (whence) {
    case SEEK_SET:
        base = 0;
        break;
    case SEEK_CUR:
        base = cursor->position;
        break;
    case SEEK_END:
        base = cursor->source->size();
        break;
    default:
        return -1;
    }
    if ((offset > 0 && base > std::numeric_limits<qint64>::max() - offset) || base + offset < 0)
        return -1;
    cursor->position = base + offset;
    return 0;
}

opus_int64 tellCallback(void *stream)
{
    return static_cast<detail::OpusSourceCursor *>(stream)->position;
}

} // namespace

void OggOpusReader::FileDeleter::operator()(OggOpusFile *file) const
{
    op_free(file);
}

OggOpusReader::OggOpusReader() : m_cursor(std::make_unique<SourceCursor>()) {}

OggOpusReader::~OggOpusReader() = default;

Error OggOpusReader::sourceError(int code, const QString &what) const
{
    // When the source failed, that is the cause, whatever opusfile made of the missing bytes.
    if (!m_cursor->lastError.isEmpty()) {
        return makeError(
            ErrorCode::Io,
            QStringLiteral("%1: %2 (%3)").arg(what, opusfileError(OP_EREAD), m_cursor->lastError));
    }
    return makeError(opusfileErrorCode(code),
                     QStringLiteral("%1: %2").arg(what, opusfileError(code)));
}

Result<std::unique_ptr<OggOpusReader>> OggOpusReader::open(RandomAccessSource &source)
{
    std::unique_ptr<OggOpusReader> reader(new OggOpusReader);
    reader->m_cursor->source = &source;

    static const OpusFileCallbacks callbacks = {readCallback, seekCallback, tellCallback, nullptr};
    int error = 0;
    reader->m_file.reset(op_open_callbacks(reader->m_cursor.get(), &callbacks, nullptr, 0, &error));
    if (!reader->m_file)
        return reader->sourceError(error, QStringLiteral("Cannot open the recording's audio"));

    OggOpusFile *file = reader->m_file.get();
    if (op_link_count(file) != 1) {
        // Our writer never chains streams; a chained file could change channel count or
        // rate mid-way, which the player and export do not handle.
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Cannot open the recording's audio: it consists of %1 "
                                        "chained streams; only single-stream files are supported.")
                             .arg(op_link_count(file)));
    }
    const OpusHead *head = op_head(file, -1);
    if (!head || head->channel_count < 1 || head->channel_count > 2) {
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("Cannot open the recording's audio: %1 channels (only "
                                        "mono and stereo are supported).")
                             .arg(head ? head->channel_count : 0));
    }
    reader->m_channels = head->channel_count;
    reader->m_originalRate = head->input_sample_rate <= INT_MAX ? int(head->input_sample_rate) : 0;
    const ogg_int64_t total = op_pcm_total(file, -1);
    reader->m_totalFrames = total >= 0 ? qint64(total) : -1;
    if (const OpusTags *tags = op_tags(file, -1)) {
        for (int i = 0; i < tags->comments; ++i) {
            reader->m_comments.append(
                QString::fromUtf8(tags->user_comments[i], tags->comment_lengths[i]));
        }
    }
    qCDebug(lcCodec) << "Opened Ogg Opus stream:" << reader->m_channels << "ch, original"
                     << reader->m_originalRate << "Hz," << reader->m_totalFrames << "frames";
    return reader;
}

qint64 OggOpusReader::durationMs() const
{
    return m_totalFrames < 0 ? -1 : m_totalFrames * 1000 / kOutputRate;
}

Result<qint64> OggOpusReader::read(qint16 *interleaved, qint64 maxFrames)
{
    if (maxFrames < 0 || (maxFrames > 0 && !interleaved))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid buffer passed to the Opus decoder"));
    m_cursor->lastError.clear();
    qint64 done = 0;
    int holes = 0;
    while (done < maxFrames) {
        const qint64 room = std::min<qint64>((maxFrames - done) * m_channels, INT_MAX / 2);
        int link = -1;
        const int got = op_read(m_file.get(), interleaved + done * m_channels, int(room), &link);
        if (got == OP_HOLE) {
            // A gap (lost or damaged pages): opusfile skips it; keep decoding after it.
            if (++holes > kMaxConsecutiveHoles)
                return sourceError(got, QStringLiteral("Cannot decode the recording's audio"));
            qCWarning(lcCodec) << "Gap in Ogg Opus stream, continuing after it";
            continue;
        }
        // opusfile may take a failed read of the source for the end of the stream; the
        // cursor knows better, and a read error must not pass for a short recording.
        if (got < 0 || (got == 0 && !m_cursor->lastError.isEmpty()))
            return sourceError(got, QStringLiteral("Cannot decode the recording's audio"));
        if (got == 0)
            break;
        holes = 0;
        done += got;
    }
    return done;
}

Result<void> OggOpusReader::seekMs(qint64 ms)
{
    m_cursor->lastError.clear();
    const qint64 target = std::max<qint64>(0, ms) * (kOutputRate / 1000);
    if (m_totalFrames >= 0 && target >= m_totalFrames) {
        // opusfile cannot seek to the very end (it is outside the valid range): seek to the
        // last frame and decode it, which leaves the reader at the end.
        if (m_totalFrames == 0)
            return {};
        if (const int rc = op_pcm_seek(m_file.get(), m_totalFrames - 1); rc != 0)
            return sourceError(rc, QStringLiteral("Cannot seek to %1 ms in the recording").arg(ms));
        qint16 last[2];
        const int got = op_read(m_file.get(), last, m_channels, nullptr);
        if (got < 0)
            return sourceError(got,
                               QStringLiteral("Cannot seek to %1 ms in the recording").arg(ms));
        return {};
    }
    if (const int rc = op_pcm_seek(m_file.get(), target); rc != 0)
        return sourceError(rc, QStringLiteral("Cannot seek to %1 ms in the recording").arg(ms));
    return {};
}

qint64 OggOpusReader::positionMs() const
{
    const ogg_int64_t pos = op_pcm_tell(m_file.get());
    return pos < 0 ? 0 : qint64(pos) * 1000 / kOutputRate;
}

} // namespace cv
