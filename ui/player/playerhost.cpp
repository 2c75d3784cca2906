#include "playerhost.h"

#include "crypto/x25519keypair.h"
#include "playerpanel.h"
#include "session/workstationsession.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cv {

PlayerHost::PlayerHost(WorkstationSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("playerHost"));
    m_hint->setObjectName(QStringLiteral("playerHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Double-click a call, or select it and press Enter, to play it here."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    connect(&session, &WorkstationSession::locked, this, &PlayerHost::dropPlayer);
    // A key rotation changed the ring: the player's copy may lack the new key.
    connect(&session, &WorkstationSession::siteKeysChanged, this, &PlayerHost::dropPlayer);
}

PlayerHost::~PlayerHost()
{
    dropPlayer(); // the panel goes before the key it refers to
}

bool PlayerHost::ensurePlayer()
{
    if (m_player)
        return true;
    auto keys = m_session.siteKeys();
    if (!keys) {
        m_hint->setText(tr("The recording cannot be played here: %1").arg(keys.errorMessage()));
        return false;
    }
    auto copy = keys.value()->clone();
    if (!copy) {
        m_hint->setText(tr("The recording cannot be played here: %1").arg(copy.errorMessage()));
        return false;
    }
    m_key = std::make_unique<SiteKeys>(copy.takeValue());
    m_player = new PlayerPanel(m_session.db(), m_session.principal(), m_session.site().layout(), *m_key, this);
    layout()->addWidget(m_player);
    m_hint->hide();
    return true;
}

void PlayerHost::dropPlayer()
{
    delete m_player;
    m_player = nullptr;
    m_key.reset();
    m_hint->show();
}

void PlayerHost::play(const QUuid &recordingId)
{
    if (recordingId.isNull() || !ensurePlayer())
        return;
    m_player->openRecording(recordingId);
    // Opening a call to play it starts it; a refusal or failure shows in the panel.
    if (m_player->engine().state() == PlaybackEngine::State::Stopped)
        (void)m_player->engine().play();
}

std::optional<qint64> PlayerHost::positionIn(const QUuid &recordingId) const
{
    if (!m_player || recordingId.isNull() || m_player->engine().recording().id != recordingId)
        return std::nullopt;
    return m_player->engine().positionMs();
}

void PlayerHost::seekIn(const QUuid &recordingId, qint64 ms)
{
    if (recordingId.isNull())
        return;
    if (!m_player || m_player->engine().recording().id != recordingId)
        play(recordingId);
    if (m_player && m_player->engine().recording().id == recordingId)
        m_player->engine().seek(ms);
}

} // namespace cv
