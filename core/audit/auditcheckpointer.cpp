#include "auditcheckpointer.h"

#include "audit/auditsigning.h"
#include "catalog/auditlog.h"
#include "catalog/audittrailreader.h"
#include "catalog/database.h"
#include "catalog/transactionguard.h"
#include "crypto/ed25519keypair.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAudit, "callvault.audit")

namespace cv {

namespace {

constexpr int kPageSize = 500;
constexpr int kAttempts = 5;

Result<qint64> positiveFromEnvironment(const char *name, qint64 fallback)
{
    const QString text = qEnvironmentVariable(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be a whole number of at least 1, not \"%2\".")
                             .arg(QString::fromLatin1(name), text));
    return value;
}

} // namespace

Result<AuditCheckpointPolicy> AuditCheckpointPolicy::fromEnvironment()
{
    AuditCheckpointPolicy policy;
    auto rows = positiveFromEnvironment("CALLVAULT_AUDIT_CHECKPOINT_ROWS", kDefaultEveryRows);
    if (!rows)
        return rows.error();
    auto seconds =
        positiveFromEnvironment("CALLVAULT_AUDIT_CHECKPOINT_SECONDS", kDefaultMaxAgeMs / 1000);
    if (!seconds)
        return seconds.error();
    policy.everyRows = rows.value();
    policy.maxAgeMs = seconds.value() * 1000;
    return policy;
}

AuditCheckpointer::AuditCheckpointer(Database &db, const QUuid &siteId,
                                     const crypto::Ed25519KeyPair &signingKey,
                                     AuditCheckpointPolicy policy)
    : m_db(db), m_siteId(siteId), m_key(signingKey), m_policy(policy),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void AuditCheckpointer::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

Result<bool> AuditCheckpointer::isDue()
{
    auto latest = AuditCheckpointRepository(m_db).latest();
    if (!latest)
        return latest.error();
    const qint64 afterId = latest.value() ? latest.value()->auditRowId : 0;
    AuditTrailReader reader(m_db);
    auto fresh = reader.countAfter(afterId, m_policy.everyRows);
    if (!fresh)
        return fresh.error();
    if (fresh.value() == 0)
        return false;
    if (fresh.value() >= m_policy.everyRows)
        return true;
    qint64 since = 0;
    if (latest.value()) {
        since = latest.value()->atMs;
    } else {
        auto first = reader.page(0, 1);
        if (!first)
            return first.error();
        since = first->isEmpty() ? m_now() : first->first().atMs;
    }
    return m_now() - since >= m_policy.maxAgeMs;
}

Result<std::optional<AuditCheckpointRow>> AuditCheckpointer::checkpointIfDue()
{
    auto due = isDue();
    if (!due)
        return due.error();
    if (!due.value())
        return std::optional<AuditCheckpointRow>();
    return checkpoint();
}

Result<std::optional<AuditCheckpointRow>> AuditCheckpointer::checkpoint()
{
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        bool raced = false;
        auto written = tryCheckpoint(&raced);
        if (!written || !raced)
            return written;
        qCDebug(lcAudit) << "another program wrote an audit checkpoint meanwhile; starting over";
    }
    return makeError(
        ErrorCode::Conflict,
        QStringLiteral("Other programs kept writing audit checkpoints at the same time; "
                       "try again."));
}

Result<std::optional<AuditCheckpointRow>> AuditCheckpointer::tryCheckpoint(bool *raced)
{
    AuditCheckpointRepository checkpoints(m_db);
    auto latest = checkpoints.latest();
    if (!latest)
        return latest.error();
    const QByteArray publicKey = m_key.publicKey();
    AuditCheckpointRow next;
    next.prevCheckpointHash = QByteArray(auditsigning::kHashSize, '\0');
    QByteArray expectedPrev = AuditLog::genesisHash();
    qint64 afterId = 0;
    qint64 count = 0;
    if (const auto &previous = latest.value()) {
        // Chaining to a forged checkpoint would endorse it.
        if (!auditsigning::checkpointSignatureValid(publicKey, m_siteId, *previous))
            return makeError(
                ErrorCode::Tampered,
                QStringLiteral("Will not sign an audit checkpoint: the latest checkpoint "
                               "(%1, of row %2) is not validly signed by this site's key. "
                               "Run \"callvaultctl audit verify\".")
                    .arg(previous->id)
                    .arg(previous->auditRowId));
        next.prevCheckpointHash = auditsigning::checkpointDigest(m_siteId, *previous);
        expectedPrev = previous->headHash;
        afterId = previous->auditRowId;
        count = previous->rowCount;
    }

    // Check the rows the new checkpoint adds, outside any transaction: on SQLite a write
    // transaction would hold off every other writer while we read.
    AuditTrailReader reader(m_db);
    auto head = reader.head();
    if (!head)
        return head.error();
    const qint64 headNow = head.value() ? head.value()->id : 0;
    if (latest.value() &&
        (headNow < afterId || (headNow == afterId && head.value()->hash != expectedPrev)))
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral(
                "Will not sign an audit checkpoint: checkpoint %1 signed the audit trail up "
                "to row %2, but the trail now ends at row %3 (or that row changed): rows were "
                "removed or changed. "
                "Run \"callvaultctl audit verify\".")
                .arg(latest.value()->id)
                .arg(afterId)
                .arg(headNow));
    if (headNow <= afterId)
        return std::optional<AuditCheckpointRow>();
    const qint64 headId = head.value()->id;
    qint64 previousId = afterId;
    for (;;) {
        auto rows = reader.page(previousId, kPageSize, headId);
        if (!rows)
            return rows.error();
        for (const AuditTrailReader::Row &row : rows.value()) {
            QString problem;
            if (row.prevHash != expectedPrev)
                problem = QStringLiteral("it does not link to the row before it");
            else if (!row.resultValid || AuditLog::chainHash(row.prevHash, row) != row.hash)
                problem = QStringLiteral("its hash does not match its contents");
            if (!problem.isEmpty())
                return makeError(
                    ErrorCode::Tampered,
                    QStringLiteral("Will not sign an audit checkpoint: the audit trail is "
                                   "broken at row %1 (%2). Run \"callvaultctl audit verify\".")
                        .arg(row.id)
                        .arg(problem));
            expectedPrev = row.hash;
            previousId = row.id;
            ++count;
        }
        if (rows->size() < kPageSize || previousId >= headId)
            break;
    }
    if (previousId != headId)
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("Will not sign an audit checkpoint: row %1 disappeared while it "
                           "was being checked. Run \"callvaultctl audit verify\".")
                .arg(headId));

    next.auditRowId = headId;
    next.headHash = expectedPrev;
    next.rowCount = count;
    next.atMs = m_now();
    if (auto signedOk = auditsigning::signCheckpoint(m_key, m_siteId, next); !signedOk)
        return signedOk.error();

    TransactionGuard transaction(m_db);
    if (!transaction.ok())
        return transaction.error();
    if (auto locked = checkpoints.lockWriters(); !locked)
        return locked.error();
    auto current = checkpoints.maxId();
    if (!current)
        return current.error();
    if (current.value() != (latest.value() ? latest.value()->id : 0)) {
        *raced = true;
        return std::optional<AuditCheckpointRow>();
    }
    auto id = checkpoints.insert(next);
    if (!id)
        return id.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    next.id = id.value();
    qCInfo(lcAudit) << "audit checkpoint" << next.id << "covers rows up to" << next.auditRowId
                    << "(" << next.rowCount << "rows)";
    return std::optional<AuditCheckpointRow>(next);
}

} // namespace cv
