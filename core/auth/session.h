#pragma once

#include "auth/principal.h"

#include <QtGlobal>
#include <utility>

namespace cv {

// A logged-in user (AuthService::login). It locks after `idleTimeoutMs` without activity
// (setting session.idle_minutes): AuthService::resume() notices it, writes the
// 'auth.timeout' audit row once and ends the session. While mustChangePassword() is set,
// resume() and every AccessControl check refuse everything but
// AuthService::changePassword().
class Session final
{
public:
    Session() = default; // an ended session
    Session(Principal principal, qint64 nowMs, qint64 idleTimeoutMs);

    const Principal &principal() const { return m_principal; }
    bool mustChangePassword() const { return m_principal.mustChangePassword; }
    bool isActive() const { return m_active; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    qint64 idleTimeoutMs() const { return m_idleTimeoutMs; }

    // Records activity at `nowMs` (ignored once the session has ended).
    void touch(qint64 nowMs);
    // Ended, or idle for longer than the timeout at `nowMs`.
    bool isExpired(qint64 nowMs) const;

private:
    friend class AuthService;
    void end() { m_active = false; }
    void setPrincipal(Principal principal) { m_principal = std::move(principal); }

    Principal m_principal;
    qint64 m_lastActivityMs = 0;
    qint64 m_idleTimeoutMs = 0;
    bool m_active = false;
};

} // namespace cv
