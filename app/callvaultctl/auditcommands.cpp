// callvaultctl audit verify | checkpoint | export | verify-extract (docs/audit-extract.md,
// docs/catalog-schema.md "audit_checkpoints").
#include "audit/auditcheckpointer.h"
#include "audit/auditexporter.h"
#include "audit/auditextract.h"
#include "audit/auditsigning.h"
#include "audit/audittrailtasks.h"
#include "audit/auditverifier.h"
#include "auditsupport.h"
#include "catalog/auditlog.h"
#include "catalog/database.h"
#include "commands.h"
#include "ctllogin.h"
#include "store/durablefile.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <unistd.h>

namespace ctl {

namespace {

constexpr qint64 kMaxExtractFileBytes = 2LL * 1024 * 1024 * 1024;

// ISO 8601 date or date and time; without a zone it is UTC.
cv::Result<qint64> parseTime(const QString &text, const QString &option)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    } else if (t.timeSpec() == Qt::LocalTime) {
        t.setTimeSpec(Qt::UTC);
    }
    if (!t.isValid())
        return cv::makeError(
            cv::ErrorCode::InvalidArgument,
            QStringLiteral("--%1 is not an ISO 8601 date or date and time (e.g. 2026-03-01 or "
                           "2026-03-01T08:00:00Z)")
                .arg(option));
    return t.toMSecsSinceEpoch();
}

int verifyTrail(const QStringList &args)
{
    QCommandLineParser p;
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral(
                         "Verify the audit trail: every row's hash and link, and every signed "
                         "checkpoint against the site's public signing key (no private key "
                         "needed; needs audit.verify). Prints \"valid: ...\" and exits 0, or "
                         "\"BROKEN at row N: ...\" and exits 1."),
                     {}, &code))
        return code;
    auto in = loginFor(p, {cv::Permission::AuditVerify}, QStringLiteral("audit.verify"));
    if (!in)
        return fail(in.error());
    const cv::SiteConfig &config = in->opened.site->config();
    cv::AuditVerifier verifier(in->db(), config.siteId, config.publicKeys.signing);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    int lastPercent = -1;
    if (tty)
        verifier.setProgressCallback([&lastPercent](qint64 done, qint64 total) {
            const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
            if (percent != lastPercent) {
                lastPercent = percent;
                QTextStream(stderr)
                    << QStringLiteral("\rVerifying the audit trail: %1%").arg(percent) << Qt::flush;
            }
        });
    QString auditWarning;
    auto verdict = cv::audittrail::verifyAndRecord(verifier, in->db(), config, in->principal(), &auditWarning);
    if (tty)
        QTextStream(stderr) << QStringLiteral("\r\x1b[K") << Qt::flush;
    if (!verdict)
        return fail(verdict.error());
    out(verdict->summary());
    for (const QString &note : verdict->notes())
        out(note);
    out(QStringLiteral("signing key %1")
            .arg(cv::auditsigning::keyFingerprint(config.publicKeys.signing)));
    if (!auditWarning.isEmpty())
        err(QStringLiteral("warning: could not write the audit row: %1").arg(auditWarning));
    return verdict->isValid() ? kExitOk : kExitFailure;
}

