#pragma once

#include "auth/principal.h"
#include "common/result.h"
#include "export/exportjob.h"
#include "store/storagelayout.h"

#include <QDialog>
#include <QUuid>
#include <QVector>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace cv {

class Database;
class ExportRunner;
struct SiteKeys;

// Exports the selected recordings: format (.opus or .wav), destination folder and a reason
// (required: it goes into the audit trail and the signed manifests). The export runs off
// the GUI thread (ExportRunner) with a progress bar and Cancel; a summary follows. Core
// checks the permission for every recording; the dialog only asks.
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        StorageLayout layout;
        Database *db = nullptr;
        QUuid siteId;
        Principal principal;
        // The site private keys, asked for on the GUI thread when the export starts (the
        // session may ask for the key-file passphrase).
        std::function<Result<const SiteKeys *>()> keys;
    };

    ExportDialog(Context context, QVector<QUuid> ids, QWidget *parent = nullptr);
    ~ExportDialog() override;

    bool isRunning() const;
    // Set when an export has finished.
    const ExportSummary &summary() const { return m_summary; }

    void reject() override; // cancels a running export first

signals:
    void exportFinished();

private:
    void startExport();
    void chooseDirectory();
    void onProgress(int index, int count, int permille);
    void onFinished(const ExportSummary &summary);
    void showProblem(const QString &text);

    Context m_context;
    QVector<QUuid> m_ids;
    QComboBox *m_format;
    QLineEdit *m_directory;
    QPlainTextEdit *m_reason;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_exportButton;
    QPushButton *m_cancelButton;
    ExportRunner *m_runner = nullptr;
    ExportSummary m_summary;
};

} // namespace cv
