#include "player/playerpanel.h"

#include "player/waveformview.h"
#include "tags/bookmarkservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace cv {

namespace {

QString clockText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &toolTip,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    // The keys belong to the panel's shortcuts; a focused button would take Space.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

constexpr int kVolumeSteps = 100; // slider 0..200 = volume 0..2

} // namespace

PlayerPanel::PlayerPanel(Database &db, const Principal &principal, StorageLayout layout,
                         const SiteKeys &keys, QWidget *parent)
    : QWidget(parent), m_db(db), m_principal(principal),
      m_engine(db, std::move(layout), keys, this)
{
    setObjectName(QStringLiteral("playerPanel"));
    setFocusPolicy(Qt::StrongFocus);
    buildUi();
    installShortcuts();
    connect(&m_engine, &PlaybackEngine::stateChanged, this, &PlayerPanel::updateState);
    connect(&m_engine, &PlaybackEngine::positionChanged, this, &PlayerPanel::updatePosition);
    connect(&m_engine, &PlaybackEngine::loopChanged, this, &PlayerPanel::updateLoop);
    connect(&m_engine, &PlaybackEngine::peaksChanged, this,
            [this] { m_waveform->setPeaks(m_engine.peaks(), m_engine.durationMs()); });
    connect(&m_engine, &PlaybackEngine::speedChanged, this, [this](double speed) {
        for (int i = 0; i < m_speed->count(); ++i) {
            if (std::abs(m_speed->itemData(i).toDouble() - speed) < 1e-6)
                m_speed->setCurrentIndex(i);
        }
    });
    connect(&m_engine, &PlaybackEngine::errorOccurred, this, [this](const QString &message) {
        if (m_engine.state() != PlaybackEngine::State::Denied)
            showMessage(tr("Playback stopped: %1").arg(message), true);
        emit errorOccurred(message);
    });
    updateState(m_engine.state());
}

PlayerPanel::~PlayerPanel() = default;

void PlayerPanel::buildUi()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("recordingTitle"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recordingStatus"));
    m_waveform = new WaveformView(this);
    connect(m_waveform, &WaveformView::seekRequested, &m_engine, &PlaybackEngine::seek);
    m_zoomIn = toolButton(QStringLiteral("zoomInButton"), tr("+"),
                          tr("Zoom in (or turn the mouse wheel)"), this);
    m_zoomOut = toolButton(QStringLiteral("zoomOutButton"), tr("−"), tr("Zoom out"), this);
    connect(m_zoomIn, &QToolButton::clicked, m_waveform, &WaveformView::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_waveform, &WaveformView::zoomOut);

    m_back =
        toolButton(QStringLiteral("backButton"), tr("« 5 s"), tr("Back 5 seconds (Left)"), this);
    m_play = new QPushButton(tr("Play"), this);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setFocusPolicy(Qt::NoFocus);
    m_forward = toolButton(QStringLiteral("forwardButton"), tr("5 s »"),
                           tr("Forward 5 seconds (Right)"), this);
    connect(m_back, &QToolButton::clicked, this, [this] { m_engine.skip(-kArrowStepMs); });
    connect(m_forward, &QToolButton::clicked, this, [this] { m_engine.skip(kArrowStepMs); });
    connect(m_play, &QPushButton::clicked, this, &PlayerPanel::togglePlay);
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("positionLabel"));

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedBox"));
    m_speed->setToolTip(tr("Playback speed; the pitch stays the same ([ slower, ] faster)"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (double step : kSpeedSteps)
        m_speed->addItem(tr("%1×").arg(QLocale().toString(step)), step);
    m_speed->setCurrentIndex(2);
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { m_engine.setSpeed(m_speed->itemData(index).toDouble()); });

    m_loopA =
        toolButton(QStringLiteral("loopAButton"), tr("A"), tr("Loop start at the position"), this);
    m_loopB = toolButton(QStringLiteral("loopBButton"), tr("B"),
                         tr("Loop end at the position: A-B repeats"), this);
    m_loopClear = toolButton(QStringLiteral("loopClearButton"), tr("No loop"),
                             tr("Play on without the loop"), this);
    connect(m_loopA, &QToolButton::clicked, this, &PlayerPanel::setLoopStart);
    connect(m_loopB, &QToolButton::clicked, this, &PlayerPanel::setLoopEnd);
    connect(m_loopClear, &QToolButton::clicked, this, [this] {
        m_loopStart.reset();
        m_engine.clearLoop();
    });
    m_skipSilence = new QCheckBox(tr("Skip silences"), this);
    m_skipSilence->setObjectName(QStringLiteral("skipSilenceCheck"));
    m_skipSilence->setToolTip(
        tr("Jump over pauses longer than a second where neither party speaks"));
    m_skipSilence->setFocusPolicy(Qt::NoFocus);
    connect(m_skipSilence, &QCheckBox::toggled, &m_engine, &PlaybackEngine::setSkipSilence);

    auto speakerControls = [this](Speaker speaker, const QString &name, QToolButton *&mute,
                                  QSlider *&volume) {
        const QString key =
            speaker == Speaker::Agent ? QStringLiteral("agent") : QStringLiteral("customer");
        mute =
            toolButton(key + QStringLiteral("Mute"), name, tr("Mute or unmute %1").arg(name), this);
        mute->setCheckable(true);
        volume = new QSlider(Qt::Horizontal, this);
        volume->setObjectName(key + QStringLiteral("Volume"));
        volume->setToolTip(tr("Volume of %1").arg(name));
        volume->setRange(0, 2 * kVolumeSteps);
        volume->setValue(kVolumeSteps);
        volume->setFocusPolicy(Qt::NoFocus);
        connect(mute, &QToolButton::toggled, this,
                [this, speaker](bool on) { m_engine.setChannelMuted(speaker, on); });
        connect(volume, &QSlider::valueChanged, this, [this, speaker](int value) {
            m_engine.setChannelVolume(speaker, double(value) / kVolumeSteps);
        });
    };
    speakerControls(Speaker::Agent, tr("Agent"), m_agentMute, m_agentVolume);
    speakerControls(Speaker::Customer, tr("Customer"), m_customerMute, m_customerVolume);

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("bookmarkNote"));
    m_note->setPlaceholderText(tr("Note for the next bookmark"));
    m_note->setMaxLength(2000);
    connect(m_note, &QLineEdit::returnPressed, this, &PlayerPanel::addBookmark);
    m_bookmark = toolButton(QStringLiteral("bookmarkButton"), tr("Bookmark"),
                            tr("Bookmark the position (B)"), this);
    connect(m_bookmark, &QToolButton::clicked, this, &PlayerPanel::addBookmark);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("playerMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    auto *wave = new QHBoxLayout;
    auto *zoom = new QVBoxLayout;
    zoom->addWidget(m_zoomIn);
    zoom->addWidget(m_zoomOut);
    zoom->addStretch();
    wave->addWidget(m_waveform, 1);
    wave->addLayout(zoom);
    auto *transport = new QHBoxLayout;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_back, m_play, m_forward, m_position, m_speed, m_loopA,
                                          m_loopB, m_loopClear, m_skipSilence})
        transport->addWidget(w);
    transport->addStretch();
    auto *mix = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_agentMute, m_agentVolume, m_customerMute,
                                                       m_customerVolume})
        mix->addWidget(w);
    mix->addWidget(m_note, 1);
    mix->addWidget(m_bookmark);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(wave, 1);
    layout->addLayout(transport);
    layout->addLayout(mix);
    layout->addWidget(m_message);
}

