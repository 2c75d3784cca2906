#include "recordedcall.h"

#include "recorder/recorderlogging.h"
#include "rtp/rtppacket.h"

#include <QJsonArray>

#include <algorithm>

namespace cv::recorder {

namespace {

constexpr int kRate = 8000; // the recorder's recordings: 8 kHz stereo (telephone band)

const char *sideName(LegSide side)
{
    return side == LegSide::Agent ? "agent" : "customer";
}

} // namespace

RecordedCall::RecordedCall(Options options, RecordingMetadata metadata)
    : m_options(std::move(options)), m_metadata(std::move(metadata))
{
}

RecordedCall::~RecordedCall() = default;

void RecordedCall::setPayloadFormats(LegSide side, const QHash<int, rtp::PayloadFormat> &formats, int telephoneEventType)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const int s = static_cast<int>(side);
    m_formats[s] = formats;
    m_telephoneEvent[s] = telephoneEventType;
    if (m_assembler) {
        rtp::LegReceiver &leg = side == LegSide::Agent ? m_assembler->agent() : m_assembler->customer();
        leg.setPayloadFormats(formats, telephoneEventType);
    }
}

void RecordedCall::open(qint64 firstPacketUs)
{
    m_originUs = firstPacketUs;
    rtp::LegReceiver::Options legs;
    legs.outputRate = kRate;
    legs.jitterMs = m_options.jitterMs;
    legs.originUs = firstPacketUs; // both lanes on one timeline from the call's first packet
    m_assembler = std::make_unique<rtp::CallAudioAssembler>(legs);
    m_assembler->agent().setPayloadFormats(m_formats[0], m_telephoneEvent[0]);
    m_assembler->customer().setPayloadFormats(m_formats[1], m_telephoneEvent[1]);
    m_metadata.startedAt = QDateTime::fromMSecsSinceEpoch(firstPacketUs / 1000, Qt::UTC);
    // The spool file is created by the first advance() (an encoding thread): creating it
    // syncs the file and its folder, milliseconds the capture thread must not wait.
    m_writerPending = true;
}

void RecordedCall::openWriter()
{
    m_writerPending = false;
    if (!m_diskError.isEmpty())
        return;
    RecordingWriter::Options w;
    w.spoolDir = m_options.spoolDir;
    w.sitePublicKey = m_options.sitePublicKey;
    w.metadata = m_metadata;
    w.opus.sampleRate = kRate;
    w.opus.channels = 2;
    w.opus.bitrate = m_options.bitrate;
    w.opus.complexity = m_options.complexity;
    w.comments << QStringLiteral("CALLVAULT_SOURCE=recorder");
    auto writer = RecordingWriter::create(w);
    if (!writer) {
        failDisk(writer.errorMessage());
        return;
    }
    m_writer = writer.takeValue();
}

bool RecordedCall::sideHadUnsupportedCodec(LegSide side) const
{
    if (!m_unsupported[static_cast<int>(side)].isEmpty())
        return true;
    if (!m_assembler)
        return false;
    const rtp::LegReceiver &leg = side == LegSide::Agent ? m_assembler->agent() : m_assembler->customer();
    const auto error = leg.decoderError();
    return error && error->code == ErrorCode::Unsupported;
}

void RecordedCall::onRtp(LegSide side, qint64 arrivalUs, const rtp::RtpPacket &packet)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const int s = static_cast<int>(side);
    if (!m_assembler)
        open(arrivalUs);
    ++m_packets[s];
    m_lastPacketUs = std::max(m_lastPacketUs, arrivalUs);
    const bool known = m_formats[s].contains(packet.payloadType) || packet.payloadType == m_telephoneEvent[s] ||
                       rtp::PayloadFormat::forStaticType(packet.payloadType).has_value();
    if (!known) {
        const QString pt = QString::number(packet.payloadType);
        if (!m_unsupported[s].contains(pt))
            m_unsupported[s] << pt;
    }
    rtp::LegReceiver &leg = side == LegSide::Agent ? m_assembler->agent() : m_assembler->customer();
    leg.push(arrivalUs, packet);
}

void RecordedCall::advance(qint64 nowUs)
{
    // Two steps: the jitter buffers under the packets' lock (microseconds), the encoding
    // and the spool write (up to an fdatasync) under the writer's lock only, so the capture
    // thread is never held up by a call's disk.
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_assembler)
            return;
        // Audio is released at most 200 ms past the last packet (plus the jitter buffer's and the
        // DTMF masker's delay): when media stops (a hold, a
        // lost BYE) nothing more is encoded until it resumes (the gap is filled then, in time) or
        // the call ends (finish() fills up to the end it is given). A call whose BYE never came
        // therefore ends without minutes of trailing silence.
        const qint64 aheadOfLastPacketUs = m_assembler->delayUs() + 200'000;
        m_buffer.clear();
        m_assembler->pullUntil(std::min(nowUs, m_lastPacketUs + aheadOfLastPacketUs), m_buffer);
    }
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (m_writerPending)
        openWriter();
    write(m_buffer);
}