int checkpointTrail(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    const QCommandLineOption ifDue(
        QStringLiteral("if-due"),
        QStringLiteral(
            "Only when the policy asks for one (every $CALLVAULT_AUDIT_CHECKPOINT_ROWS "
            "rows, default 1000, or $CALLVAULT_AUDIT_CHECKPOINT_SECONDS, default 3600)."));
    p.addOption(ifDue);
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral(
                         "Sign a checkpoint of the audit chain head with the site signing key "
                         "(needs the private key, and audit.verify or keys.manage), after checking "
                         "the rows since the last checkpoint."),
                     {}, &code))
        return code;
    auto policy = cv::AuditCheckpointPolicy::fromEnvironment();
    if (!policy)
        return fail(policy.error());
    // The auditor after a verification, or the key holder's timer: the checkpointer verifies
    // the new rows before it signs, and the private key is the second gate.
    auto in = loginFor(p, {cv::Permission::AuditVerify, cv::Permission::KeysManage},
                       QStringLiteral("audit.checkpoint"));
    if (!in)
        return fail(in.error());
    auto keys = unlockSiteKeys(p, *in->opened.site);
    if (!keys)
        return fail(keys.error());
    cv::AuditCheckpointer checkpointer(in->db(), in->opened.site->config().siteId,
                                       keys->signing, policy.value());
    auto written = p.isSet(ifDue) ? checkpointer.checkpointIfDue() : checkpointer.checkpoint();
    if (!written)
        return fail(written.error());
    if (!written.value()) {
        out(p.isSet(ifDue)
                ? QStringLiteral("No audit checkpoint due.")
                : QStringLiteral(
                      "Nothing to sign: the latest checkpoint already covers every audit row."));
        return kExitOk;
    }
    const cv::AuditCheckpointRow &cp = *written.value();
    out(QStringLiteral("Signed audit checkpoint %1: rows up to %2 (%3 rows), head %4")
            .arg(cp.id)
            .arg(cp.auditRowId)
            .arg(cp.rowCount)
            .arg(QString::fromLatin1(cp.headHash.toHex())));
    return kExitOk;
}

int exportTrail(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(passphraseFileOption());
    p.addOption({QStringLiteral("from"),
                 QStringLiteral("Start, ISO 8601 (without a zone: UTC), included."),
                 QStringLiteral("ISO")});
    p.addOption({QStringLiteral("to"),
                 QStringLiteral("End, ISO 8601 (without a zone: UTC), excluded."),
                 QStringLiteral("ISO")});
    int code = 0;
    if (!parseAsUser(p, args,
                     QStringLiteral(
                         "Write a signed extract of the audit trail for an external auditor "
                         "(needs audit.read and the site private key): the rows in the range with "
                         "their hashes, the checkpoints, the site's public signing key and a "
                         "signature (docs/audit-extract.md). Check it with: callvaultctl audit "
                         "verify-extract."),
                     {QStringLiteral("OUT.json")}, &code))
        return code;
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return usageError(QStringLiteral("give --from and --to"), args.first());
    auto from = parseTime(p.value(QStringLiteral("from")), QStringLiteral("from"));
    if (!from)
        return usageError(from.errorMessage(), args.first());
    auto to = parseTime(p.value(QStringLiteral("to")), QStringLiteral("to"));
    if (!to)
        return usageError(to.errorMessage(), args.first());
    if (to.value() <= from.value())
        return usageError(QStringLiteral("--to must be after --from"), args.first());
    const QString outPath = p.positionalArguments().first();
    if (QFile::exists(outPath))
        return fail(QStringLiteral("%1 already exists; choose a new file name.").arg(outPath));
    auto in = loginFor(p, {cv::Permission::AuditRead}, QStringLiteral("audit.export"));
    if (!in)
        return fail(in.error());
    auto keys = unlockSiteKeys(p, *in->opened.site);
    if (!keys)
        return fail(keys.error());
    const cv::Site &site = *in->opened.site;
    const cv::SiteConfig &config = site.config();

    // Audited before anything leaves, like a recording export.
    auto summary = cv::audittrail::exportExtract(in->db(), config, keys.value(), in->principal(), from.value(),
                                                 to.value(), outPath);
    if (!summary)
        return fail(summary.error());
    checkpointAuditIfDue(in->db(), site, keys.value());
    out(QStringLiteral("Wrote audit extract %1: %2 rows, %3 signed checkpoints, signing key %4")
            .arg(outPath)
            .arg(summary->rows)
            .arg(summary->checkpoints)
            .arg(summary->signingKeyFingerprint));
    return kExitOk;
}

