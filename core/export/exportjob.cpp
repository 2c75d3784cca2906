#include "exportjob.h"

#include "auth/accesscontrol.h"
#include "catalog/database.h"
#include "site/sitekeys.h"
#include "store/durablefile.h"
#include "store/recordingaccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace cv {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Removes the files of an export that did not complete.
class PartialFiles final
{
public:
    PartialFiles() = default;
    PartialFiles(const PartialFiles &) = delete;
    PartialFiles &operator=(const PartialFiles &) = delete;
    ~PartialFiles()
    {
        for (const QString &path : std::as_const(m_paths))
            QFile::remove(path);
    }
    void add(const QString &path) { m_paths << path; }
    void release() { m_paths.clear(); }

private:
    QStringList m_paths;
};

} // namespace

int ExportSummary::exported() const
{
    int n = 0;
    for (const Item &item : items)
        n += item.ok() ? 1 : 0;
    return n;
}

int ExportSummary::failed() const
{
    return int(items.size()) - exported();
}

QString ExportSummary::text() const
{
    QStringList lines;
    lines << QStringLiteral("%1 exported, %2 failed%3")
                 .arg(exported())
                 .arg(failed())
                 .arg(cancelled ? QStringLiteral(", cancelled") : QString());
    for (const Item &item : items)
        if (!item.ok())
            lines << QStringLiteral("%1: %2").arg(idText(item.id), item.error.message);
    return lines.join(QLatin1Char('\n'));
}

ExportJob::ExportJob(StorageLayout layout, Database &db, const SiteKeys &keys, const QUuid &siteId,
                     Principal principal)
    : m_layout(std::move(layout)), m_db(db), m_keys(keys), m_siteId(siteId),
      m_principal(std::move(principal))
{
}

QString ExportJob::manifestPathFor(const QString &file)
{
    return file + QStringLiteral(".manifest.json");
}

QString ExportJob::fileNameFor(const QUuid &id, RecordingExporter::Format format)
{
    return idText(id) + (format == RecordingExporter::Format::Opus ? QStringLiteral(".opus")
                                                                   : QStringLiteral(".wav"));
}

Result<QString> ExportJob::checkReason(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Give a reason for the export: it is kept in the audit "
                                        "trail and in the signed manifest."));
    if (trimmed.size() > ExportManifest::kMaxReasonLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The reason is longer than %1 characters; shorten it.")
                             .arg(ExportManifest::kMaxReasonLength));
    return trimmed;
}

Result<ExportedFile> ExportJob::exportOne(const QUuid &id, const QString &outPath,
                                          const QString &reason, const Progress &progress) const
{
    return exportAt(id, outPath, reason, [&progress](qint64 done, qint64 total) {
        return !progress || progress(0, 1, done, total);
    });
}

ExportSummary ExportJob::exportMany(const QVector<QUuid> &ids, const QString &directory,
                                    RecordingExporter::Format format, const QString &reason,
                                    const Progress &progress) const
{
    ExportSummary summary;
    const int count = int(ids.size());
    for (int i = 0; i < count; ++i) {
        if (progress && !progress(i, count, 0, 0)) { // cancelled between two recordings
            summary.cancelled = true;
            break;
        }
        bool cancelled = false;
        const QString path = QDir(directory).filePath(fileNameFor(ids.at(i), format));
        auto exported = exportAt(ids.at(i), path, reason, [&](qint64 done, qint64 total) {
            cancelled = progress && !progress(i, count, done, total);
            return !cancelled;
        });
        if (!exported && exported.error().code == ErrorCode::Cancelled) {
            summary.cancelled = true;
            break;
        }
        summary.items.push_back(exported ? ExportSummary::Item{ids.at(i), exported->file, Error{}}
                                         : ExportSummary::Item{ids.at(i), QString(), exported.error()});
    }
    return summary;
}

Result<ExportedFile> ExportJob::exportAt(const QUuid &id, const QString &outPath,
                                         const QString &reasonIn,
                                         const RecordingExporter::Progress &progress) const
{
    auto reason = checkReason(reasonIn);
    if (!reason)
        return reason.error();
    auto format = RecordingExporter::formatForPath(outPath);
    if (!format)
        return format.error();
    const QFileInfo target(outPath);
    const QString manifestPath = manifestPathFor(target.absoluteFilePath());
    if (target.exists() || QFileInfo::exists(manifestPath))
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 or its manifest already exists; choose another folder "
                                        "or file name.")
                             .arg(outPath));
    if (!target.absoluteDir().exists())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The folder %1 does not exist.").arg(target.absolutePath()));

    RecordingAccess access(m_layout, m_db, m_keys);
    auto row = access.row(id);
    if (!row)
        return row.error();
    // A refusal writes the 'denied' audit row (action recording.export).
    if (auto allowed = AccessControl(m_db).requireRecording(
            m_principal, Permission::RecordingExport, row.value(), QStringLiteral("recording.export"));
        !allowed)
        return allowed.error();

    const QDateTime exportedAt = QDateTime::currentDateTimeUtc();
    const QString partPath = target.absoluteDir().filePath(
        QStringLiteral(".%1.%2.part.%3")
            .arg(target.completeBaseName())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
            .arg(target.suffix()));
    PartialFiles partial;
    partial.add(partPath);

    const QJsonObject details{{QStringLiteral("reason"), reason.value()},
                              {QStringLiteral("manifest"), QFileInfo(manifestPath).fileName()}};
    const AuditEvent audit = m_principal.auditEvent(
        QStringLiteral("recording.export"), idText(id), true,
        QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    const RecordingExporter::Stamp stamp{m_principal.name, exportedAt, target.fileName()};
    if (auto written = RecordingExporter(access).exportTo(id, partPath, audit, progress, stamp);
        !written)
        return written.error();

    ExportManifest manifest;
    manifest.recordingId = id;
    manifest.siteId = m_siteId;
    manifest.exporterName = m_principal.name;
    manifest.exporterRole = m_principal.role;
    manifest.host = m_principal.host.isEmpty() ? QHostInfo::localHostName() : m_principal.host;
    manifest.exportedAt = exportedAt;
    manifest.reason = reason.value();
    manifest.fileName = target.fileName();
    manifest.fileFormat = format.value() == RecordingExporter::Format::Opus ? QStringLiteral("opus")
                                                                            : QStringLiteral("wav");
    manifest.fileSize = QFileInfo(partPath).size();
    auto digest = ExportManifest::sha256OfFile(partPath);
    if (!digest)
        return digest.error();
    manifest.fileSha256 = digest.value();
    manifest.recordingSha256 = row->sha256Hex.toLower();
    manifest.recordingStartedAt = row->startedAt.toUTC();
    manifest.recordingAgentId = row->agentId;
    if (auto signedOk = manifest.sign(m_keys.signing); !signedOk)
        return signedOk.error();

    partial.add(manifestPath);
    if (auto written = durable::writeFileAtomically(manifestPath, manifest.toJson()); !written)
        return written.error();
    if (auto moved = durable::moveFile(partPath, target.absoluteFilePath()); !moved)
        return moved.error();
    partial.release();
    return ExportedFile{target.absoluteFilePath(), manifestPath, manifest};
}

} // namespace cv
