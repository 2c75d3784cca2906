#pragma once

#include "audit/auditverifier.h"
#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "common/result.h"
#include "site/siteconfig.h"

#include <QPointer>
#include <QThread>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace cv {

class AuditTrailModel;
class Database;
struct SiteKeys;

// The auditor's screen: the audit trail filtered by user, action, target, time and result;
// verification of the whole chain with progress and a clear verdict (valid, or broken at
// row N); and a signed extract of a time range for an outside auditor. Verification needs
// audit.verify, reading and extracts audit.read; a role without them sees the screen with
// its controls disabled and the reason beside them.
class AuditPanel final : public QWidget
{
    Q_OBJECT

public:
    using KeyProvider = std::function<Result<const SiteKeys *>()>;

    AuditPanel(Database &db, const Principal &principal, SiteConfig site, KeyProvider keys,
               QWidget *parent = nullptr);
    ~AuditPanel() override;

    AuditTrailModel *model() const { return m_model; }
    void runSearch();
    void verifyChain();
    void cancelVerification();
    // Writes a signed extract of the filter's time range to `path` (the button asks where).
    void exportExtractTo(const QString &path);

signals:
    void verificationFinished(bool valid);
    void extractWritten(bool ok);

private:
    QWidget *buildFilters();
    QWidget *buildVerification();
    AuditFilter filter() const;
    void chooseExtractFile();
    void showVerdict(const Result<AuditVerdict> &verdict);
    void waitForWorker();

    Database &m_db;
    Principal m_principal;
    SiteConfig m_site;
    KeyProvider m_keys;
    AuditTrailModel *m_model;
    QLineEdit *m_user = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_target = nullptr;
    QCheckBox *m_useTime = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QComboBox *m_outcome = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QThread> m_worker;                 // a verification or an extract running
    std::shared_ptr<AuditVerifier> m_verifier;  // the running verification, to cancel it
};

} // namespace cv
