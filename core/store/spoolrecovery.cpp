#include "spoolrecovery.h"

#include "catalog/auditlog.h"
#include "catalog/recordingcommit.h"
#include "catalog/recordingrepository.h"
#include "common/logging.h"
#include "crypto/cryptoutil.h"
#include "store/containerscanner.h"
#include "store/durablefile.h"
#include "store/recordingarchiver.h"
#include "store/spoolsidecar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace cv {

namespace {

Result<QByteArray> hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    crypto::Sha256 hash;
    while (!file.atEnd()) {
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty() && file.error() != QFile::NoError)
            return makeError(ErrorCode::Io, QStringLiteral("Could not read %1.").arg(path));
        hash.addData(block);
    }
    return hash.result();
}

Result<void> trimTo(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.resize(size) || ::fsync(file.handle()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("Could not trim the damaged tail of %1.").arg(path));
    return {};
}

} // namespace

SpoolRecovery::SpoolRecovery(StorageLayout layout, Database &db) : m_layout(std::move(layout)), m_db(db) {}

Result<QVector<SpoolRecovery::Item>> SpoolRecovery::recoverAll(const QUuid &siteId, const AuditEvent &auditBase)
{
    QDir spool(m_layout.spoolDirectory());
    QVector<Item> items;
    if (!spool.exists())
        return items;
    const QStringList sidecars = spool.entryList({QStringLiteral("*.cvr.key")}, QDir::Files, QDir::Name);
    for (const QString &name : sidecars)
        items.append(recoverOne(spool.filePath(name), siteId, auditBase));
    // A sidecar that never reached its final name: the crash came before the container
    // existed (the sidecar is written first), so there is no audio to keep.
    for (const QString &name : spool.entryList({QStringLiteral("*.cvr.key.tmp")}, QDir::Files, QDir::Name)) {
        Item item;
        item.file = spool.filePath(name);
        item.id = QUuid::fromString(name.left(36));
        items.append(discard(item, {item.file}, QStringLiteral("the crash came while its key sidecar was being written"),
                             auditBase));
    }
    // A container without a sidecar has no key anywhere: say so, leave it for a person.
    for (const QString &name : spool.entryList({QStringLiteral("*.cvr")}, QDir::Files, QDir::Name)) {
        if (!QFile::exists(spool.filePath(name) + QStringLiteral(".key"))) {
            Item item;
            item.file = spool.filePath(name);
            item.message = QStringLiteral("no key sidecar beside it: it cannot be decrypted by anyone; left in place");
            items.append(item);
        }
    }
    return items;
}