void PlayerPanel::installShortcuts()
{
    auto bind = [this](const QKeySequence &key, const QString &name, auto slot) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setObjectName(name);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        shortcut->setAutoRepeat(key != QKeySequence(Qt::Key_B)); // one bookmark per press
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind(QKeySequence(Qt::Key_Space), QStringLiteral("playPauseKey"), [this] { togglePlay(); });
    bind(QKeySequence(Qt::Key_J), QStringLiteral("backKey"),
         [this] { m_engine.skip(-kJumpBackMs); });
    bind(QKeySequence(Qt::Key_K), QStringLiteral("pauseKey"), [this] { m_engine.pause(); });
    bind(QKeySequence(Qt::Key_L), QStringLiteral("forwardKey"), [this] { playOrSpeedUp(); });
    bind(QKeySequence(Qt::Key_Left), QStringLiteral("leftKey"),
         [this] { m_engine.skip(-kArrowStepMs); });
    bind(QKeySequence(Qt::Key_Right), QStringLiteral("rightKey"),
         [this] { m_engine.skip(kArrowStepMs); });
    bind(QKeySequence(Qt::Key_BracketLeft), QStringLiteral("slowerKey"), [this] { stepSpeed(-1); });
    bind(QKeySequence(Qt::Key_BracketRight), QStringLiteral("fasterKey"), [this] { stepSpeed(1); });
    bind(QKeySequence(Qt::Key_B), QStringLiteral("bookmarkKey"), [this] { addBookmark(); });
}

void PlayerPanel::openRecording(const QUuid &id)
{
    m_loopStart.reset();
    m_waveform->clear();
    showMessage(QString(), false);
    auto loaded = m_engine.load(m_principal, id);
    m_title->setText(tr("Recording %1").arg(id.toString(QUuid::WithoutBraces)));
    updateStatus();
    if (!loaded) {
        if (m_engine.state() == PlaybackEngine::State::Denied)
            showMessage(tr("You may not play this recording. %1").arg(loaded.errorMessage()), true);
        else
            showMessage(tr("The recording cannot be opened: %1").arg(loaded.errorMessage()), true);
        return;
    }
    m_waveform->setPeaks(m_engine.peaks(), m_engine.durationMs());
    for (QToolButton *mute : {m_agentMute, m_customerMute})
        mute->setChecked(false);
    m_agentVolume->setValue(kVolumeSteps);
    m_customerVolume->setValue(kVolumeSteps);
    m_skipSilence->setChecked(m_engine.skipSilence());
    reloadBookmarks();
    updatePosition(0);
    setFocus(Qt::OtherFocusReason);
    emit recordingOpened(id);
}

