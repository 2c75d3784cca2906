#pragma once

#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "codec/peaksummary.h"
#include "common/result.h"
#include "playback/playbackstream.h"
#include "playback/speaker.h"
#include "playback/speakergain.h"
#include "store/recordingaccess.h"

#include <QAudio>
#include <QAudioDevice>
#include <QObject>
#include <QTimer>
#include <QUuid>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QAudioSink;
class QThread;

namespace cv {

class PcmPullDevice;

// Plays one cataloged recording through a QAudioSink (PulseAudio on Linux) in pull mode.
//
// load() checks recording.play for the person (a denial is audited and leaves the engine
// Denied, with the reason in errorString()); it reads no key and decodes nothing. The
// first play() of a loaded recording is the audited play: PlaybackAuthorizer writes the
// 'recording.play' row, only then is the data key unwrapped and the sink started, so the
// row exists before the first buffer. Pause/resume, seeks, loops and speed changes belong
// to that play and are not audited again; load() starts a new one.
//
// Positions are milliseconds of the recording's timeline (what is being heard), whatever
// the speed. Settings made before the first play() apply when it starts.
class PlaybackEngine final : public QObject
{
    Q_OBJECT

public:
    enum class State : int
    {
        Empty = 0,   // nothing loaded
        Denied = 1,  // loaded, but this person may not play it
        Stopped = 2, // loaded; not started yet, or played to the end
        Playing = 3,
        Paused = 4,
        Failed = 5 // decrypting, decoding or the audio device failed: errorString()
    };
    Q_ENUM(State)

    static constexpr double kMinSpeed = TempoStretcher::kMinTempo;
    static constexpr double kMaxSpeed = TempoStretcher::kMaxTempo;

    // `db` and `keys` are referenced, not copied: they must outlive the engine.
    PlaybackEngine(Database &db, StorageLayout layout, const SiteKeys &keys,
                   QObject *parent = nullptr);
    ~PlaybackEngine() override;

    Result<RecordingRow> load(const Principal &principal, const QUuid &recordingId);
    void unload();

    Result<void> play();
    void pause();
    void togglePlayPause();
    void seek(qint64 ms);
    void skip(qint64 deltaMs) { seek(positionMs() + deltaMs); }
    void setSpeed(double speed); // clamped to kMinSpeed..kMaxSpeed
    Result<void> setLoop(qint64 aMs, qint64 bMs);
    void clearLoop();
    void setSkipSilence(bool on);
    void setChannelVolume(Speaker speaker, double volume); // 0..SpeakerGain::kMaxVolume
    void setChannelMuted(Speaker speaker, bool muted);
    // The output device; the system default when never set or null.
    void setAudioDevice(const QAudioDevice &device) { m_device = device; }
    // Runs on the audio path right before the first buffer of each play is handed to the
    // sink (the audit row is already committed then; tests check it there).
    void setBeforeFirstBuffer(std::function<void()> hook) { m_beforeFirstBuffer = std::move(hook); }

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    const RecordingRow &recording() const { return m_row; }
    // The waveform: the stored peaks, or for a recording without them (recovered) the
    // peaks computed after its first play() started; empty until then (peaksChanged()).
    const PeakSummary &peaks() const { return m_peaks; }
    qint64 positionMs() const;
    qint64 durationMs() const;
    double speed() const { return m_speed; }
    std::optional<LoopRange> loop() const { return m_loop; }
    bool skipSilence() const { return m_skipSilence; }
    const SpeakerGain &gain() const { return m_gain; }

signals:
    void stateChanged(cv::PlaybackEngine::State state);
    void positionChanged(qint64 ms);
    void speedChanged(double speed);
    void loopChanged();
    void peaksChanged();
    void finished(); // played to the end
    void errorOccurred(const QString &message);

private:
    Result<void> startSession();
    void setState(State state);
    void fail(const Error &error);
    void onSinkStateChanged(QAudio::State state);
    void onEnded();
    void tick();
    void setPeaks(PeakSummary peaks);
    void scanPeaksInBackground();
    void stopScan();
    void releaseSink();

    RecordingAccess m_access;
    Principal m_principal;
    RecordingRow m_row;
    State m_state = State::Empty;
    QString m_error;
    PeakSummary m_peaks;

    std::unique_ptr<PlaybackStream> m_stream;
    PcmPullDevice *m_pull = nullptr; // child
    QAudioSink *m_sink = nullptr;    // child
    QAudioDevice m_device;
    QTimer m_ticker;
    std::function<void()> m_beforeFirstBuffer;
    qint64 m_pendingMs = 0; // position before the stream exists, and while paused/stopped

    double m_speed = 1.0;
    std::optional<LoopRange> m_loop;
    bool m_skipSilence = false;
    SpeakerGain m_gain;

    QThread *m_scan = nullptr;
    std::shared_ptr<std::atomic<bool>> m_scanCancel;
};

} // namespace cv
