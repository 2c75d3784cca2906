#include "auth/session.h"

#include <utility>

namespace cv {

Session::Session(Principal principal, qint64 nowMs, qint64 idleTimeoutMs)
    : m_principal(std::move(principal)), m_lastActivityMs(nowMs), m_idleTimeoutMs(idleTimeoutMs),
      m_active(true)
{
}

void Session::touch(qint64 nowMs)
{
    if (m_active && nowMs > m_lastActivityMs)
        m_lastActivityMs = nowMs;
}

bool Session::isExpired(qint64 nowMs) const
{
    return !m_active || nowMs - m_lastActivityMs > m_idleTimeoutMs;
}

} // namespace cv
