#pragma once

#include "codec/randomaccesssource.h"
#include "common/result.h"

#include <QStringList>
#include <memory>

struct OggOpusFile;

namespace cv {

namespace detail {
struct OpusSourceCursor; // the reader's position in its source (oggopusreader.cpp)
}

// Decodes an Ogg Opus stream with opusfile, reading through a RandomAccessSource (a
// decrypted container, a file or a buffer) so plaintext audio never touches the disk.
// Output is always 48 kHz (Opus's decoding rate), interleaved, with the stream's channel
// count (1 or 2). A truncated stream (a recovered recording: last pages missing, no
// end-of-stream flag) decodes up to its last complete page.
class OggOpusReader final
{
public:
    static constexpr int kOutputRate = 48000;

    // `source` is owned by the caller and must outlive the reader.
    static Result<std::unique_ptr<OggOpusReader>> open(RandomAccessSource &source);
    ~OggOpusReader();
    OggOpusReader(const OggOpusReader &) = delete;
    OggOpusReader &operator=(const OggOpusReader &) = delete;

    int channels() const { return m_channels; }
    // OpusHead input_sample_rate: the rate the audio was captured at; 0 if unknown.
    int originalSampleRate() const { return m_originalRate; }
    // Length in 48 kHz frames, -1 if unknown.
    qint64 totalFrames() const { return m_totalFrames; }
    // Length in milliseconds, -1 if unknown.
    qint64 durationMs() const;
    // Decodes up to maxFrames frames into `interleaved` (room for maxFrames * channels()
    // samples). Fills the buffer unless the stream ends; returns 0 at the end.
    Result<qint64> read(qint16 *interleaved, qint64 maxFrames);
    // Seeks to `ms` (clamped to the stream); the next read starts there.
    Result<void> seekMs(qint64 ms);
    qint64 positionMs() const;
    // OpusTags user comments ("KEY=value").
    QStringList comments() const { return m_comments; }

private:
    using SourceCursor = detail::OpusSourceCursor;
    struct FileDeleter
    {
        void operator()(OggOpusFile *file) const;
    };

    OggOpusReader();
    Error sourceError(int code, const QString &what) const;

    std::unique_ptr<SourceCursor> m_cursor;
    std::unique_ptr<OggOpusFile, FileDeleter> m_file;
    int m_channels = 0;
    int m_originalRate = 0;
    qint64 m_totalFrames = -1;
    QStringList m_comments;
};

} // namespace cv
