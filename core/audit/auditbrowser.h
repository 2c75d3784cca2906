#pragma once

#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "common/result.h"

namespace cv {

class Database;

// Reading the audit trail on behalf of a person: needs audit.read (AccessControl; a refusal
// is audited as 'audit.read' denied). The first page of each search writes one
// 'audit.read' row with the filters (auditors are audited too); further pages of the same
// search do not.
class AuditBrowser final
{
public:
    static constexpr int kMaxPageSize = 1000;

    AuditBrowser(Database &db, Principal principal);

    // Newest first; beforeId <= 0 starts a search (and is audited).
    Result<QVector<AuditRow>> page(const AuditFilter &filter, qint64 beforeId, int limit);

private:
    Database &m_db;
    Principal m_principal;
};

} // namespace cv