void PlayerPanel::closeRecording()
{
    m_engine.unload();
    m_waveform->clear();
    m_title->clear();
    m_status->clear();
    showMessage(QString(), false);
    updatePosition(0);
}

void PlayerPanel::togglePlay()
{
    if (m_engine.state() == PlaybackEngine::State::Playing)
        m_engine.pause();
    else
        (void)m_engine.play(); // a refusal or failure arrives through stateChanged/errorOccurred
}

void PlayerPanel::playOrSpeedUp()
{
    if (m_engine.state() == PlaybackEngine::State::Playing)
        stepSpeed(1);
    else
        (void)m_engine.play();
}

void PlayerPanel::stepSpeed(int steps)
{
    const double now = m_engine.speed();
    int index = 0;
    for (std::size_t i = 0; i < kSpeedSteps.size(); ++i) {
        if (std::abs(kSpeedSteps[i] - now) < std::abs(kSpeedSteps[std::size_t(index)] - now))
            index = int(i);
    }
    index = std::clamp(index + steps, 0, int(kSpeedSteps.size()) - 1);
    m_engine.setSpeed(kSpeedSteps[std::size_t(index)]);
}

void PlayerPanel::setLoopStart()
{
    m_loopStart = m_engine.positionMs();
    showMessage(tr("Loop start (A) at %1; set B to repeat.").arg(clockText(*m_loopStart)), false);
}

void PlayerPanel::setLoopEnd()
{
    const qint64 end = m_engine.positionMs();
    const qint64 start = m_loopStart.value_or(0);
    if (auto looped = m_engine.setLoop(start, end); !looped) {
        showMessage(tr("The loop end (B) must come after its start (A)."), true);
        return;
    }
    showMessage(QString(), false);
}

void PlayerPanel::addBookmark()
{
    if (m_engine.state() == PlaybackEngine::State::Empty)
        return;
    const qint64 at = m_engine.positionMs();
    auto added =
        BookmarkService(m_db).add(m_principal, m_engine.recording().id, at, m_note->text());
    if (!added) {
        showMessage(tr("The bookmark was not added: %1").arg(added.errorMessage()), true);
        return;
    }
    m_note->clear();
    showMessage(tr("Bookmark added at %1.").arg(clockText(at)), false);
    reloadBookmarks();
    emit bookmarkAdded(added->id, at);
}

void PlayerPanel::reloadBookmarks()
{
    // Reading bookmarks needs recording.bookmark; asking without it would only fill the
    // audit trail with denials, so a person without it sees no markers.
    if (!m_principal.has(Permission::RecordingBookmark)) {
        m_waveform->setBookmarks({});
        return;
    }
    auto listed = BookmarkService(m_db).list(m_principal, m_engine.recording().id);
    m_waveform->setBookmarks(listed ? listed.value() : QVector<BookmarkRow>());
}

void PlayerPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void PlayerPanel::updateState(PlaybackEngine::State state)
{
    using State = PlaybackEngine::State;
    const bool loaded = state != State::Empty && state != State::Denied;
    m_play->setEnabled(loaded);
    m_play->setText(state == State::Playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(state == State::Denied ? m_engine.errorString()
                                              : tr("Play or pause (Space)"));
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_back, m_forward, m_speed, m_loopA, m_loopB, m_loopClear, m_skipSilence, m_agentMute,
             m_agentVolume, m_customerMute, m_customerVolume, m_waveform})
        w->setEnabled(loaded);
    const bool mayBookmark = loaded && m_principal.has(Permission::RecordingBookmark);
    m_bookmark->setEnabled(mayBookmark);
    m_note->setEnabled(mayBookmark);
}

void PlayerPanel::updatePosition(qint64 ms)
{
    m_waveform->setPosition(ms);
    m_position->setText(tr("%1 / %2").arg(clockText(ms), clockText(m_engine.durationMs())));
}

void PlayerPanel::updateStatus()
{
    if (m_engine.recording().storagePath.isEmpty()) {
        m_status->clear(); // a recording this person cannot see: nothing to tell about it
        m_status->setToolTip(QString());
        return;
    }
    switch (m_engine.recording().status) {
    case RecordingStatus::Unfinished:
        m_status->setText(tr("Unfinished"));
        m_status->setToolTip(
            tr("The recording did not end normally; it plays up to its last saved second."));
        break;
    case RecordingStatus::Recovered:
        m_status->setText(tr("Recovered"));
        m_status->setToolTip(
            tr("Recovered after a crash; up to the last second before it may be missing."));
        break;
    case RecordingStatus::Normal:
        m_status->setText(tr("Complete"));
        m_status->setToolTip(QString());
        break;
    }
}

void PlayerPanel::updateLoop()
{
    m_waveform->setLoop(m_engine.loop());
}

} // namespace cv
