#include "keyrotationpanel.h"

#include "session/workstationsession.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QApplication>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv {

namespace {

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

} // namespace

KeyRotationPanel::KeyRotationPanel(WorkstationSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_status(new QLabel(this)), m_message(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_rotate(new QPushButton(tr("Rotate the encryption key…"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_destroy(new QPushButton(tr("Destroy the retired keys…"), this)),
      m_mayManage(session.principal().has(Permission::KeysManage)),
      m_thread(this, QStringLiteral("CallVault key rotation"))
{
    setObjectName(QStringLiteral("keyRotationPanel"));
    m_status->setObjectName(QStringLiteral("keyRotationStatus"));
    m_message->setObjectName(QStringLiteral("keyRotationMessage"));
    m_progress->setObjectName(QStringLiteral("keyRotationProgress"));
    m_rotate->setObjectName(QStringLiteral("rotateKeyButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelKeyRotationButton"));
    m_destroy->setObjectName(QStringLiteral("destroyRetiredKeysButton"));
    m_status->setWordWrap(true);
    m_message->setWordWrap(true);
    m_progress->hide();
    m_cancelButton->hide();

    auto *box = new QGroupBox(tr("Key rotation"), this);
    auto *layout = new QVBoxLayout(box);
    auto *explain = new QLabel(tr("A rotation makes a new encryption key and re-wraps every recording's data key "
                                  "to it; the audio itself is not rewritten. It can be cancelled and resumed. "
                                  "The old key stays in the key store until you destroy it."),
                               box);
    explain->setWordWrap(true);
    layout->addWidget(explain);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rotate);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_destroy);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(box);

    if (!m_mayManage) {
        const QString why = tr("Your role (%1) may not manage the site keys.").arg(session.principal().role);
        for (QPushButton *b : {m_rotate, m_destroy}) {
            b->setEnabled(false);
            b->setToolTip(why);
        }
        m_status->setText(why);
    }
    connect(m_rotate, &QPushButton::clicked, this, &KeyRotationPanel::confirmRotate);
    connect(m_cancelButton, &QPushButton::clicked, this, &KeyRotationPanel::cancel);
    connect(m_destroy, &QPushButton::clicked, this, &KeyRotationPanel::confirmDestroy);
    // A locked session holds no keys: the run's copy goes too (Resume continues later).
    connect(&session, &WorkstationSession::locked, this, &KeyRotationPanel::cancel);
    if (m_mayManage)
        refresh();
}

KeyRotationPanel::~KeyRotationPanel()
{
    // The batch in progress commits or rolls back; the rest waits for the next Resume.
    if (m_cancel)
        m_cancel->store(true);
}

void KeyRotationPanel::refresh()
{
    const QUuid siteId = m_session.site().config().siteId;
    const QByteArray signing = m_session.site().config().publicKeys.signing;
    m_thread.run<KeyRotationStatus>(
        [db = &m_session.db(), who = m_session.principal(), siteId, signing] {
            return SiteKeyRotation(*db, who).status(siteId, signing);
        },
        [this](Result<KeyRotationStatus> status) {
            if (!status)
                m_status->setText(tr("The key status could not be read: %1").arg(status.errorMessage()));
            else
                showStatus(status.value());
            emit statusShown();
        });
}

void KeyRotationPanel::showStatus(const KeyRotationStatus &status)
{
    m_last = status;
    QStringList lines;
    lines << tr("%n recording key(s) in the catalog, %1 on the current key.", nullptr, int(status.total()))
                 .arg(status.usage.value(status.currentKeyId));
    if (!status.latest) {
        lines << tr("The encryption key has never been rotated.");
    } else if (status.running()) {
        lines << tr("Rotation %1, started %2 by %3, is not finished: %n key(s) to go.", nullptr,
                    int(status.notOnCurrentKey()))
                     .arg(status.latest->id)
                     .arg(when(status.latest->startedAtMs), status.latest->startedBy);
    } else {
        lines << tr("Last rotation %1 finished %2 (%n key(s) re-wrapped); its signed record is %3.", nullptr,
                    int(status.latest->rewrapped))
                     .arg(status.latest->id)
                     .arg(when(status.latest->finishedAtMs.value_or(0)),
                          status.latestSignatureValid ? tr("valid") : tr("NOT valid"));
        if (status.notOnCurrentKey() > 0)
            lines << tr("%n key(s) arrived later still wrapped to an old key (a capture node that was offline).",
                        nullptr, int(status.notOnCurrentKey()));
    }
    m_status->setText(lines.join(QLatin1Char('\n')));
    if (!isRunning())
        m_rotate->setText(status.running() || status.notOnCurrentKey() > 0 ? tr("Resume the re-wrapping")
                                                                           : tr("Rotate the encryption key…"));
}

void KeyRotationPanel::confirmRotate()
{
    if (m_last && (m_last->running() || m_last->notOnCurrentKey() > 0)) {
        rotate();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Rotate the encryption key"),
        tr("Make a new site encryption key and re-wrap every recording's data key to it?\n\n"
           "Other workstations need the new private key afterwards: make a new key backup when the "
           "rotation is done and import it there. Capture nodes need the new site.json (public keys only)."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        rotate();
}

bool KeyRotationPanel::rotate()
{
    if (isRunning())
        return false;
    const bool resume = m_last && (m_last->running() || m_last->notOnCurrentKey() > 0);
    if (!resume) {
        std::optional<KeyRotationRow> started;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto done = m_session.updateSiteKeys([&](Site &site, KeyStore &store, SiteKeys &keys) -> Result<void> {
            auto row = SiteKeyRotation(m_session.db(), m_session.principal()).start(site, store, keys);
            if (!row)
                return row.error();
            started = row.takeValue();
            return {};
        });
        QApplication::restoreOverrideCursor();
        if (!done) {
            m_message->setText(tr("The rotation did not start: %1").arg(done.errorMessage()));
            return false;
        }
        m_message->setText(tr("Rotation %1 started: the new key's fingerprint is %2.")
                               .arg(started->id)
                               .arg(m_session.site().config().publicKeys.fingerprint()));
    }
    runInBackground();
    return true;
}

void KeyRotationPanel::runInBackground()
{
    auto keys = m_session.siteKeys();
    if (!keys) {
        m_message->setText(tr("The site keys are not available here: %1").arg(keys.errorMessage()));
        return;
    }
    auto copy = keys.value()->clone();
    if (!copy) {
        m_message->setText(tr("The site keys are not available here: %1").arg(copy.errorMessage()));
        return;
    }
    auto ring = std::make_shared<SiteKeys>(copy.takeValue());
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setBusy(true);
    QPointer<QProgressBar> bar(m_progress);
    m_thread.run<KeyRotationOutcome>(
        [db = &m_session.db(), who = m_session.principal(), siteId = m_session.site().config().siteId, ring,
         cancel = m_cancel, bar] {
            const auto progress = [bar](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(qApp, [bar, done, total] {
                    if (!bar)
                        return;
                    bar->setRange(0, int(std::min<qint64>(total, INT_MAX)));
                    bar->setValue(int(std::min<qint64>(done, INT_MAX)));
                });
            };
            return SiteKeyRotation(*db, who).run(siteId, *ring, progress, cancel.get());
        },
        [this](Result<KeyRotationOutcome> outcome) { showOutcome(outcome); });
}

void KeyRotationPanel::showOutcome(const Result<KeyRotationOutcome> &outcome)
{
    m_cancel.reset();
    setBusy(false);
    if (!outcome) {
        m_message->setText(tr("The re-wrapping stopped: %1").arg(outcome.errorMessage()));
    } else if (outcome->finished) {
        m_message->setText(tr("Rotation finished: %n key(s) re-wrapped and the record signed. Make a new key "
                              "backup for the other workstations.",
                              nullptr, int(outcome->rewrapped)));
    } else if (outcome->cancelled) {
        m_message->setText(tr("Cancelled after %n key(s); Resume continues where it stopped.", nullptr,
                              int(outcome->rewrapped)));
    } else if (outcome->remaining > 0) {
        m_message->setText(tr("%n key(s) could not be re-wrapped: %1", nullptr, int(outcome->skipped))
                               .arg(outcome->problems.join(QStringLiteral("; "))));
    } else {
        m_message->setText(tr("%n late key(s) re-wrapped to the current key.", nullptr, int(outcome->rewrapped)));
    }
    refresh();
    emit runEnded(outcome && outcome->remaining == 0);
}

void KeyRotationPanel::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void KeyRotationPanel::confirmDestroy()
{
    const auto answer = QMessageBox::warning(
        this, tr("Destroy the retired keys"),
        tr("Destroy the old encryption keys kept since the last rotation? Do it only when every capture "
           "node has delivered its recordings: anything still wrapped to an old key could never be opened "
           "again. CallVault refuses while the catalog holds such keys."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        destroyRetiredKeys();
}

bool KeyRotationPanel::destroyRetiredKeys()
{
    int destroyed = 0;
    auto done = m_session.updateSiteKeys([&](Site &site, KeyStore &store, SiteKeys &keys) -> Result<void> {
        auto n = SiteKeyRotation(m_session.db(), m_session.principal())
                     .destroyRetiredKeys(site.config().siteId, store, keys);
        if (!n)
            return n.error();
        destroyed = n.value();
        return {};
    });
    if (!done) {
        m_message->setText(tr("The retired keys were kept: %1").arg(done.errorMessage()));
        return false;
    }
    m_message->setText(destroyed == 0 ? tr("There were no retired keys to destroy.")
                                      : tr("Destroyed %n retired key(s).", nullptr, destroyed));
    return true;
}

void KeyRotationPanel::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_rotate->setEnabled(!busy && m_mayManage);
    m_destroy->setEnabled(!busy && m_mayManage);
    if (busy)
        m_progress->setRange(0, 0); // busy until the first batch reports
}

} // namespace cv
