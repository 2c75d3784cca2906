#pragma once

#include <QUuid>
#include <QWidget>
#include <memory>
#include <optional>

class QLabel;

namespace cv {

class PlayerPanel;
class WorkstationSession;
struct SiteKeys;

// Where the player sits in the main window. The player needs the site private key, so it
// is made on the first play (which may ask for the key-file passphrase) with a copy of the
// key that this host owns; when the session locks, the player and that copy are dropped,
// so a locked workstation holds no key, and the next play after unlocking asks again.
class PlayerHost final : public QWidget
{
    Q_OBJECT

public:
    explicit PlayerHost(WorkstationSession &session, QWidget *parent = nullptr);
    ~PlayerHost() override;

    // Opens the recording in the player (making the player first if needed) and plays it.
    void play(const QUuid &recordingId);
    PlayerPanel *player() const { return m_player; }
    // Makes the player now (unlocking the site key if needed); false with the reason shown.
    bool ensurePlayer();
    // The playback position when the player holds `recordingId`; none otherwise (the
    // evaluation pane pins answers to it).
    std::optional<qint64> positionIn(const QUuid &recordingId) const;
    // Seeks when the player holds `recordingId`, else opens and plays it first; a pin's click.
    void seekIn(const QUuid &recordingId, qint64 ms);

private:
    void dropPlayer();

    WorkstationSession &m_session;
    QLabel *m_hint;
    PlayerPanel *m_player = nullptr;
    std::unique_ptr<SiteKeys> m_key; // the player's copy, while it exists
};

} // namespace cv
