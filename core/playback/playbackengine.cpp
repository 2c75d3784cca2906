#include "playback/playbackengine.h"

#include "common/logging.h"
#include "playback/decodedaudiosource.h"
#include "playback/pcmpulldevice.h"
#include "playback/peakscanner.h"
#include "playback/playbackauthorizer.h"

#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>
#include <QThread>
#include <algorithm>

namespace cv {

namespace {

constexpr int kTickMs = 40;
// About 200 ms of audio in the device: short enough that pause, seek and mute answer at
// once, long enough that a busy GUI thread does not starve PulseAudio.
constexpr int kSinkBufferBytes = DecodedAudioSource::kRate / 5 * DecodedAudioSource::kChannels * 2;
constexpr qint64 kBytesPerFrame = DecodedAudioSource::kChannels * 2;

QString sinkErrorText(QAudio::Error error)
{
    switch (error) {
    case QAudio::OpenError:
        return QStringLiteral(
            "The audio output could not be opened (is the sound server running?).");
    case QAudio::IOError:
        return QStringLiteral("Writing to the audio output failed.");
    case QAudio::UnderrunError:
        return QStringLiteral("The audio output ran out of data.");
    case QAudio::FatalError:
        return QStringLiteral("The audio output failed and cannot be used.");
    case QAudio::NoError:
        break;
    }
    return QString();
}

} // namespace

PlaybackEngine::PlaybackEngine(Database &db, StorageLayout layout,
                               const SiteKeys &keys, QObject *parent)
    : QObject(parent), m_access(std::move(layout), db, keys), m_pull(new PcmPullDevice(this))
{
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &PlaybackEngine::tick);
    // Queued: these are emitted from inside the sink's read, which must not be re-entered.
    connect(m_pull, &PcmPullDevice::ended, this, &PlaybackEngine::onEnded, Qt::QueuedConnection);
    connect(
        m_pull, &PcmPullDevice::failed, this,
        [this](const QString &message) { fail(makeError(ErrorCode::Codec, message)); },
        Qt::QueuedConnection);
}

PlaybackEngine::~PlaybackEngine()
{
    stopScan();
    releaseSink();
    m_pull->setStream(nullptr);
}

Result<RecordingRow> PlaybackEngine::load(const Principal &principal, const QUuid &recordingId)
{
    unload();
    m_principal = principal;
    m_pendingMs = 0;
    auto allowed = PlaybackAuthorizer(m_access).check(principal, recordingId);
    if (!allowed) {
        // The denial is audited (AccessControl, or the server); the engine keeps the row
        // when it is visible (id, status) so the player can say which recording was refused
        // and why, but shows no waveform.
        auto row = m_access.row(recordingId);
        m_row = row ? row.value() : RecordingRow();
        m_row.id = recordingId;
        m_error = allowed.errorMessage();
        setState(allowed.error().code == ErrorCode::PermissionDenied ? State::Denied
                                                                     : State::Failed);
        emit errorOccurred(m_error);
        return allowed.error();
    }
    m_row = allowed.value();
    if (!m_row.peaks.isEmpty()) {
        auto parsed = PeakSummary::parse(m_row.peaks);
        if (parsed)
            setPeaks(parsed.takeValue());
        else
            qCWarning(lcPlayback) << "Stored waveform of" << recordingId
                                  << "is unreadable:" << parsed.errorMessage();
    }
    setState(State::Stopped);
    emit positionChanged(0);
    return m_row;
}

void PlaybackEngine::unload()
{
    stopScan();
    releaseSink();
    m_pull->setStream(nullptr);
    m_stream.reset();
    m_row = RecordingRow();
    m_peaks = PeakSummary();
    m_error.clear();
    m_pendingMs = 0;
    m_loop.reset();
    emit peaksChanged();
    emit loopChanged();
    setState(State::Empty);
}