int verifyExtract(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption expectKey(
        QStringLiteral("signing-key"),
        QStringLiteral("The site's signing key fingerprint (SHA256:...) as the site "
                       "gave it to you; the extract must be signed with it."),
        QStringLiteral("FINGERPRINT"));
    const QCommandLineOption siteDir(
        QStringLiteral("site"),
        QStringLiteral("Take the expected signing key from this site directory's site.json "
                       "(the catalog is not opened)."),
        QStringLiteral("DIR"));
    p.addOption(expectKey);
    p.addOption(siteDir);
    p.addPositionalArgument(QStringLiteral("FILE.json"),
                            QStringLiteral("An extract written by `audit export`."));
    int code = 0;
    if (!parse(p, args,
               QStringLiteral(
                   "Verify an audit extract on its own, without a catalog: rows, hashes, links, "
                   "checkpoints and the site's signature. Prints \"valid extract: ...\" and exits "
                   "0, or "
                   "\"BROKEN: ...\" and exits 1. Compare the signing key it prints with the one "
                   "the site "
                   "gave you, or pass --signing-key / --site."),
               &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give the extract file"), args.first());
    QString expected = p.value(expectKey);
    if (p.isSet(siteDir)) {
        if (!expected.isEmpty())
            return usageError(QStringLiteral("give --signing-key or --site, not both"),
                              args.first());
        auto site = cv::Site::open(p.value(siteDir));
        if (!site)
            return fail(site.error());
        expected = cv::auditsigning::keyFingerprint(site->config().publicKeys.signing);
    }
    QFile file(p.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            QStringLiteral("Could not read %1: %2.").arg(file.fileName(), file.errorString()));
    if (file.size() > kMaxExtractFileBytes)
        return fail(QStringLiteral("%1 is larger than any audit extract callvaultctl writes.")
                        .arg(file.fileName()));
    auto extract = cv::AuditExtract::fromJson(file.readAll());
    if (!extract) {
        out(QStringLiteral("BROKEN: %1").arg(extract.errorMessage()));
        return kExitFailure;
    }
    const cv::AuditExtractVerdict verdict = extract->verify(expected);
    out(verdict.summary());
    if (verdict.valid && expected.isEmpty())
        out(QStringLiteral(
            "Compare the signing key with the fingerprint the site gave you (callvaultctl audit "
            "verify prints it)."));
    return verdict.valid ? kExitOk : kExitFailure;
}

} // namespace

void checkpointAuditIfDue(cv::Database &db, const cv::Site &site, const cv::SiteKeys &keys)
{
    auto policy = cv::AuditCheckpointPolicy::fromEnvironment();
    if (!policy) {
        err(QStringLiteral("warning: no audit checkpoint: %1").arg(policy.errorMessage()));
        return;
    }
    cv::AuditCheckpointer checkpointer(db, site.config().siteId, keys.signing, policy.value());
    if (auto written = checkpointer.checkpointIfDue(); !written)
        err(QStringLiteral("warning: could not write an audit checkpoint: %1")
                .arg(written.errorMessage()));
}

int runAudit(const QStringList &args)
{
    return dispatch(args,
                    {{QStringLiteral("verify"), verifyTrail},
                     {QStringLiteral("checkpoint"), checkpointTrail},
                     {QStringLiteral("export"), exportTrail},
                     {QStringLiteral("verify-extract"), verifyExtract}},
                    QStringLiteral(
        "Usage: callvaultctl audit verify --user NAME [--site DIR]\n"
        "       callvaultctl audit checkpoint --user NAME [--site DIR] [--if-due]\n"
        "       callvaultctl audit export --from ISO --to ISO --user NAME [--site DIR] OUT.json\n"
        "       callvaultctl audit verify-extract [--signing-key FINGERPRINT | --site DIR] "
        "FILE.json\n"
        "(callvaultctl audit COMMAND --help for details)"));
}

} // namespace ctl