SpoolRecovery::Item SpoolRecovery::recoverOne(const QString &sidecarPath, const QUuid &siteId,
                                              const AuditEvent &auditBase)
{
    Item item;
    item.file = sidecarPath;
    auto sidecar = SpoolSidecar::load(sidecarPath);
    if (!sidecar) {
        item.message = sidecar.errorMessage();
        return item;
    }
    const SpoolSidecar &s = sidecar.value();
    item.id = s.metadata.id;
    const QString hotRelative = m_layout.hotRelativePath(s.metadata.id, s.metadata.startedAt);
    const QString hotPath = m_layout.absolutePath(hotRelative);
    QString container = m_layout.spoolContainerPath(s.metadata.id);
    if (!QFile::exists(container))
        container = hotPath; // the archiver moved it but died before the catalog commit
    item.file = container;

    auto existing = RecordingRepository(m_db).find(s.metadata.id);
    if (!existing) {
        item.message = existing.errorMessage();
        return item;
    }
    if (existing.value().has_value()) {
        // Committed before the crash; only the sidecar cleanup was missed.
        QFile::remove(sidecarPath);
        item.outcome = Item::Outcome::AlreadyCataloged;
        return item;
    }
    if (!QFile::exists(container))
        return discard(item, {sidecarPath}, QStringLiteral("the crash came before its recording file was created"), auditBase);
    // The header is written and synced in one step when the file is created: a shorter file
    // was cut inside that step, before any audio.
    if (QFileInfo(container).size() < ContainerHeader::kMinimumSize)
        return discard(item, {container, sidecarPath}, QStringLiteral("the crash came while its recording file was being created"),
                       auditBase);
    auto layout = ContainerScanner::scan(container);
    if (!layout) {
        item.message = layout.errorMessage();
        return item;
    }
    if (layout->tornBytes() > 0) {
        if (auto trimmed = trimTo(container, layout->validEnd); !trimmed) {
            item.message = trimmed.errorMessage();
            return item;
        }
        item.trimmedBytes = layout->tornBytes();
    }
    item.wasFinished = layout->hasFinalChunk;
    item.recoveredMs = layout->audioEndMs();
    if (container != hotPath) {
        if (!QDir().mkpath(QFileInfo(hotPath).absolutePath())) {
            item.message = QStringLiteral("could not create the folder for %1").arg(hotPath);
            return item;
        }
        if (auto moved = durable::moveFile(container, hotPath); !moved) {
            item.message = moved.errorMessage();
            return item;
        }
    }
    item.file = hotPath;
    auto digest = hashFile(hotPath);
    if (!digest) {
        item.message = digest.errorMessage();
        return item;
    }

    RecordingRow row = RecordingArchiver::makeRow(s.metadata, siteId, item.recoveredMs);
    row.status = RecordingStatus::Recovered;
    row.storagePath = hotRelative;
    row.sizeBytes = QFileInfo(hotPath).size();
    row.sha256Hex = QString::fromLatin1(digest.value().toHex());
    row.sampleRate = s.sampleRate;
    row.channels = s.channels;
    row.bitrate = s.bitrate;

    KeyRow key;
    key.recordingId = row.id;
    key.wrappedKey = s.wrappedKey;
    key.suite = s.suite;
    key.siteKeyId = QString::fromLatin1(s.siteKeyId.toHex());

    AuditEvent audit = auditBase;
    audit.action = QStringLiteral("recording.recover");
    audit.target = row.id.toString(QUuid::WithoutBraces);
    audit.details = QString::fromUtf8(QJsonDocument(QJsonObject{
        {QStringLiteral("recoveredMs"), static_cast<double>(item.recoveredMs)},
        {QStringLiteral("trimmedBytes"), static_cast<double>(item.trimmedBytes)},
        {QStringLiteral("finished"), item.wasFinished},
    }).toJson(QJsonDocument::Compact));
    const CommitAlongside alongside = m_alongside ? m_alongside(item) : CommitAlongside{};
    if (auto committed = commitFinishedRecording(m_db, row, key, audit, alongside); !committed) {
        item.message = committed.errorMessage();
        return item;
    }
    QFile::remove(sidecarPath);
    (void)durable::syncDirectory(m_layout.spoolDirectory());
    item.outcome = Item::Outcome::Recovered;
    qCInfo(lcStore) << "recovered" << row.id << item.recoveredMs << "ms";
    return item;
}

SpoolRecovery::Item SpoolRecovery::discard(Item item, const QStringList &files, const QString &reason,
                                           const AuditEvent &auditBase)
{
    AuditEvent audit = auditBase;
    audit.action = QStringLiteral("recording.discard");
    audit.target = item.id.isNull() ? QFileInfo(item.file).fileName() : item.id.toString(QUuid::WithoutBraces);
    audit.details = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("reason"), reason}}).toJson(QJsonDocument::Compact));
    if (auto audited = AuditLog(m_db).append(audit); !audited) {
        item.message = audited.errorMessage();
        return item; // keep the files until the discard can be recorded
    }
    for (const QString &file : files)
        QFile::remove(file);
    (void)durable::syncDirectory(m_layout.spoolDirectory());
    item.outcome = Item::Outcome::Discarded;
    item.message = reason;
    return item;
}

} // namespace cv
