#include "exportdialog.h"

#include "exportrunner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace cv {

ExportDialog::ExportDialog(Context context, QVector<QUuid> ids, QWidget *parent)
    : QDialog(parent), m_context(std::move(context)), m_ids(std::move(ids)),
      m_format(new QComboBox(this)), m_directory(new QLineEdit(this)),
      m_reason(new QPlainTextEdit(this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_exportButton(new QPushButton(tr("&Export"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export recordings"));
    auto *count = new QLabel(tr("%n recording(s) selected.", nullptr, int(m_ids.size())), this);
    count->setObjectName(QStringLiteral("exportCount"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("Opus (.opus, as recorded)"), int(RecordingExporter::Format::Opus));
    m_format->addItem(tr("WAV (.wav, uncompressed)"), int(RecordingExporter::Format::Wav));
    m_directory->setObjectName(QStringLiteral("exportDirectory"));
    m_directory->setText(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setText(tr("Browse…"));
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory);
    directoryRow->addWidget(browse);
    m_reason->setObjectName(QStringLiteral("exportReason"));
    m_reason->setPlaceholderText(
        tr("Why are these recordings exported? (Required: kept in the audit trail and in each "
           "file's signed manifest.)"));
    m_reason->setTabChangesFocus(true);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("exportCancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Folder:"), directoryRow);
    form->addRow(tr("Reason:"), m_reason);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(count);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(browse, &QToolButton::clicked, this, &ExportDialog::chooseDirectory);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::reject);
    resize(520, 360);
}

ExportDialog::~ExportDialog() = default; // the runner (a child) cancels and waits

bool ExportDialog::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ExportDialog::reject()
{
    if (m_runner) {
        m_runner->cancel();
        m_cancelButton->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        return; // onFinished() reports what was left
    }
    QDialog::reject();
}

void ExportDialog::chooseDirectory()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Export to folder"), m_directory->text());
    if (!dir.isEmpty())
        m_directory->setText(dir);
}

void ExportDialog::showProblem(const QString &text)
{
    m_status->setText(text);
}

void ExportDialog::startExport()
{
    if (m_runner)
        return;
    const QString reason = m_reason->toPlainText().trimmed();
    if (reason.isEmpty()) {
        showProblem(tr("Give a reason for the export: it is kept in the audit trail and in the "
                       "signed manifest."));
        m_reason->setFocus();
        return;
    }
    if (m_ids.isEmpty()) {
        showProblem(tr("Select one or more recordings in the results first."));
        return;
    }
    const QString directory = m_directory->text().trimmed();
    if (directory.isEmpty() || !QDir(directory).exists()) {
        showProblem(tr("Choose a folder that exists."));
        return;
    }
    auto keys = m_context.keys ? m_context.keys()
                               : Result<const SiteKeys *>(makeError(ErrorCode::KeyUnavailable, QString()));
    if (!keys) {
        showProblem(tr("The site keys are needed to export: %1").arg(keys.errorMessage()));
        return;
    }
    auto copy = keys.value()->clone();
    if (!copy) {
        showProblem(copy.errorMessage());
        return;
    }
    ExportRunner::Request request{m_context.layout,
                                  m_context.db,
                                  m_context.siteId,
                                  m_context.principal,
                                  m_ids,
                                  directory,
                                  RecordingExporter::Format(m_format->currentData().toInt()),
                                  reason};
    m_runner = new ExportRunner(std::move(request), copy.takeValue(), this);
    connect(m_runner, &ExportRunner::progressed, this, &ExportDialog::onProgress);
    connect(m_runner, &ExportRunner::finished, this, &ExportDialog::onFinished);
    m_exportButton->setEnabled(false);
    m_format->setEnabled(false);
    m_directory->setEnabled(false);
    m_reason->setReadOnly(true);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_status->setText(tr("Exporting…"));
    m_runner->start();
}

void ExportDialog::onProgress(int index, int count, int permille)
{
    m_progress->setValue(permille);
    if (m_cancelButton->isEnabled())
        m_status->setText(tr("Exporting recording %1 of %2…").arg(index + 1).arg(count));
}

void ExportDialog::onFinished(const ExportSummary &summary)
{
    m_summary = summary;
    m_runner->deleteLater();
    m_runner = nullptr;
    QStringList lines;
    lines << tr("%1 exported, %2 failed.").arg(summary.exported()).arg(summary.failed());
    if (summary.cancelled)
        lines << tr("Cancelled: the recording being exported was not written; the rest were "
                    "not exported.");
    for (const ExportSummary::Item &item : summary.items)
        if (!item.ok())
            lines << tr("%1: %2").arg(item.id.toString(QUuid::WithoutBraces), item.error.message);
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_progress->setValue(summary.cancelled ? m_progress->value() : 1000);
    m_cancelButton->setText(tr("Close"));
    m_cancelButton->setEnabled(true);
    emit exportFinished();
}

} // namespace cv
