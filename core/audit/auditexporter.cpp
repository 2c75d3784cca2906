#include "auditexporter.h"

#include "audit/auditsigning.h"
#include "catalog/auditcheckpointrepository.h"
#include "catalog/auditlog.h"
#include "catalog/audittrailreader.h"

#include <QDateTime>
#include <algorithm>

namespace cv {

namespace {
constexpr int kPageSize = 500;

Error tampered(qint64 rowId, const QString &what)
{
    return makeError(
        ErrorCode::Tampered,
        QStringLiteral("Will not sign an audit extract: the audit trail is broken at row %1 (%2). "
                       "Run \"callvaultctl audit verify\".")
            .arg(rowId)
            .arg(what));
}
} // namespace

AuditExporter::AuditExporter(Database &db, AuditSiteIdentity site)
    : m_db(db), m_site(std::move(site))
{
}

Result<AuditExtract> AuditExporter::build(qint64 fromMs, qint64 toMs, const QString &exportedBy)
{
    if (fromMs < 0 || toMs <= fromMs)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("An audit extract needs a time range whose end is after its start."));
    AuditExtract extract;
    extract.site = m_site;
    extract.exportedBy = exportedBy;
    extract.exportedAtMs = QDateTime::currentMSecsSinceEpoch();
    extract.fromMs = fromMs;
    extract.toMs = toMs;
    extract.prevHash = AuditLog::genesisHash();

    AuditTrailReader reader(m_db);
    auto range = reader.idRangeForTime(fromMs, toMs);
    if (!range)
        return range.error();
    if (range->isEmpty()) {
        // No rows: prevHash is the hash of the last row before the range, so that
        // consecutive extracts still link.
        auto before = reader.lastIdBeforeTime(fromMs);
        if (!before)
            return before.error();
        if (before.value() > 0) {
            auto row = reader.lastBefore(before.value() + 1);
            if (!row)
                return row.error();
            if (row.value())
                extract.prevHash = row.value()->hash;
        }
        return extract;
    }
    const qint64 firstId = range->first;
    const qint64 lastId = range->last;

    auto before = reader.lastBefore(firstId);
    if (!before)
        return before.error();
    QByteArray expectedPrev = before.value() ? before.value()->hash : AuditLog::genesisHash();
    qint64 previousId = firstId - 1;
    for (;;) {
        auto rows = reader.page(previousId, kPageSize, lastId);
        if (!rows)
            return rows.error();
        for (const AuditTrailReader::Row &row : rows.value()) {
            if (row.prevHash != expectedPrev)
                return tampered(row.id, QStringLiteral("it does not link to the row before it"));
            if (!row.resultValid || AuditLog::chainHash(row.prevHash, row) != row.hash)
                return tampered(row.id, QStringLiteral("its hash does not match its contents"));
            if (extract.rows.size() >= m_maxRows)
                return makeError(
                    ErrorCode::InvalidArgument,
                    QStringLiteral(
                        "The range holds more than %1 audit rows; export a shorter range.")
                        .arg(m_maxRows));
            expectedPrev = row.hash;
            previousId = row.id;
            extract.rows.append(row);
        }
        if (rows->size() < kPageSize || previousId >= lastId)
            break;
    }
    extract.prevHash = extract.rows.first().prevHash;

    AuditCheckpointRepository repository(m_db);
    auto covering = repository.coveringRows(firstId, lastId);
    if (!covering)
        return covering.error();
    extract.checkpoints = covering.takeValue();
    auto after = repository.firstAfterRow(lastId);
    if (!after)
        return after.error();
    if (after.value())
        extract.checkpoints.append(*after.value());
    for (const AuditCheckpointRow &cp : extract.checkpoints) {
        if (!auditsigning::checkpointSignatureValid(m_site.signingPublicKey, m_site.id, cp))
            return tampered(
                cp.auditRowId,
                QStringLiteral("checkpoint %1 is not validly signed by this site").arg(cp.id));
        if (cp.auditRowId > lastId)
            continue;
        const auto it =
            std::lower_bound(extract.rows.cbegin(), extract.rows.cend(), cp.auditRowId,
                             [](const AuditRow &row, qint64 id) { return row.id < id; });
        if (it == extract.rows.cend() || it->id != cp.auditRowId || it->hash != cp.headHash)
            return tampered(cp.auditRowId,
                            QStringLiteral("it differs from what checkpoint %1 signed").arg(cp.id));
    }
    return extract;
}

} // namespace cv
