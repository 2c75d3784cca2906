#include "audit/audittrailtasks.h"

#include "audit/auditexporter.h"
#include "catalog/auditlog.h"
#include "site/siteconfig.h"
#include "site/sitekeys.h"
#include "store/durablefile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace cv::audittrail {

namespace {

QString siteTarget(const SiteConfig &site)
{
    return site.siteId.toString(QUuid::WithoutBraces);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

Result<qint64> record(Database &db, const Principal &principal, const QString &action, const SiteConfig &site,
                      const QJsonObject &details)
{
    return AuditLog(db).append(principal.auditEvent(
        action, siteTarget(site), true, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))));
}

} // namespace

Result<AuditVerdict> verifyAndRecord(AuditVerifier &verifier, Database &db, const SiteConfig &site,
                                     const Principal &principal, QString *auditWarning)
{
    auto verdict = verifier.verify();
    if (!verdict)
        return verdict;
    QJsonObject details{
        {QStringLiteral("result"), verdict->isValid() ? QStringLiteral("valid") : QStringLiteral("broken")},
        {QStringLiteral("rows"), static_cast<double>(verdict->rowsVerified)},
        {QStringLiteral("checkpoints"), static_cast<double>(verdict->checkpointsVerified)},
        {QStringLiteral("uncoveredRows"), static_cast<double>(verdict->uncoveredRows)},
    };
    if (verdict->problem)
        details.insert(QStringLiteral("brokenAtRow"), static_cast<double>(verdict->problem->rowId));
    if (auto logged = record(db, principal, QStringLiteral("audit.verify"), site, details); !logged && auditWarning)
        *auditWarning = logged.errorMessage();
    return verdict;
}

Result<AuditExtractVerdict> exportExtract(Database &db, const SiteConfig &site, const SiteKeys &keys,
                                          const Principal &principal, qint64 fromMs, qint64 toMs,
                                          const QString &outPath)
{
    if (auto logged = record(db, principal, QStringLiteral("audit.export"), site,
                             QJsonObject{{QStringLiteral("from"), isoUtc(fromMs)},
                                         {QStringLiteral("to"), isoUtc(toMs)},
                                         {QStringLiteral("file"), outPath}});
        !logged)
        return logged.error(); // nothing leaves unaudited
    const AuditSiteIdentity identity{site.siteId, site.name, site.publicKeys.signing, site.publicKeys.encryption};
    auto extract = AuditExporter(db, identity).build(fromMs, toMs, principal.name);
    if (!extract)
        return extract.error();
    if (auto signedOk = extract->sign(keys.signing); !signedOk)
        return signedOk.error();
    if (auto written = durable::writeFileAtomically(outPath, extract->toJson()); !written)
        return written.error();
    return extract->verify();
}

} // namespace cv::audittrail
