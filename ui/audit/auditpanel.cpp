#include "auditpanel.h"

#include "audit/audittrailtasks.h"
#include "audittrailmodel.h"
#include "auth/accesscontrol.h"
#include "site/sitekeys.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cv {

namespace {

// Common prefixes offered in the action filter (free text is accepted too).
const char *const kActionPrefixes[] = {"auth.", "recording.", "recording.play", "recording.export",
                                       "recording.search", "recording.tag", "audit.", "key.", "user.", "role.",
                                       "team.", "setting."};

} // namespace

AuditPanel::AuditPanel(Database &db, const Principal &principal, SiteConfig site, KeyProvider keys,
                       QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_site(std::move(site)),
      m_keys(std::move(keys)),
      m_model(new AuditTrailModel(db, principal, this))
{
    setObjectName(QStringLiteral("auditPanel"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buildVerification());

    connect(m_model, &AuditTrailModel::searchFailed, m_status, &QLabel::setText);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (first == 0) // fit the columns to the first page, then leave them to the person
            m_table->resizeColumnsToContents();
    });
    connect(m_model, &AuditTrailModel::loadingChanged, this, [this](bool loading) {
        m_status->setText(loading ? tr("Loading…") : tr("%n row(s) shown", nullptr, m_model->rowCount()));
    });
    const bool mayRead = m_principal.has(Permission::AuditRead);
    if (!mayRead)
        m_status->setText(tr("Your role (%1) may not read the audit trail.").arg(m_principal.role));
}

AuditPanel::~AuditPanel()
{
    cancelVerification();
    waitForWorker();
}

QWidget *AuditPanel::buildFilters()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout;
    m_user = new QLineEdit(box);
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_user->setPlaceholderText(tr("any user"));
    m_action = new QComboBox(box);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setEditable(true);
    m_action->addItem(QString());
    for (const char *prefix : kActionPrefixes)
        m_action->addItem(QString::fromLatin1(prefix));
    m_action->lineEdit()->setPlaceholderText(tr("any action (a prefix such as recording.)"));
    m_target = new QLineEdit(box);
    m_target->setObjectName(QStringLiteral("auditTarget"));
    m_target->setPlaceholderText(tr("any target (a recording id, a user, …)"));
    m_useTime = new QCheckBox(tr("Between"), box);
    m_useTime->setObjectName(QStringLiteral("auditUseTime"));
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-7), box);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), box);
    m_to->setObjectName(QStringLiteral("auditTo"));
    auto *times = new QHBoxLayout;
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        connect(m_useTime, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    }
    times->addWidget(m_from);
    times->addWidget(new QLabel(tr("and"), box));
    times->addWidget(m_to);
    m_outcome = new QComboBox(box);
    m_outcome->setObjectName(QStringLiteral("auditResult"));
    m_outcome->addItem(tr("allowed or denied"), 0);
    m_outcome->addItem(tr("allowed"), 1);
    m_outcome->addItem(tr("denied"), 2);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Action:"), m_action);
    form->addRow(tr("Target:"), m_target);
    form->addRow(m_useTime, times);
    form->addRow(tr("Result:"), m_outcome);
    auto *search = new QPushButton(tr("Show"), box);
    search->setObjectName(QStringLiteral("auditSearchButton"));
    search->setDefault(true);
    connect(search, &QPushButton::clicked, this, &AuditPanel::runSearch);
    for (QLineEdit *edit : {m_user, m_target})
        connect(edit, &QLineEdit::returnPressed, this, &AuditPanel::runSearch);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addWidget(search, 0, Qt::AlignRight);
    box->setEnabled(m_principal.has(Permission::AuditRead));
    return box;
}

QWidget *AuditPanel::buildVerification()
{
    auto *box = new QWidget(this);
    m_verify = new QPushButton(tr("Verify the whole chain"), box);
    m_verify->setObjectName(QStringLiteral("verifyChainButton"));
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("cancelVerifyButton"));
    m_cancel->setEnabled(false);
    m_export = new QPushButton(tr("Export signed extract…"), box);
    m_export->setObjectName(QStringLiteral("exportExtractButton"));
    m_export->setToolTip(tr("A signed file of the rows in the chosen time range, which anyone can verify with the "
                            "site's public key."));
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_verdict = new QLabel(box);
    m_verdict->setObjectName(QStringLiteral("verifyVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!m_principal.has(Permission::AuditVerify)) {
        m_verify->setEnabled(false);
        m_verify->setToolTip(tr("Your role (%1) may not verify the audit trail.").arg(m_principal.role));
    }
    if (!m_principal.has(Permission::AuditRead)) {
        m_export->setEnabled(false);
        m_export->setToolTip(tr("Your role (%1) may not read the audit trail.").arg(m_principal.role));
    }
    connect(m_verify, &QPushButton::clicked, this, &AuditPanel::verifyChain);
    connect(m_cancel, &QPushButton::clicked, this, &AuditPanel::cancelVerification);
    connect(m_export, &QPushButton::clicked, this, &AuditPanel::chooseExtractFile);
    auto *row = new QHBoxLayout;
    row->addWidget(m_verify);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_export);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);
    column->addWidget(m_verdict);
    return box;
}

