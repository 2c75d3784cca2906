#pragma once

#include "crypto/scrypt.h"

#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cv {

// Shown when the site directory holds no site yet. Two ways in:
// - create a new site (SQLite catalog in the directory): name, where the site private keys
//   go (OS keychain, or a key file with a passphrase), first admin and password; the same
//   SiteInitializer as `callvaultctl init`;
// - connect to an existing shared PostgreSQL site: the site.json the administrator hands
//   over and the CA certificate of the server (SiteJoiner); then, optionally, restore the site private keys from a key backup (`callvaultctl key
//   export`), as a user with keys.manage (KeyBackup, audited 'key.import').
class FirstRunWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId : int { ChoicePage = 0, CreatePage = 1, ConnectPage = 2, KeyBackupPage = 3 };

    struct Options
    {
        crypto::ScryptParams passwordParams; // OWASP defaults; tests make them cheap
        crypto::ScryptParams keyFileParams;
    };

    FirstRunWizard(QString directory, Options options, QWidget *parent = nullptr);
    explicit FirstRunWizard(QString directory, QWidget *parent = nullptr)
        : FirstRunWizard(std::move(directory), Options(), parent)
    {
    }

    int nextId() const override;
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    // The admin created on the "new site" page (to pre-fill the log-in), else empty.
    QString adminName() const { return m_createdAdmin; }

private:
    QWizardPage *makeChoicePage();
    QWizardPage *makeCreatePage();
    QWizardPage *makeConnectPage();
    QWizardPage *makeKeyBackupPage();
    bool createSite();
    bool joinSite();
    bool importKeyBackup();

    QString m_directory;
    Options m_options;
    QString m_createdAdmin;
    QRadioButton *m_create = nullptr;
    QRadioButton *m_connect = nullptr;
    QLineEdit *m_siteName = nullptr;
    QComboBox *m_backend = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_passphraseRepeat = nullptr;
    QLineEdit *m_adminName = nullptr;
    QLineEdit *m_adminPassword = nullptr;
    QLineEdit *m_adminRepeat = nullptr;
    QLabel *m_createMessage = nullptr;
    QLineEdit *m_siteJson = nullptr;
    QLineEdit *m_caCertificate = nullptr;
    QComboBox *m_joinBackend = nullptr;
    QLabel *m_connectMessage = nullptr;
    QLineEdit *m_backupFile = nullptr;
    QLineEdit *m_backupPassphrase = nullptr;
    QLineEdit *m_keyUser = nullptr;
    QLineEdit *m_keyUserPassword = nullptr;
    QLineEdit *m_localPassphrase = nullptr;
    QLineEdit *m_localPassphraseRepeat = nullptr;
    QLabel *m_keyBackupMessage = nullptr;
};

} // namespace cv
