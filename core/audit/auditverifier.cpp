#include "auditverifier.h"

#include "audit/auditsigning.h"
#include "catalog/auditcheckpointrepository.h"
#include "catalog/auditlog.h"
#include "catalog/audittrailreader.h"
#include "catalog/database.h"

#include <QVector>

namespace cv {

namespace {

constexpr int kCheckpointPage = 200;

QString idSpan(qint64 first, qint64 last)
{
    return first == last ? QStringLiteral("row %1").arg(first)
                         : QStringLiteral("rows %1-%2").arg(first).arg(last);
}

AuditProblem problem(AuditProblem::Kind kind, qint64 rowId, qint64 checkpointId,
                     const QString &message)
{
    return AuditProblem{kind, rowId, checkpointId, message};
}

// The checkpoints in id order, a page at a time, up to the newest one that existed when
// the walk started.
class CheckpointCursor final
{
public:
    CheckpointCursor(Database &db, qint64 upToId) : m_repository(db), m_upToId(upToId) {}

    // The next checkpoint, or nullptr when there is none left.
    Result<const AuditCheckpointRow *> current()
    {
        if (m_index < m_page.size())
            return &m_page[m_index];
        if (m_exhausted)
            return static_cast<const AuditCheckpointRow *>(nullptr);
        auto page = m_repository.page(m_afterId, m_upToId, kCheckpointPage);
        if (!page)
            return page.error();
        m_page = page.takeValue();
        m_index = 0;
        if (m_page.size() < kCheckpointPage)
            m_exhausted = true;
        if (m_page.isEmpty())
            return static_cast<const AuditCheckpointRow *>(nullptr);
        m_afterId = m_page.last().id;
        return &m_page[0];
    }
    void advance() { ++m_index; }

private:
    AuditCheckpointRepository m_repository;
    qint64 m_upToId;
    qint64 m_afterId = 0;
    QVector<AuditCheckpointRow> m_page;
    int m_index = 0;
    bool m_exhausted = false;
};

} // namespace

QString AuditVerdict::summary() const
{
    if (problem)
        return QStringLiteral("BROKEN at row %1: %2").arg(problem->rowId).arg(problem->message);
    return QStringLiteral("valid: %1 rows, %2 signed checkpoints")
        .arg(rowsVerified)
        .arg(checkpointsVerified);
}

QStringList AuditVerdict::notes() const
{
    QStringList lines;
    if (!problem && uncoveredRows > 0)
        lines << QStringLiteral(
                     "last %1 rows not yet covered by a signed checkpoint (%2); removing them "
                     "could not be detected until one is written (callvaultctl audit checkpoint)")
                     .arg(uncoveredRows)
                     .arg(lastCheckpointRowId > 0
                              ? QStringLiteral("the rows after row %1").arg(lastCheckpointRowId)
                              : QStringLiteral("there is no checkpoint yet"));
    if (unusedIds > 0)
        lines << QStringLiteral(
                     "%1 ids unused (the first: %2); PostgreSQL skips the ids of rolled-back "
                     "transactions, and the chain links across them")
                     .arg(unusedIds)
                     .arg(firstUnusedIds);
    return lines;
}

AuditVerifier::AuditVerifier(Database &db, const QUuid &siteId, const QByteArray &signingPublicKey)
    : m_db(db), m_siteId(siteId), m_publicKey(signingPublicKey)
{
}

void AuditVerifier::setProgressCallback(ProgressCallback callback)
{
    m_progress = std::move(callback);
}

void AuditVerifier::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void AuditVerifier::cancel()
{
    m_cancelled.store(true);
}

Result<AuditVerdict> AuditVerifier::verify()
{
    // Snapshot first: every row a checkpoint up to this id names was committed before it.
    auto maxCheckpoint = AuditCheckpointRepository(m_db).maxId();
    if (!maxCheckpoint)
        return maxCheckpoint.error();
    AuditTrailReader reader(m_db);
    auto total = reader.countAfter(0);
    if (!total)
        return total.error();
    if (m_progress)
        m_progress(0, total.value());

    const bool sqlite = m_db.kind() == Database::Kind::Sqlite;
    const QString ownKeyId = auditsigning::keyId(m_publicKey);
    AuditVerdict verdict;
    CheckpointCursor checkpoints(m_db, maxCheckpoint.value());
    QByteArray prevCheckpointDigest(auditsigning::kHashSize, '\0');
    qint64 prevCheckpointRowId = 0;
    qint64 prevCheckpointId = 0;
    qint64 rowsAtLastCheckpoint = 0;

    // The checks of a checkpoint that need no row: signature, chain, order.
    auto checkHeader = [&](const AuditCheckpointRow &cp) -> std::optional<AuditProblem> {
        if (cp.signerKeyId != ownKeyId)
            return problem(
                AuditProblem::Kind::CheckpointSignatureInvalid, cp.auditRowId, cp.id,
                QStringLiteral("checkpoint %1 (of row %2) names signing key %3, not this site's "
                               "signing key %4: it was not made by this site")
                    .arg(cp.id)
                    .arg(cp.auditRowId)
                    .arg(cp.signerKeyId.left(16), ownKeyId.left(16)));
        if (!auditsigning::checkpointSignatureValid(m_publicKey, m_siteId, cp))
            return problem(
                AuditProblem::Kind::CheckpointSignatureInvalid, cp.auditRowId, cp.id,
                QStringLiteral("checkpoint %1 (of row %2) has an invalid signature: it was "
                               "changed after it was signed")
                    .arg(cp.id)
                    .arg(cp.auditRowId));
        if (cp.prevCheckpointHash != prevCheckpointDigest)
            return problem(
                AuditProblem::Kind::CheckpointChainBroken, cp.auditRowId, cp.id,
                prevCheckpointId == 0
                    ? QStringLiteral("checkpoint %1 (of row %2) follows a checkpoint that no "
                                     "longer exists: earlier checkpoints were removed")
                          .arg(cp.id)
                          .arg(cp.auditRowId)
                    : QStringLiteral("checkpoint %1 (of row %2) does not follow checkpoint %3 "
                                     "before it: a checkpoint between them was removed")
                          .arg(cp.id)
                          .arg(cp.auditRowId)
                          .arg(prevCheckpointId));
        if (cp.auditRowId <= prevCheckpointRowId)
            return problem(
                AuditProblem::Kind::CheckpointOutOfOrder, cp.auditRowId, cp.id,
                QStringLiteral("checkpoint %1 covers row %2, which is not after row %3 of the "
                               "checkpoint before it")
                    .arg(cp.id)
                    .arg(cp.auditRowId)
                    .arg(prevCheckpointRowId));
        return std::nullopt;
    };
    auto acceptCheckpoint = [&](const AuditCheckpointRow &cp) {
        prevCheckpointDigest = auditsigning::checkpointDigest(m_siteId, cp);
        prevCheckpointRowId = cp.auditRowId;
        prevCheckpointId = cp.id;
        rowsAtLastCheckpoint = cp.rowCount;
        verdict.lastCheckpointRowId = cp.auditRowId;
        ++verdict.checkpointsVerified;
    };

    QByteArray expectedPrev = AuditLog::genesisHash();
    qint64 previousId = 0;
    for (;;) {
        if (m_cancelled.load())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Audit verification cancelled."));
        auto rows = reader.page(previousId, m_pageSize);
        if (!rows)
            return rows.error();
        for (const AuditTrailReader::Row &row : rows.value()) {
            // Checkpoints whose row we passed without meeting it: that row is gone.
            for (;;) {
                auto cp = checkpoints.current();
                if (!cp)
                    return cp.error();
                if (!cp.value() || cp.value()->auditRowId >= row.id)
                    break;
                const AuditCheckpointRow &c = *cp.value();
                if (auto p = checkHeader(c)) {
                    verdict.problem = p;
                    return verdict;
                }
                verdict.problem =
                    problem(AuditProblem::Kind::CheckpointRowMissing, c.auditRowId, c.id,
                            QStringLiteral("row %1, which checkpoint %2 signed, is missing: "
                                           "it was removed")
                                .arg(c.auditRowId)
                                .arg(c.id));
                return verdict;
            }

            const qint64 missing = row.id - previousId - 1;
            if (row.prevHash != expectedPrev) {
                QString why;
                AuditProblem::Kind kind = AuditProblem::Kind::RowsRemoved;
                if (verdict.rowsVerified == 0)
                    why = QStringLiteral(
                        "the first row does not start the chain: rows before it were removed");
                else if (missing > 0)
                    why = QStringLiteral("%1 before it %2 removed (it does not link to row %3)")
                              .arg(idSpan(previousId + 1, row.id - 1),
                                   missing == 1 ? QStringLiteral("was") : QStringLiteral("were"))
                              .arg(previousId);
                else {
                    kind = AuditProblem::Kind::RowInserted;
                    why = QStringLiteral("it does not link to row %1 before it: a row was inserted "
                                         "between them, or its link was changed")
                              .arg(previousId);
                }
                verdict.problem = problem(kind, row.id, 0, why);
                return verdict;
            }
            if (!row.resultValid || row.hash.size() != auditsigning::kHashSize ||
                AuditLog::chainHash(row.prevHash, row) != row.hash) {
                verdict.problem =
                    problem(AuditProblem::Kind::RowChanged, row.id, 0,
                            QStringLiteral("row %1 was changed after it was written (its "
                                           "hash does not match its contents)")
                                .arg(row.id));
                return verdict;
            }
            if (missing > 0) {
                if (sqlite) {
                    verdict.problem = problem(
                        AuditProblem::Kind::IdGap, row.id, 0,
                        QStringLiteral(
                            "%1 before it %2 missing although the chain links: rows were "
                            "removed and the chain re-linked (SQLite never skips ids)")
                            .arg(idSpan(previousId + 1, row.id - 1),
                                 missing == 1 ? QStringLiteral("is") : QStringLiteral("are")));
                    return verdict;
                }
                if (verdict.unusedIds == 0)
                    verdict.firstUnusedIds =
                        missing == 1 ? QString::number(previousId + 1)
                                     : QStringLiteral("%1-%2").arg(previousId + 1).arg(row.id - 1);
                verdict.unusedIds += missing;
            }
            expectedPrev = row.hash;
            previousId = row.id;
            ++verdict.rowsVerified;
            verdict.lastRowId = row.id;

            auto cp = checkpoints.current();
            if (!cp)
                return cp.error();
            if (cp.value() && cp.value()->auditRowId == row.id) {
                const AuditCheckpointRow &c = *cp.value();
                if (auto p = checkHeader(c)) {
                    verdict.problem = p;
                    return verdict;
                }
                if (c.headHash != row.hash) {
                    verdict.problem =
                        problem(AuditProblem::Kind::CheckpointHeadMismatch, row.id, c.id,
                                QStringLiteral("the chain at row %1 differs from what "
                                               "checkpoint %2 signed: rows up to it were "
                                               "changed and the chain re-linked")
                                    .arg(row.id)
                                    .arg(c.id));
                    return verdict;
                }
                if (c.rowCount != verdict.rowsVerified) {
                    verdict.problem =
                        problem(AuditProblem::Kind::CheckpointCountMismatch, row.id, c.id,
                                QStringLiteral("checkpoint %1 signed %2 rows up to row %3, "
                                               "but the trail has %4: rows were removed or "
                                               "inserted and the chain re-linked")
                                    .arg(c.id)
                                    .arg(c.rowCount)
                                    .arg(row.id)
                                    .arg(verdict.rowsVerified));
                    return verdict;
                }
                acceptCheckpoint(c);
                checkpoints.advance();
            }
        }
        if (m_progress)
            m_progress(verdict.rowsVerified, qMax(total.value(), verdict.rowsVerified));
        if (rows->size() < m_pageSize)
            break;
    }

    // Checkpoints left over name rows beyond the end of the trail.
    auto cp = checkpoints.current();
    if (!cp)
        return cp.error();
    if (cp.value()) {
        const AuditCheckpointRow &c = *cp.value();
        if (auto p = checkHeader(c)) {
            verdict.problem = p;
            return verdict;
        }
        verdict.problem = problem(
            AuditProblem::Kind::TailTruncated, previousId + 1, c.id,
            previousId == 0
                ? QStringLiteral(
                      "the audit trail is empty, but checkpoint %1 signed %2 rows up to row "
                      "%3: all rows were removed")
                      .arg(c.id)
                      .arg(c.rowCount)
                      .arg(c.auditRowId)
                : QStringLiteral(
                      "rows after row %1 were removed: checkpoint %2 signed the trail up to "
                      "row %3 (%4 rows), but it now ends at row %1")
                      .arg(previousId)
                      .arg(c.id)
                      .arg(c.auditRowId)
                      .arg(c.rowCount));
        return verdict;
    }
    verdict.uncoveredRows = verdict.rowsVerified - rowsAtLastCheckpoint;
    return verdict;
}

} // namespace cv