void RecordedCall::write(QVector<qint16> &interleaved)
{
    const qint64 frames = interleaved.size() / 2;
    if (frames == 0)
        return;
    // Paused spans are silence: the PCI data said during a pause never reaches the encoder.
    const auto silence = [&](qint64 fromMs, qint64 toMs) {
        const qint64 from = std::max<qint64>(fromMs * kRate / 1000, m_writtenFrames);
        const qint64 to = std::min<qint64>(toMs * kRate / 1000, m_writtenFrames + frames);
        if (to > from)
            std::fill(interleaved.begin() + 2 * (from - m_writtenFrames), interleaved.begin() + 2 * (to - m_writtenFrames), 0);
    };
    for (const audio::MaskedSpan &span : m_pauses)
        silence(span.startMs, span.endMs);
    if (m_pausedSinceMs >= 0)
        silence(m_pausedSinceMs, (m_writtenFrames + frames) * 1000 / kRate + 1);
    if (m_writer) {
        if (auto r = m_writer->write(interleaved.constData(), frames); !r)
            failDisk(r.errorMessage());
    }
    m_writtenFrames += frames;
}

void RecordedCall::pause(qint64 nowUs)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    if (m_pausedSinceMs >= 0)
        return;
    // Before the first packet the call's time has not started: paused from its start.
    m_pausedSinceMs = m_assembler ? std::max<qint64>(0, (nowUs - m_originUs) / 1000) : 0;
}

void RecordedCall::resume(qint64 nowUs)
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    endPause(nowUs);
}

void RecordedCall::endPause(qint64 nowUs)
{
    if (m_pausedSinceMs < 0)
        return;
    if (!m_assembler) {
        m_pausedSinceMs = -1; // paused and resumed before any audio: nothing to mask
        return;
    }
    const qint64 endMs = std::max(m_pausedSinceMs, (nowUs - m_originUs) / 1000);
    m_pauses.append(audio::MaskedSpan{m_pausedSinceMs, endMs, QStringLiteral("paused")});
    m_pausedSinceMs = -1;
}

void RecordedCall::failDisk(const QString &message)
{
    if (m_diskError.isEmpty())
        qCWarning(lcRecorder) << "recording" << m_metadata.id << "stopped writing:" << message;
    m_diskError = message;
    // Stop writing but keep what is durable on disk: the next start recovers it (the
    // chunks written so far are sealed every 800 ms), so a failing disk at minute 44 keeps
    // the 44 minutes.
    m_writer.reset();
}

std::optional<FinishedRecording> RecordedCall::finish(qint64 endUs, QJsonObject &details)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::lock_guard<std::mutex> writeLock(m_writeMutex);
    if (!m_assembler)
        return std::nullopt;
    endPause(endUs);
    if (m_writerPending)
        openWriter();
    m_buffer.clear();
    m_assembler->finishAt(endUs, m_buffer);
    write(m_buffer);

    QJsonObject legs;
    for (LegSide side : {LegSide::Agent, LegSide::Customer}) {
        const rtp::LegReceiver &leg = side == LegSide::Agent ? m_assembler->agent() : m_assembler->customer();
        QJsonObject stats = leg.statistics().toJson();
        if (const auto error = leg.decoderError())
            stats.insert(QStringLiteral("decoderError"), error->message);
        if (!m_unsupported[static_cast<int>(side)].isEmpty())
            stats.insert(QStringLiteral("unsupportedPayloadTypes"),
                         QJsonArray::fromStringList(m_unsupported[static_cast<int>(side)]));
        legs.insert(QString::fromLatin1(sideName(side)), stats);
    }
    details.insert(QStringLiteral("legs"), legs);
    details.insert(QStringLiteral("maskedSpans"),
                   audio::MaskedSpan::toJson(audio::MaskedSpan::merged(m_assembler->maskedSpans() + m_pauses)));
    if (!m_diskError.isEmpty())
        details.insert(QStringLiteral("diskError"), m_diskError);

    if (!m_writer)
        return std::nullopt;
    auto finished = m_writer->finish();
    m_writer.reset();
    if (!finished) {
        failDisk(finished.errorMessage());
        details.insert(QStringLiteral("diskError"), m_diskError);
        return std::nullopt;
    }
    return finished.takeValue();
}

void RecordedCall::abandon()
{
    std::lock_guard<std::mutex> lock(m_writeMutex);
    m_writerPending = false;
    if (m_writer) {
        m_writer->abandon();
        m_writer.reset();
    }
}

} // namespace cv::recorder
