#include "workstationsession.h"

#include "crypto/cryptoutil.h"
#include "keyunlockdialog.h"
#include "lockdialog.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QLoggingCategory>
#include <QWidget>

namespace cv {

Q_LOGGING_CATEGORY(lcSession, "callvault.session")

namespace {

// What counts as the person at the desk doing something. Paint, timer and focus events do
// not: a window that only updates itself must still lock.
bool isUserInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        return true;
    default:
        return false;
    }
}

} // namespace

WorkstationSession::WorkstationSession(LoggedInSite in, SiteLogin::Options options,
                                       QObject *parent)
    : QObject(parent), m_in(std::move(in)), m_options(std::move(options))
{
    m_prompt = [this](const QString &problem) { return askPassphrase(problem); };
}

WorkstationSession::~WorkstationSession()
{
    if (qApp)
        qApp->removeEventFilter(this);
    if (!m_loggedOut) {
        forgetKeys();
        // Closing the program ends the session in the audit trail too.
        (void)m_in.auth->logout(m_in.session);
    }
    delete m_lockDialog; // a top-level without parent
}

QString WorkstationSession::windowTitle() const
{
    return tr("CallVault — %1 (%2) — %3")
        .arg(principal().name, principal().role, site().config().name);
}

void WorkstationSession::startIdleWatch(QWidget *window, int checkIntervalMs)
{
    m_window = window;
    qApp->installEventFilter(this);
    if (!m_idleTimer) {
        m_idleTimer = new QTimer(this);
        connect(m_idleTimer, &QTimer::timeout, this, &WorkstationSession::checkIdle);
    }
    m_idleTimer->start(checkIntervalMs);
}

bool WorkstationSession::eventFilter(QObject *watched, QEvent *event)
{
    if (m_locked || m_loggedOut || !isUserInput(event->type()))
        return QObject::eventFilter(watched, event);
    // Input after the timeout unlocks nothing: it locks (and is swallowed, so a click
    // meant for the hidden window does not act on it).
    if (m_in.session.isExpired(m_in.auth->now())) {
        lock();
        return true;
    }
    m_in.session.touch(m_in.auth->now());
    return QObject::eventFilter(watched, event);
}

void WorkstationSession::checkIdle()
{
    if (m_locked || m_loggedOut || !m_in.session.isExpired(m_in.auth->now()))
        return;
    lock();
}

void WorkstationSession::lock()
{
    m_locked = true;
    // resume() notices the timeout, writes auth.timeout and ends the session.
    if (auto r = m_in.auth->resume(m_in.session); !r && r.error().code == ErrorCode::Database)
        qCWarning(lcSession).noquote() << "Idle lock: the timeout was not audited:" << r.errorMessage();
    forgetKeys(); // an unattended desk holds no site keys
    if (m_window)
        m_window->hide();
    if (!m_lockDialog) {
        m_lockDialog = new LockDialog(*this);
        connect(m_lockDialog, &LockDialog::logoutRequested, this, &WorkstationSession::logout);
    }
    m_lockDialog->reset();
    m_lockDialog->show();
    m_lockDialog->raise();
    m_lockDialog->activateWindow();
    emit locked();
}

Result<void> WorkstationSession::unlock(const QString &name, const QByteArray &password)
{
    if (!m_locked)
        return {};
    if (name.trimmed() != principal().name)
        return makeError(ErrorCode::PermissionDenied,
                         tr("This session belongs to %1; only they can unlock it. Log out to let "
                            "another user log in.")
                             .arg(principal().name));
    if (auto r = SiteLogin::relogin(m_in, password, m_options); !r)
        return r;
    m_locked = false;
    if (m_lockDialog)
        m_lockDialog->hide();
    if (m_window)
        m_window->show();
    emit unlocked();
    return {};
}

Result<void> WorkstationSession::changePassword(const QByteArray &currentPassword,
                                                const QByteArray &newPassword)
{
    if (auto r = m_in.auth->changePassword(m_in.session, currentPassword, newPassword); !r)
        return r;
    emit passwordChanged();
    return {};
}

void WorkstationSession::logout()
{
    if (m_loggedOut)
        return;
    forgetKeys();
    if (auto r = m_in.auth->logout(m_in.session); !r)
        qCWarning(lcSession).noquote() << "Log-out:" << r.errorMessage();
    m_loggedOut = true;
    m_locked = false;
    if (m_idleTimer)
        m_idleTimer->stop();
    if (m_lockDialog)
        m_lockDialog->hide();
    emit loggedOut();
}

Result<const SiteKeys *> WorkstationSession::siteKeys()
{
    if (m_keys)
        return &*m_keys;
    auto opened = openKeyStore();
    if (!opened)
        return opened.error();
    m_keys.emplace(std::move(opened->keys));
    return &*m_keys;
}

Result<void> WorkstationSession::updateSiteKeys(const KeyUpdate &update)
{
    auto opened = openKeyStore();
    if (!opened)
        return opened.error();
    QByteArray before = opened->keys.privateBlob().toByteArray();
    auto updated = update(*m_in.site, *opened->store, opened->keys);
    QByteArray after = opened->keys.privateBlob().toByteArray();
    const bool changed = !crypto::constantTimeEquals(before, after);
    crypto::secureZero(before);
    crypto::secureZero(after);
    if (changed) {
        m_keys.emplace(std::move(opened->keys));
        emit siteKeysChanged();
    }
    return updated;
}

Result<WorkstationSession::OpenedKeyStore> WorkstationSession::openKeyStore()
{
    if (m_locked || m_loggedOut)
        return makeError(ErrorCode::PermissionDenied, tr("Log in again to use the site keys."));
    if (site().config().keyBackend == KeyStore::Backend::Keychain) {
        auto store = site().keyStore(QByteArray());
        auto keys = store->load();
        if (!keys)
            return keys.error();
        return OpenedKeyStore{std::move(store), keys.takeValue()};
    }
    QString problem;
    for (;;) {
        std::optional<QByteArray> passphrase = m_prompt ? m_prompt(problem) : std::nullopt;
        if (!passphrase)
            return makeError(ErrorCode::Cancelled, tr("The site keys stay locked."));
        auto store = site().keyStore(*passphrase);
        crypto::secureZero(*passphrase);
        auto keys = store->load();
        if (keys)
            return OpenedKeyStore{std::move(store), keys.takeValue()};
        if (keys.error().code != ErrorCode::WrongPassphrase)
            return keys.error();
        problem = tr("That passphrase does not open the key file %1. Check the keyboard layout "
                     "and Caps Lock, and try again.")
                      .arg(site().keyFilePath());
    }
}

void WorkstationSession::forgetKeys()
{
    // SiteKeys' key pairs zero their private halves when destroyed.
    m_keys.reset();
}

std::optional<QByteArray> WorkstationSession::askPassphrase(const QString &problem)
{
    KeyUnlockDialog dialog(site().keyFilePath(), problem, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.takePassphrase();
}

} // namespace cv
