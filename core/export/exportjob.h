#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "export/exportmanifest.h"
#include "store/recordingexporter.h"
#include "store/storagelayout.h"

#include <QString>
#include <QUuid>
#include <QVector>

#include <functional>

namespace cv {

class Database;
struct SiteKeys;

// One exported recording: the audio file and its signed manifest.
struct ExportedFile
{
    QString file;
    QString manifestFile;
    ExportManifest manifest;
};

// What a bulk export did, recording by recording.
struct ExportSummary
{
    struct Item
    {
        QUuid id;
        QString file; // empty when it failed
        Error error;  // ErrorCode::None when exported
        bool ok() const { return error.code == ErrorCode::None; }
    };
    QVector<Item> items;
    bool cancelled = false; // the rest after a cancel are not in `items`

    int exported() const;
    int failed() const;
    // "3 exported, 1 failed" plus one line per failure, for a person.
    QString text() const;
};

// The audited export of recordings (issue 5): the person must hold recording.export for the
// recording (AccessControl; a refusal is audited as denied) and give a reason; the audit row
// is written before any audio; the file carries an export stamp (RecordingExporter::Stamp)
// and gets `<file>.manifest.json`, signed with the site's Ed25519 key. Nothing partial is
// left behind: the audio is written under a hidden temporary name, then the manifest, then
// the audio is renamed into place; a failure or a cancel removes both.
class ExportJob final
{
public:
    // index: the recording being exported (0-based) of count; done/total: its progress.
    // Returning false cancels.
    using Progress = std::function<bool(int index, int count, qint64 done, qint64 total)>;

    ExportJob(StorageLayout layout, Database &db, const SiteKeys &keys, const QUuid &siteId,
              Principal principal);

    // Exports one recording to `outPath` (.opus or .wav); fails with ErrorCode::Conflict if
    // the file or its manifest already exists.
    Result<ExportedFile> exportOne(const QUuid &id, const QString &outPath, const QString &reason,
                                   const Progress &progress = {}) const;
    // Exports each recording into `directory` as fileNameFor(); one failure does not stop
    // the others. A cancel stops after removing the partial file.
    ExportSummary exportMany(const QVector<QUuid> &ids, const QString &directory,
                             RecordingExporter::Format format, const QString &reason,
                             const Progress &progress = {}) const;

    static QString manifestPathFor(const QString &file);
    // "<recording id>.opus" / ".wav".
    static QString fileNameFor(const QUuid &id, RecordingExporter::Format format);
    // InvalidArgument unless the reason has text (and fits the manifest).
    static Result<QString> checkReason(const QString &reason);

private:
    Result<ExportedFile> exportAt(const QUuid &id, const QString &outPath, const QString &reason,
                                  const RecordingExporter::Progress &progress) const;

    StorageLayout m_layout;
    Database &m_db;
    const SiteKeys &m_keys;
    QUuid m_siteId;
    Principal m_principal;
};

} // namespace cv
