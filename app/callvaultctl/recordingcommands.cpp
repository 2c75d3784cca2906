#include "auditsupport.h"
#include "commands.h"
#include "ctllogin.h"
#include "ctlsupport.h"

#include "capture/wavimporter.h"
#include "catalog/database.h"
#include "catalog/recordingrepository.h"
#include "store/recordingaccess.h"
#include "store/recordingverifier.h"
#include "store/spoolrecovery.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace ctl {

namespace {

QString shortId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

int runImport(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p); // a log-in is needed on server-enforced sites
    p.addOption({QStringLiteral("agent"), QStringLiteral("Agent id (工号)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("phone"), QStringLiteral("Customer phone number."), QStringLiteral("NUM")});
    p.addOption({QStringLiteral("started-at"), QStringLiteral("Call start, ISO 8601 (default: now)."), QStringLiteral("ISO")});
    p.addOption({QStringLiteral("direction"), QStringLiteral("in or out (default: in)."), QStringLiteral("in|out"), QStringLiteral("in")});
    p.addPositionalArgument(QStringLiteral("FILE.wav"), QStringLiteral("16-bit PCM WAV, 8/16/48 kHz, mono or stereo (left = agent)."));
    int code = 0;
    if (!parse(p, args, QStringLiteral("Import a WAV file as an encrypted recording."), &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give exactly one WAV file"), args.first());
    const QString direction = p.value(QStringLiteral("direction"));
    if (direction != QLatin1String("in") && direction != QLatin1String("out"))
        return usageError(QStringLiteral("--direction must be in or out"), args.first());
    cv::RecordingMetadata meta;
    meta.id = QUuid::createUuid();
    meta.direction = direction;
    meta.agentId = p.value(QStringLiteral("agent"));
    meta.customerPhone = p.value(QStringLiteral("phone"));
    meta.startedAt = QDateTime::currentDateTimeUtc();
    if (p.isSet(QStringLiteral("started-at"))) {
        meta.startedAt = QDateTime::fromString(p.value(QStringLiteral("started-at")), Qt::ISODateWithMs);
        if (!meta.startedAt.isValid())
            return usageError(QStringLiteral("--started-at is not an ISO 8601 date and time"), args.first());
    }
    auto opened = openSite(p);
    if (!opened)
        return fail(opened.error());
    const cv::Site &site = *opened->site;
    cv::WavImporter importer(site.layout(), *opened->db, site.config().siteId, site.config().publicKeys.encryption);
    auto row = importer.import(p.positionalArguments().first(), meta, auditBase());
    if (!row)
        return fail(row.error());
    out(QStringLiteral("Imported %1 (%2, %3 Hz, %4 ch)")
            .arg(shortId(row->id), formatDuration(row->durationMs))
            .arg(row->sampleRate)
            .arg(row->channels));
    return kExitOk;
}

int runList(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p); // a log-in is needed on server-enforced sites
    p.addOption({QStringLiteral("limit"), QStringLiteral("Show at most N recordings (default 100)."), QStringLiteral("N"), QStringLiteral("100")});
    int code = 0;
    if (!parse(p, args, QStringLiteral("List recordings, newest first."), &code))
        return code;
    bool numeric = false;
    const int limit = p.value(QStringLiteral("limit")).toInt(&numeric);
    if (!numeric || limit < 1)
        return usageError(QStringLiteral("--limit must be a positive number"), args.first());
    auto opened = openSite(p);
    if (!opened)
        return fail(opened.error());
    cv::RecordingRepository recordings(*opened->db);
    auto rows = recordings.list(limit, 0);
    if (!rows)
        return fail(rows.error());
    auto total = recordings.count();
    out(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
            .arg(QStringLiteral("ID"), -36)
            .arg(QStringLiteral("STARTED (UTC)"), -19)
            .arg(QStringLiteral("DURATION"), -10)
            .arg(QStringLiteral("DIR"), -3)
            .arg(QStringLiteral("AGENT"), -8)
            .arg(QStringLiteral("PHONE"), -14)
            .arg(QStringLiteral("STATUS")));
    for (const cv::RecordingRow &r : rows.value()) {
        out(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                .arg(shortId(r.id), -36)
                .arg(r.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -19)
                .arg(formatDuration(r.durationMs), -10)
                .arg(cv::directionToText(r.direction), -3)
                .arg(r.agentId, -8)
                .arg(r.customerPhone, -14)
                .arg(cv::recordingStatusToText(r.status)));
    }
    out(QStringLiteral("%1 of %2 recordings").arg(rows->size()).arg(total ? total.value() : -1));
    return kExitOk;
}

int runVerify(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p); // a log-in is needed on server-enforced sites
    p.addOption(passphraseFileOption());
    p.addPositionalArgument(QStringLiteral("[ID]"), QStringLiteral("Verify one recording (default: all)."));
    int code = 0;
    if (!parse(p, args, QStringLiteral("Check recordings against the catalog: file, size, SHA-256, key and every chunk's tag."), &code))
        return code;
    auto unlocked = openUnlockedSite(p);
    if (!unlocked)
        return fail(unlocked.error());
    cv::RecordingAccess access(unlocked->site().layout(), unlocked->db(), unlocked->keys);
    QVector<cv::RecordingRow> rows;
    if (!p.positionalArguments().isEmpty()) {
        auto id = parseRecordingId(p.positionalArguments().first());
        if (!id)
            return fail(id.error());
        auto row = access.row(id.value());
        if (!row)
            return fail(row.error());
        rows << row.value();
    } else {
        cv::RecordingRepository recordings(unlocked->db());
        const int page = 500;
        for (int offset = 0;; offset += page) {
            auto batch = recordings.list(page, offset);
            if (!batch)
                return fail(batch.error());
            rows += batch.value();
            if (batch->size() < page)
                break;
        }
    }
    cv::RecordingVerifier verifier(access);
    int failed = 0;
    for (const cv::RecordingRow &row : rows) {
        const auto verdict = verifier.verify(row);
        if (verdict.ok) {
            out(QStringLiteral("OK      %1").arg(shortId(row.id)));
        } else {
            ++failed;
            out(QStringLiteral("FAILED  %1: %2").arg(shortId(row.id), verdict.problems.join(QStringLiteral("; "))));
        }
    }
    out(QStringLiteral("%1 recordings verified: %2 ok, %3 failed").arg(rows.size()).arg(rows.size() - failed).arg(failed));
    return failed == 0 ? kExitOk : kExitFailure;
}

int runRecover(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p); // a log-in is needed on server-enforced sites
    int code = 0;
    if (!parse(p, args, QStringLiteral("Turn unfinished spool files (after a crash) into recordings marked 'recovered'."), &code))
        return code;
    auto opened = openSite(p);
    if (!opened)
        return fail(opened.error());
    cv::SpoolRecovery recovery(opened->site->layout(), *opened->db);
    auto items = recovery.recoverAll(opened->site->config().siteId, auditBase());
    if (!items)
        return fail(items.error());
    int recovered = 0, skipped = 0;
    qint64 totalMs = 0;
    for (const auto &item : items.value()) {
        using Outcome = cv::SpoolRecovery::Item::Outcome;
        switch (item.outcome) {
        case Outcome::Recovered:
            ++recovered;
            totalMs += item.recoveredMs;
            out(QStringLiteral("RECOVERED  %1: %2 of audio%3%4")
                    .arg(shortId(item.id), formatDuration(item.recoveredMs),
                         item.wasFinished ? QStringLiteral(" (file was complete)") : QStringLiteral(" (unfinished)"),
                         item.trimmedBytes ? QStringLiteral(", %1 torn bytes trimmed").arg(item.trimmedBytes) : QString()));
            break;
        case Outcome::AlreadyCataloged:
            out(QStringLiteral("CLEANED    %1: already in the catalog; leftover key sidecar removed").arg(shortId(item.id)));
            break;
        case Outcome::Discarded:
            out(QStringLiteral("DISCARDED  %1: no audio (%2); leftovers removed").arg(shortId(item.id), item.message));
            break;
        case Outcome::Skipped:
            ++skipped;
            out(QStringLiteral("SKIPPED    %1: %2").arg(item.file, item.message));
            break;
        }
    }
    out(QStringLiteral("%1 recordings recovered (%2 of audio), %3 skipped").arg(recovered).arg(formatDuration(totalMs)).arg(skipped));
    return skipped == 0 ? kExitOk : kExitFailure;
}

} // namespace ctl
