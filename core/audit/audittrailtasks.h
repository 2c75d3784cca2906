#pragma once

#include "audit/auditextract.h"
#include "audit/auditverifier.h"
#include "auth/principal.h"
#include "common/result.h"

namespace cv {

class Database;
struct SiteConfig;
struct SiteKeys;

// What `callvaultctl audit verify|export` and the workstation's audit view both do, in one
// place. The caller has checked the permission (audit.verify / audit.read) and logged in.
namespace audittrail {

// Runs `verifier` (the caller sets progress and may cancel it from another thread) and
// records the verdict as an 'audit.verify' row on the site. An unwritable row is reported in
// `auditWarning` (the verdict still stands).
Result<AuditVerdict> verifyAndRecord(AuditVerifier &verifier, Database &db, const SiteConfig &site,
                                     const Principal &principal, QString *auditWarning = nullptr);

// Writes a signed extract of the rows in [fromMs, toMs) to `outPath` (atomically), after
// its 'audit.export' row: the export is audited before anything leaves.
Result<AuditExtractVerdict> exportExtract(Database &db, const SiteConfig &site, const SiteKeys &keys,
                                          const Principal &principal, qint64 fromMs, qint64 toMs,
                                          const QString &outPath);

} // namespace audittrail
} // namespace cv
