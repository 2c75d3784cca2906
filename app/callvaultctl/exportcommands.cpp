// callvaultctl export and verify-manifest: the audited export of recordings with a signed
// manifest (cv::ExportJob, docs/export-manifest.md) and its check by anyone holding site.json.
#include "auditsupport.h"
#include "commands.h"
#include "ctllogin.h"
#include "ctlsupport.h"

#include "export/exportjob.h"
#include "export/exportmanifest.h"
#include "site/site.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ctl {

namespace {

// A logged-in exporter with the site keys unlocked: what every export needs. The job refers
// to the members, so an Exporter stays where it was made.
struct Exporter
{
    LoggedIn in;
    cv::SiteKeys keys;

    const cv::Site &site() const { return *in.opened.site; }
    cv::ExportJob job() const
    {
        return cv::ExportJob(site().layout(), in.db(), keys, site().config().siteId, in.principal());
    }
    // After the exports: a signed audit checkpoint when one is due.
    void checkpoint() const { checkpointAuditIfDue(in.db(), site(), keys); }
};

cv::Result<Exporter> openExporter(const QCommandLineParser &p)
{
    auto in = login(p);
    if (!in)
        return in.error();
    auto keys = unlockSiteKeys(p, *in->opened.site);
    if (!keys)
        return keys.error();
    return Exporter{in.takeValue(), keys.takeValue()};
}

int exportIntoDirectory(const QCommandLineParser &p, const QString &command)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("opus") && format != QLatin1String("wav"))
        return usageError(QStringLiteral("--format must be opus or wav"), command);
    QVector<QUuid> ids;
    for (const QString &text : p.positionalArguments()) {
        auto id = parseRecordingId(text);
        if (!id)
            return fail(id.error());
        ids << id.value();
    }
    auto exporter = openExporter(p);
    if (!exporter)
        return fail(exporter.error());
    const cv::ExportSummary summary =
        exporter->job().exportMany(ids, p.value(QStringLiteral("dir")),
                       format == QLatin1String("opus") ? cv::RecordingExporter::Format::Opus
                                                        : cv::RecordingExporter::Format::Wav,
                       p.value(QStringLiteral("reason")));
    exporter->checkpoint();
    for (const cv::ExportSummary::Item &item : summary.items) {
        if (item.ok())
            out(QStringLiteral("Exported %1 to %2 (manifest %3)")
                    .arg(item.id.toString(QUuid::WithoutBraces), item.file,
                         cv::ExportJob::manifestPathFor(item.file)));
        else
            err(QStringLiteral("FAILED %1: %2")
                    .arg(item.id.toString(QUuid::WithoutBraces), item.error.message));
    }
    out(QStringLiteral("%1 exported, %2 failed").arg(summary.exported()).arg(summary.failed()));
    return summary.failed() == 0 ? kExitOk : kExitFailure;
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser p;
    addLoginOptions(p);
    p.addOption(passphraseFileOption());
    p.addOption({QStringLiteral("reason"),
                 QStringLiteral("Why it is exported (required; kept in the audit trail and the "
                                "signed manifest)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("dir"),
                 QStringLiteral("Export every ID into this folder as ID.opus or ID.wav."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("With --dir: opus (default) or wav."), QStringLiteral("opus|wav"),
                 QStringLiteral("opus")});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Recording id."));
    p.addPositionalArgument(QStringLiteral("OUT"),
                            QStringLiteral("Output file: .opus or .wav (without --dir)."));
    int code = 0;
    if (!parse(p, args,
               QStringLiteral(
                   "Decrypt recordings to .opus or .wav files as a CallVault user holding "
                   "recording.export (audited before any audio is written). Each file gets "
                   "FILE.manifest.json, signed with the site key; check it with callvaultctl "
                   "verify-manifest."),
               &code))
        return code;
    const bool intoDirectory = p.isSet(QStringLiteral("dir"));
    if (intoDirectory && p.positionalArguments().isEmpty())
        return usageError(QStringLiteral("give at least one recording id"), args.first());
    if (!intoDirectory && p.positionalArguments().size() != 2)
        return usageError(QStringLiteral("give a recording id and an output file (or --dir DIR ID...)"),
                          args.first());
    if (auto reason = cv::ExportJob::checkReason(p.value(QStringLiteral("reason"))); !reason)
        return usageError(QStringLiteral("give --reason TEXT: why the recording is exported"),
                          args.first());
    // A missing site is named as such before anyone is asked to log in.
    if (auto site = cv::Site::open(siteDirectory(p)); !site)
        return fail(site.error());
    if (intoDirectory)
        return exportIntoDirectory(p, args.first());
    auto id = parseRecordingId(p.positionalArguments().at(0));
    if (!id)
        return fail(id.error());
    const QString outPath = p.positionalArguments().at(1);
    if (auto format = cv::RecordingExporter::formatForPath(outPath); !format)
        return fail(format.error());
    auto exporter = openExporter(p);
    if (!exporter)
        return fail(exporter.error());
    auto exported = exporter->job().exportOne(id.value(), outPath, p.value(QStringLiteral("reason")));
    if (!exported)
        return fail(exported.error());
    exporter->checkpoint();
    out(QStringLiteral("Exported %1 to %2 (manifest %3)")
            .arg(id->toString(QUuid::WithoutBraces), outPath, exported->manifestFile));
    return kExitOk;
}

int runVerifyManifest(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(siteOption());
    p.addOption({QStringLiteral("file"),
                 QStringLiteral("The exported file (default: the file the manifest names, next to "
                                "the manifest)."),
                 QStringLiteral("FILE")});
    p.addPositionalArgument(QStringLiteral("MANIFEST"),
                            QStringLiteral("A FILE.manifest.json written by export."));
    int code = 0;
    if (!parse(p, args,
               QStringLiteral(
                   "Check an export manifest: its Ed25519 signature against the site's public "
                   "signing key in site.json (no private key, no log-in) and the SHA-256 of the "
                   "exported file. Prints \"valid manifest: ...\" and exits 0, or \"INVALID: ...\" "
                   "and exits 1."),
               &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give the manifest file"), args.first());
    auto site = cv::Site::open(siteDirectory(p));
    if (!site)
        return fail(site.error());
    const QString manifestPath = p.positionalArguments().first();
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Could not read %1: %2.").arg(manifestPath, file.errorString()));
    const auto invalid = [](const QString &why) {
        out(QStringLiteral("INVALID: %1").arg(why));
        return kExitFailure;
    };
    auto manifest = cv::ExportManifest::fromJson(file.read(cv::ExportManifest::kMaxJsonBytes + 1));
    if (!manifest)
        return invalid(manifest.errorMessage());
    if (auto signedOk = manifest->verify(site->config().publicKeys.signing); !signedOk)
        return invalid(signedOk.errorMessage());
    if (manifest->siteId != site->config().siteId)
        return invalid(QStringLiteral("The manifest names another site (%1).")
                           .arg(manifest->siteId.toString(QUuid::WithoutBraces)));
    const QString exported =
        p.isSet(QStringLiteral("file"))
            ? p.value(QStringLiteral("file"))
            : QFileInfo(manifestPath).absoluteDir().filePath(manifest->fileName);
    if (auto fileOk = manifest->verifyFile(exported); !fileOk)
        return invalid(fileOk.errorMessage());
    out(QStringLiteral("valid manifest: recording %1 exported by %2 (%3) on %4 at %5, reason: %6; "
                       "file %7 matches (SHA-256 %8); signing key %9")
            .arg(manifest->recordingId.toString(QUuid::WithoutBraces), manifest->exporterName,
                 manifest->exporterRole, manifest->host,
                 cv::ExportManifest::isoUtc(manifest->exportedAt), manifest->reason, exported,
                 manifest->fileSha256, manifest->signingKeyFingerprint));
    return kExitOk;
}

} // namespace ctl
