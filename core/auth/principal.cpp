#include "auth/principal.h"

#include "auth/authtext.h"

namespace cv {

QString roleScopeToText(RoleScope scope)
{
    switch (scope) {
    case RoleScope::All:
        return QStringLiteral("all");
    case RoleScope::Teams:
        return QStringLiteral("teams");
    case RoleScope::Own:
        return QStringLiteral("own");
    }
    return QString();
}

std::optional<RoleScope> roleScopeFromText(const QString &text)
{
    if (text == QLatin1String("all"))
        return RoleScope::All;
    if (text == QLatin1String("teams"))
        return RoleScope::Teams;
    if (text == QLatin1String("own"))
        return RoleScope::Own;
    return std::nullopt;
}

AuditEvent Principal::auditEvent(const QString &action, const QString &target, bool allowed,
                                 const QString &details) const
{
    AuditEvent event;
    event.actor = authtext::forAudit(name);
    event.host = authtext::forAudit(host);
    event.program = authtext::forAudit(program);
    event.action = action;
    event.target = authtext::forAudit(target);
    event.details = details.isEmpty() ? QStringLiteral("{}") : details;
    event.allowed = allowed;
    return event;
}

} // namespace cv
