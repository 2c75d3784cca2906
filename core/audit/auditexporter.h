#pragma once

#include "audit/auditextract.h"
#include "common/result.h"

namespace cv {

class Database;

// Builds an audit extract (unsigned) from the catalog for the time range [fromMs, toMs).
//
// The chain is ordered by id, not by time (hosts' clocks differ a little), so the extract
// is the contiguous run of ids from the first row with at_ms >= fromMs to the last row with
// at_ms < toMs; a row in between with a skewed clock comes along. Checkpoints: those on
// rows of the run, and the first one after it. The run is checked (links, hashes,
// checkpoint signatures and heads) before anything is returned, so the site never signs a
// tampered extract: a broken run is ErrorCode::Tampered.
class AuditExporter final
{
public:
    static constexpr qint64 kDefaultMaxRows = 1'000'000;

    AuditExporter(Database &db, AuditSiteIdentity site);

    // More rows than this in the range is an error (the extract is built in memory).
    void setMaxRows(qint64 rows) { m_maxRows = rows; }

    Result<AuditExtract> build(qint64 fromMs, qint64 toMs, const QString &exportedBy);

private:
    Database &m_db;
    AuditSiteIdentity m_site;
    qint64 m_maxRows = kDefaultMaxRows;
};

} // namespace cv
