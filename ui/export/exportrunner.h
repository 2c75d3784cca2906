#pragma once

#include "auth/principal.h"
#include "export/exportjob.h"
#include "site/sitekeys.h"
#include "store/storagelayout.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace cv {

class Database;

// Runs one bulk export (ExportJob::exportMany) on a thread of its own, so the catalog and
// the disk are never touched on the GUI thread (Database gives that thread its own
// connection). Progress and the summary come back as signals queued to the GUI thread.
// cancel() is honoured at the next block of audio; the partial file is removed.
class ExportRunner final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        StorageLayout layout;
        Database *db = nullptr;
        QUuid siteId;
        Principal principal;
        QVector<QUuid> ids;
        QString directory;
        RecordingExporter::Format format = RecordingExporter::Format::Opus;
        QString reason;
    };

    // `keys` is a copy that the thread owns (zeroed when it ends).
    ExportRunner(Request request, SiteKeys keys, QObject *parent = nullptr);
    ~ExportRunner() override; // cancels and waits

    void start();
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

signals:
    // permille: 0..1000 over the whole selection.
    void progressed(int index, int count, int permille);
    void finished(const cv::ExportSummary &summary);

private:
    void run();

    Request m_request;
    std::unique_ptr<SiteKeys> m_keys;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
    int m_lastPermille = -1; // touched on the worker thread only
};

} // namespace cv

Q_DECLARE_METATYPE(cv::ExportSummary)