Result<void> PlaybackEngine::startSession()
{
    // The device first: a play that cannot make a sound is not audited as one.
    if (m_device.isNull())
        m_device = QMediaDevices::defaultAudioOutput();
    if (m_device.isNull())
        return makeError(ErrorCode::Io,
                         QStringLiteral("There is no audio output on this computer (is PulseAudio "
                                        "running, or PULSE_SERVER set?)."));
    auto opened = PlaybackAuthorizer(m_access).authorize(m_principal, m_row.id);
    if (!opened)
        return opened.error();
    m_row = opened.value().row;
    auto source = DecodedAudioSource::open(std::move(opened.value().reader));
    if (!source)
        return source.error();
    m_stream = std::make_unique<PlaybackStream>(source.takeValue());
    m_stream->setSpeed(m_speed);
    m_stream->setSkipSilence(m_skipSilence);
    m_stream->setSilenceMap(SilenceMap::fromPeaks(m_peaks));
    for (Speaker s : {Speaker::Agent, Speaker::Customer}) {
        m_stream->gain().setVolume(s, m_gain.volume(s));
        m_stream->gain().setMuted(s, m_gain.muted(s));
    }
    if (m_loop) {
        if (auto looped = m_stream->setLoop(m_loop->aMs, m_loop->bMs); !looped)
            m_loop.reset();
    }
    if (m_pendingMs > 0) {
        if (auto sought = m_stream->seek(m_pendingMs); !sought)
            return sought;
    }
    m_pull->setStream(m_stream.get());
    m_pull->armFirstBuffer(m_beforeFirstBuffer);
    if (m_peaks.bucketCount() == 0)
        scanPeaksInBackground();
    return {};
}

Result<void> PlaybackEngine::play()
{
    switch (m_state) {
    case State::Empty:
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("No recording is open in the player."));
    case State::Denied:
        return makeError(ErrorCode::PermissionDenied, m_error);
    case State::Playing:
        return {};
    case State::Failed:
    case State::Stopped:
    case State::Paused:
        break;
    }
    if (!m_stream) {
        if (auto started = startSession(); !started) {
            m_stream.reset();
            m_pull->setStream(nullptr);
            if (started.error().code == ErrorCode::PermissionDenied) {
                m_error = started.errorMessage();
                setState(State::Denied);
                emit errorOccurred(m_error);
            } else {
                fail(started.error());
            }
            return started;
        }
    }
    if (m_stream->atEnd()) {
        if (auto rewound = m_stream->seek(0); !rewound) {
            fail(rewound.error());
            return rewound;
        }
    }
    if (!m_sink) {
        QAudioFormat format;
        format.setSampleRate(DecodedAudioSource::kRate);
        format.setChannelCount(DecodedAudioSource::kChannels);
        format.setSampleFormat(QAudioFormat::Int16);
        m_sink = new QAudioSink(m_device, format, this);
        m_sink->setBufferSize(kSinkBufferBytes);
        connect(m_sink, &QAudioSink::stateChanged, this, &PlaybackEngine::onSinkStateChanged);
    }
    if (m_sink->state() == QAudio::SuspendedState)
        m_sink->resume();
    else
        m_sink->start(m_pull);
    if (m_sink->error() == QAudio::OpenError || m_sink->error() == QAudio::FatalError) {
        const Error error = makeError(ErrorCode::Io, sinkErrorText(m_sink->error()));
        fail(error);
        return error;
    }
    m_error.clear();
    setState(State::Playing);
    m_ticker.start();
    return {};
}

void PlaybackEngine::pause()
{
    if (m_state != State::Playing)
        return;
    m_pendingMs = positionMs();
    m_ticker.stop();
    if (m_sink)
        m_sink->suspend();
    setState(State::Paused);
    emit positionChanged(m_pendingMs);
}

void PlaybackEngine::togglePlayPause()
{
    if (m_state == State::Playing)
        pause();
    else
        (void)play(); // failures are reported through state and errorOccurred()
}

void PlaybackEngine::seek(qint64 ms)
{
    if (m_state == State::Empty)
        return;
    const qint64 target = std::clamp<qint64>(ms, 0, durationMs());
    m_pendingMs = target;
    if (m_stream) {
        if (auto sought = m_stream->seek(target); !sought) {
            fail(sought.error());
            return;
        }
    }
    emit positionChanged(target);
}

void PlaybackEngine::setSpeed(double speed)
{
    const double clamped = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (clamped == m_speed)
        return;
    m_speed = clamped;
    if (m_stream)
        m_stream->setSpeed(m_speed);
    emit speedChanged(m_speed);
}

Result<void> PlaybackEngine::setLoop(qint64 aMs, qint64 bMs)
{
    bMs = std::min(bMs, durationMs());
    if (aMs < 0 || aMs >= bMs)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("A loop needs its start (A) before its end (B) inside the recording."));
    if (m_stream) {
        if (auto looped = m_stream->setLoop(aMs, bMs); !looped)
            return looped;
    }
    m_loop = LoopRange{aMs, bMs};
    emit loopChanged();
    const qint64 now = positionMs();
    if (now < aMs || now >= bMs)
        seek(aMs); // a loop is for hearing A-B again: start it now
    return {};
}

