#include "audit/auditbrowser.h"

#include "auth/accesscontrol.h"

#include <QJsonDocument>

namespace cv {

AuditBrowser::AuditBrowser(Database &db, Principal principal) : m_db(db), m_principal(std::move(principal)) {}

Result<QVector<AuditRow>> AuditBrowser::page(const AuditFilter &filter, qint64 beforeId, int limit)
{
    const QString action = QStringLiteral("audit.read");
    if (auto allowed = AccessControl(m_db).require(m_principal, Permission::AuditRead, QStringLiteral("audit"), action);
        !allowed)
        return allowed.error();
    if (beforeId <= 0) {
        const QString details = QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact));
        if (auto logged = AuditLog(m_db).append(m_principal.auditEvent(action, QStringLiteral("audit"), true, details));
            !logged)
            return logged.error(); // a read that cannot be audited does not happen
    }
    return AuditLog(m_db).find(filter, beforeId, qBound(1, limit, kMaxPageSize));
}

} // namespace cv