AuditFilter AuditPanel::filter() const
{
    AuditFilter f;
    f.actor = m_user->text().trimmed();
    f.actionPrefix = m_action->currentText().trimmed();
    f.target = m_target->text().trimmed();
    if (m_useTime->isChecked()) {
        f.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        f.toMs = m_to->dateTime().toMSecsSinceEpoch();
    }
    if (const int outcome = m_outcome->currentData().toInt(); outcome != 0)
        f.allowed = outcome == 1;
    return f;
}

void AuditPanel::runSearch()
{
    m_model->search(filter());
}

void AuditPanel::waitForWorker()
{
    if (m_worker)
        m_worker->wait();
}

void AuditPanel::verifyChain()
{
    if (m_worker)
        return; // one long task at a time
    const QString target = m_site.siteId.toString(QUuid::WithoutBraces);
    if (auto allowed = AccessControl(m_db).require(m_principal, Permission::AuditVerify, target,
                                                   QStringLiteral("audit.verify"));
        !allowed) {
        m_verdict->setText(allowed.errorMessage());
        return;
    }
    m_verifier = std::make_shared<AuditVerifier>(m_db, m_site.siteId, m_site.publicKeys.signing);
    QPointer<AuditPanel> self(this);
    m_verifier->setProgressCallback([self](qint64 done, qint64 total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        QMetaObject::invokeMethod(qApp, [self, percent] {
            if (self)
                self->m_progress->setValue(percent);
        });
    });
    m_verify->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_verdict->setText(tr("Verifying…"));
    m_worker = QThread::create([self, verifier = m_verifier, db = &m_db, site = m_site, principal = m_principal] {
        auto verdict = audittrail::verifyAndRecord(*verifier, *db, site, principal);
        QMetaObject::invokeMethod(qApp, [self, verdict] {
            if (self)
                self->showVerdict(verdict);
        });
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void AuditPanel::cancelVerification()
{
    if (m_verifier)
        m_verifier->cancel();
}

void AuditPanel::showVerdict(const Result<AuditVerdict> &verdict)
{
    m_verifier.reset();
    m_verify->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!verdict) {
        m_verdict->setText(verdict.error().code == ErrorCode::Cancelled
                               ? tr("Verification cancelled.")
                               : tr("The audit trail could not be read: %1").arg(verdict.errorMessage()));
        return;
    }
    m_progress->setValue(100);
    QString text;
    if (verdict->isValid())
        text = tr("VALID: all %1 rows up to row %2 are intact; %3 signed checkpoint(s) verified.")
                   .arg(verdict->rowsVerified)
                   .arg(verdict->lastRowId)
                   .arg(verdict->checkpointsVerified);
    else
        text = tr("BROKEN at row %1: %2 (the %3 rows before it are intact).")
                   .arg(verdict->problem->rowId)
                   .arg(verdict->problem->message)
                   .arg(verdict->rowsVerified);
    for (const QString &note : verdict->notes())
        text += QLatin1Char('\n') + note;
    m_verdict->setText(text);
    emit verificationFinished(verdict->isValid());
}

void AuditPanel::chooseExtractFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export signed audit extract"),
                                                      QStringLiteral("audit-extract.json"),
                                                      tr("Audit extracts (*.json)"));
    if (!path.isEmpty())
        exportExtractTo(path);
}

void AuditPanel::exportExtractTo(const QString &path)
{
    if (m_worker)
        return;
    const AuditFilter range = filter();
    if (!range.fromMs || !range.toMs || *range.toMs <= *range.fromMs) {
        m_verdict->setText(tr("Choose the time range of the extract (Between … and …) first."));
        emit extractWritten(false);
        return;
    }
    const QString target = m_site.siteId.toString(QUuid::WithoutBraces);
    if (auto allowed = AccessControl(m_db).require(m_principal, Permission::AuditRead, target,
                                                   QStringLiteral("audit.export"));
        !allowed) {
        m_verdict->setText(allowed.errorMessage());
        emit extractWritten(false);
        return;
    }
    auto keys = m_keys ? m_keys() : Result<const SiteKeys *>(makeError(ErrorCode::KeyUnavailable, QString()));
    if (!keys) {
        m_verdict->setText(tr("The extract needs the site's signing key: %1").arg(keys.errorMessage()));
        emit extractWritten(false);
        return;
    }
    // The signing key is copied for the worker: the session may lock and wipe its keys.
    auto signing = keys.value()->clone();
    if (!signing) {
        m_verdict->setText(signing.errorMessage());
        emit extractWritten(false);
        return;
    }
    auto siteKeys = std::make_shared<SiteKeys>(signing.takeValue());
    m_export->setEnabled(false);
    m_verdict->setText(tr("Writing the extract…"));
    QPointer<AuditPanel> self(this);
    m_worker = QThread::create([self, siteKeys, path, range, db = &m_db, site = m_site, principal = m_principal] {
        auto written = audittrail::exportExtract(*db, site, *siteKeys, principal, *range.fromMs, *range.toMs, path);
        QMetaObject::invokeMethod(qApp, [self, written, path] {
            if (!self)
                return;
            self->m_export->setEnabled(true);
            self->m_verdict->setText(
                written ? tr("Wrote %1: %2 rows, %3 signed checkpoint(s), signing key %4.")
                              .arg(path)
                              .arg(written->rows)
                              .arg(written->checkpoints)
                              .arg(written->signingKeyFingerprint)
                        : tr("The extract could not be written: %1").arg(written.errorMessage()));
            emit self->extractWritten(written.ok());
        });
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

} // namespace cv