void PlaybackEngine::clearLoop()
{
    if (!m_loop)
        return;
    m_loop.reset();
    if (m_stream)
        m_stream->clearLoop();
    emit loopChanged();
}

void PlaybackEngine::setSkipSilence(bool on)
{
    m_skipSilence = on;
    if (m_stream)
        m_stream->setSkipSilence(on);
}

void PlaybackEngine::setChannelVolume(Speaker speaker, double volume)
{
    m_gain.setVolume(speaker, volume);
    if (m_stream)
        m_stream->gain().setVolume(speaker, m_gain.volume(speaker));
}

void PlaybackEngine::setChannelMuted(Speaker speaker, bool muted)
{
    m_gain.setMuted(speaker, muted);
    if (m_stream)
        m_stream->gain().setMuted(speaker, muted);
}

qint64 PlaybackEngine::positionMs() const
{
    if (!m_stream || m_state != State::Playing || !m_sink)
        return m_pendingMs;
    // What the sink holds has been rendered but not heard yet.
    const qint64 queued =
        std::max<qint64>(0, m_sink->bufferSize() - m_sink->bytesFree()) / kBytesPerFrame;
    return m_stream->positionMs(queued);
}

qint64 PlaybackEngine::durationMs() const
{
    return m_stream ? m_stream->durationMs() : m_row.durationMs;
}

void PlaybackEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void PlaybackEngine::fail(const Error &error)
{
    qCWarning(lcPlayback) << "Playback of" << m_row.id << "failed:" << error.message;
    m_ticker.stop();
    if (m_sink)
        m_sink->stop();
    m_error = error.message;
    setState(State::Failed);
    emit errorOccurred(m_error);
}

void PlaybackEngine::onSinkStateChanged(QAudio::State state)
{
    if (!m_sink || m_state != State::Playing)
        return;
    if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError &&
        m_sink->error() != QAudio::UnderrunError)
        fail(makeError(ErrorCode::Io, sinkErrorText(m_sink->error())));
}

void PlaybackEngine::onEnded()
{
    if (m_state != State::Playing)
        return;
    m_ticker.stop();
    if (m_sink)
        m_sink->stop();
    m_pendingMs = durationMs();
    setState(State::Stopped);
    emit positionChanged(m_pendingMs);
    emit finished();
}

void PlaybackEngine::tick()
{
    emit positionChanged(positionMs());
}

void PlaybackEngine::setPeaks(PeakSummary peaks)
{
    m_peaks = std::move(peaks);
    if (m_stream)
        m_stream->setSilenceMap(SilenceMap::fromPeaks(m_peaks));
    emit peaksChanged();
}

void PlaybackEngine::scanPeaksInBackground()
{
    // A second source of its own, opened here (the catalog connection belongs to this
    // thread); the play is already audited. On a server-enforced catalog this key read is
    // audited by the server as another 'recording.play' row.
    auto opened = m_access.open(m_row, KeyUse::Play);
    if (!opened) {
        qCWarning(lcPlayback) << "No waveform for" << m_row.id << ":" << opened.errorMessage();
        return;
    }
    auto source = DecodedAudioSource::open(std::move(opened.value().reader));
    if (!source) {
        qCWarning(lcPlayback) << "No waveform for" << m_row.id << ":" << source.errorMessage();
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_scanCancel = cancel;
    std::shared_ptr<DecodedAudioSource> shared(source.takeValue().release());
    const QUuid id = m_row.id;
    m_scan = QThread::create([this, shared, cancel, id] {
        auto peaks = scanPeaks(*shared, cancel.get());
        if (!peaks) {
            if (peaks.error().code != ErrorCode::Cancelled)
                qCWarning(lcPlayback) << "No waveform for" << id << ":" << peaks.errorMessage();
            return;
        }
        // Back on the engine's thread; dropped if the recording changed meanwhile.
        QMetaObject::invokeMethod(
            this,
            [this, id, summary = peaks.takeValue()]() mutable {
                if (m_row.id == id && m_state != State::Empty)
                    setPeaks(std::move(summary));
            },
            Qt::QueuedConnection);
    });
    m_scan->start();
}

void PlaybackEngine::stopScan()
{
    if (!m_scan)
        return;
    if (m_scanCancel)
        m_scanCancel->store(true);
    m_scan->wait();
    delete m_scan;
    m_scan = nullptr;
    m_scanCancel.reset();
}

void PlaybackEngine::releaseSink()
{
    m_ticker.stop();
    if (!m_sink)
        return;
    disconnect(m_sink, nullptr, this, nullptr);
    m_sink->stop();
    delete m_sink;
    m_sink = nullptr;
}

} // namespace cv
