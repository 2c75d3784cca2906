#pragma once

#include "auth/principal.h"
#include "playback/playbackengine.h"
#include "store/storagelayout.h"

#include <QUuid>
#include <QWidget>
#include <array>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QToolButton;

namespace cv {

class Database;
class WaveformView;
struct SiteKeys;

// The workstation's player for one recording at a time: waveform lanes, transport, speed,
// A-B loop, skip silences, per-speaker volume and mute, bookmarks, and the recording's
// status. Everything goes through PlaybackEngine and BookmarkService, which check the
// person's permissions and audit; the panel only shows what they decide. When playback is
// refused the play button stays visible but disabled, with the reason beside it.
//
// Keys (while the panel has focus): Space play/pause; J back 10 s, K pause, L play (again
// while playing: one speed step faster); Left/Right 5 s; [ and ] speed down/up; B bookmark
// at the position (with the note typed in the note field, if any).
class PlayerPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::array<double, 7> kSpeedSteps{{0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0}};
    static constexpr qint64 kArrowStepMs = 5000;
    static constexpr qint64 kJumpBackMs = 10000;

    // `db` and `keys` are referenced, not copied: they must outlive the panel.
    PlayerPanel(Database &db, const Principal &principal, StorageLayout layout,
                const SiteKeys &keys, QWidget *parent = nullptr);
    ~PlayerPanel() override;

    // Loads the recording (permission checked, a denial audited and explained); does not
    // start playing. The audited play happens on the first press of play.
    void openRecording(const QUuid &id);
    void closeRecording();
    PlaybackEngine &engine() { return m_engine; }

signals:
    void recordingOpened(const QUuid &id);
    void bookmarkAdded(qint64 bookmarkId, qint64 offsetMs);
    void errorOccurred(const QString &message);

private:
    void buildUi();
    void installShortcuts();
    void togglePlay();
    void playOrSpeedUp();
    void stepSpeed(int steps);
    void setLoopStart();
    void setLoopEnd();
    void addBookmark();
    void reloadBookmarks();
    void showMessage(const QString &text, bool problem);
    void updateState(PlaybackEngine::State state);
    void updatePosition(qint64 ms);
    void updateStatus();
    void updateLoop();

    Database &m_db;
    Principal m_principal;
    PlaybackEngine m_engine;
    std::optional<qint64> m_loopStart;

    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    WaveformView *m_waveform = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QPushButton *m_play = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QLabel *m_position = nullptr;
    QComboBox *m_speed = nullptr;
    QToolButton *m_loopA = nullptr;
    QToolButton *m_loopB = nullptr;
    QToolButton *m_loopClear = nullptr;
    QCheckBox *m_skipSilence = nullptr;
    QToolButton *m_agentMute = nullptr;
    QSlider *m_agentVolume = nullptr;
    QToolButton *m_customerMute = nullptr;
    QSlider *m_customerVolume = nullptr;
    QLineEdit *m_note = nullptr;
    QToolButton *m_bookmark = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cv
