#pragma once

#include "auth/sitelogin.h"
#include "site/sitekeys.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QTimer;
class QWidget;

namespace cv {

class LockDialog;

// The workstation's logged-in user: owns the site, its catalog, the AuthService and the
// Session that SiteLogin produced, and everything that belongs to the person at the desk:
// - the window title ("CallVault — user (role) — site");
// - the site private keys, unlocked on first need (OS keychain: silently; key file: the
//   passphrase is asked for) and held in memory only, zeroed when the session locks or ends;
// - the idle lock: input anywhere in the application counts as activity; when
//   session.idle_minutes pass without any, the main window is hidden behind a LockDialog
//   that only the same user's password opens (core writes auth.timeout and auth.login).
class WorkstationSession final : public QObject
{
    Q_OBJECT

public:
    // Asks for the key-file passphrase; `problem` says why it asks again (empty the first
    // time). std::nullopt when the person cancels.
    using PassphrasePrompt = std::function<std::optional<QByteArray>(const QString &problem)>;

    WorkstationSession(LoggedInSite in, SiteLogin::Options options, QObject *parent = nullptr);
    ~WorkstationSession() override; // logs out if still logged in

    const Principal &principal() const { return m_in.session.principal(); }
    Database &db() const { return *m_in.db; }
    const Site &site() const { return *m_in.site; }
    AuthService &auth() const { return *m_in.auth; }
    const Session &session() const { return m_in.session; }
    QString windowTitle() const;
    bool isLocked() const { return m_locked; }
    bool isLoggedOut() const { return m_loggedOut; }

    // The idle lock for `window` (hidden while locked): an application-wide event filter
    // records activity, and a timer looks for the timeout every `checkIntervalMs`.
    void startIdleWatch(QWidget *window, int checkIntervalMs = 10 * 1000);
    // Locks now if the session has been idle for too long (the timer calls it).
    void checkIdle();
    // Unlocks a locked session with the same user's password. Another user gets
    // PermissionDenied without any password check: they log out instead.
    Result<void> unlock(const QString &name, const QByteArray &password);
    Result<void> changePassword(const QByteArray &currentPassword, const QByteArray &newPassword);
    void logout();

    // The site private keys, unlocked on first use.
    Result<const SiteKeys *> siteKeys();
    // Changes the key ring in this machine's key store (a key rotation, destroying retired
    // keys): `update` gets the site, the key store opened afresh (a key file's passphrase is
    // asked for again) and the keys in it. When it changed the keys, they become the
    // session's keys and siteKeysChanged() is emitted (players holding a copy drop it).
    using KeyUpdate = std::function<Result<void>(Site &site, KeyStore &store, SiteKeys &keys)>;
    Result<void> updateSiteKeys(const KeyUpdate &update);
    bool hasKeysInMemory() const { return m_keys.has_value(); }
    // The default asks with a KeyUnlockDialog over the window.
    void setPassphrasePrompt(PassphrasePrompt prompt) { m_prompt = std::move(prompt); }

signals:
    void locked();
    void unlocked();
    void siteKeysChanged();
    void passwordChanged();
    void loggedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct OpenedKeyStore
    {
        std::unique_ptr<KeyStore> store;
        SiteKeys keys;
    };
    Result<OpenedKeyStore> openKeyStore();
    void lock();
    void forgetKeys();
    std::optional<QByteArray> askPassphrase(const QString &problem);

    LoggedInSite m_in;
    SiteLogin::Options m_options;
    std::optional<SiteKeys> m_keys;
    PassphrasePrompt m_prompt;
    QTimer *m_idleTimer = nullptr;
    QPointer<QWidget> m_window;
    QPointer<LockDialog> m_lockDialog;
    bool m_locked = false;
    bool m_loggedOut = false;
};

} // namespace cv
