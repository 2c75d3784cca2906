#include "firstrunwizard.h"

#include "auth/accesscontrol.h"
#include "auth/sitelogin.h"
#include "crypto/cryptoutil.h"
#include "session/loginerrortext.h"
#include "site/keybackup.h"
#include "site/siteinitializer.h"
#include "site/sitejoiner.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cv {

namespace {

QLineEdit *lineEdit(const QString &objectName, QWidget *parent, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    return label;
}

// A file name field with a "Browse…" button.
QWidget *fileField(QLineEdit *edit, const QString &caption, const QString &filter, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    auto *browse = new QPushButton(FirstRunWizard::tr("Browse…"), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, caption, filter] {
        const QString path = QFileDialog::getOpenFileName(edit, caption, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

QComboBox *backendCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(FirstRunWizard::tr("OS keychain (recommended on a desktop)"),
                   static_cast<int>(KeyStore::Backend::Keychain));
    combo->addItem(FirstRunWizard::tr("Key file protected by a passphrase"),
                   static_cast<int>(KeyStore::Backend::KeyFile));
    return combo;
}

// Shows the busy cursor for the scope of a synchronous step (scrypt, a server round trip).
class BusyCursor final
{
public:
    BusyCursor() { QApplication::setOverrideCursor(Qt::BusyCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

} // namespace

FirstRunWizard::FirstRunWizard(QString directory, Options options, QWidget *parent)
    : QWizard(parent), m_directory(std::move(directory)), m_options(options)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up CallVault"));
    setPage(ChoicePage, makeChoicePage());
    setPage(CreatePage, makeCreatePage());
    setPage(ConnectPage, makeConnectPage());
    setPage(KeyBackupPage, makeKeyBackupPage());
    setStartId(ChoicePage);
}

QWizardPage *FirstRunWizard::makeChoicePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Welcome to CallVault"));
    page->setSubTitle(tr("There is no CallVault site in %1 yet.").arg(m_directory));
    m_create = new QRadioButton(tr("Create a new site on this computer"), page);
    m_create->setObjectName(QStringLiteral("createRadio"));
    m_create->setChecked(true);
    m_connect = new QRadioButton(tr("Connect to an existing site on a PostgreSQL server"), page);
    m_connect->setObjectName(QStringLiteral("connectRadio"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_create);
    layout->addWidget(m_connect);
    layout->addStretch();
    return page;
}

QWizardPage *FirstRunWizard::makeCreatePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Create a new site"));
    page->setSubTitle(tr("The catalog is kept in %1. Every recording is encrypted to the site's "
                         "keys; without them, and without a backup of them, no call can be played.")
                          .arg(m_directory));
    m_siteName = lineEdit(QStringLiteral("siteNameEdit"), page);
    m_siteName->setText(tr("CallVault site"));
    m_backend = backendCombo(QStringLiteral("keyBackendCombo"), page);
    m_passphrase = lineEdit(QStringLiteral("passphraseEdit"), page, true);
    m_passphraseRepeat = lineEdit(QStringLiteral("passphraseRepeatEdit"), page, true);
    m_adminName = lineEdit(QStringLiteral("adminNameEdit"), page);
    m_adminName->setText(QStringLiteral("admin"));
    m_adminPassword = lineEdit(QStringLiteral("adminPasswordEdit"), page, true);
    m_adminRepeat = lineEdit(QStringLiteral("adminRepeatEdit"), page, true);
    m_createMessage = messageLabel(QStringLiteral("createMessage"), page);
    const auto updatePassphrase = [this] {
        const bool keyFile = m_backend->currentData().toInt() == static_cast<int>(KeyStore::Backend::KeyFile);
        m_passphrase->setEnabled(keyFile);
        m_passphraseRepeat->setEnabled(keyFile);
    };
    connect(m_backend, &QComboBox::currentIndexChanged, this, updatePassphrase);
    updatePassphrase();

    auto *form = new QFormLayout(page);
    form->addRow(tr("Site name:"), m_siteName);
    form->addRow(tr("Site keys in:"), m_backend);
    form->addRow(tr("Key file passphrase:"), m_passphrase);
    form->addRow(tr("Repeat passphrase:"), m_passphraseRepeat);
    form->addRow(tr("Administrator:"), m_adminName);
    form->addRow(tr("Administrator password:"), m_adminPassword);
    form->addRow(tr("Repeat password:"), m_adminRepeat);
    auto *rule = new QLabel(tr("The administrator password needs at least 10 characters. The "
                               "administrator manages users and settings but reads no calls."),
                            page);
    rule->setWordWrap(true);
    form->addRow(rule);
    form->addRow(m_createMessage);
    return page;
}

QWizardPage *FirstRunWizard::makeConnectPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Connect to an existing site"));
    page->setSubTitle(tr("Ask the site's administrator for its site.json (from the directory "
                         "where `callvaultctl init --pg` created the site) and for the CA "
                         "certificate of the PostgreSQL server. Each user then logs in as their "
                         "own PostgreSQL login role."));
    m_siteJson = lineEdit(QStringLiteral("siteJsonEdit"), page);
    m_caCertificate = lineEdit(QStringLiteral("caCertificateEdit"), page);
    m_joinBackend = backendCombo(QStringLiteral("joinKeyBackendCombo"), page);
    m_connectMessage = messageLabel(QStringLiteral("connectMessage"), page);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Site file (site.json):"),
                 fileField(m_siteJson, tr("Site file"), tr("Site file (site.json)"), page));
    form->addRow(tr("CA certificate:"),
                 fileField(m_caCertificate, tr("CA certificate"),
                           tr("PEM certificates (*.pem *.crt)"), page));
    form->addRow(tr("Site keys on this computer:"), m_joinBackend);
    form->addRow(m_connectMessage);
    return page;
}

QWizardPage *FirstRunWizard::makeKeyBackupPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Import a key backup"));
    page->setSubTitle(tr("Searching needs no keys; playing calls on this computer needs the site "
                         "private keys. Restore them from a key backup (callvaultctl key export) "
                         "as a user allowed to manage keys, or leave the file empty to skip this "
                         "step."));
    m_backupFile = lineEdit(QStringLiteral("backupFileEdit"), page);
    m_backupPassphrase = lineEdit(QStringLiteral("backupPassphraseEdit"), page, true);
    m_keyUser = lineEdit(QStringLiteral("keyUserEdit"), page);
    m_keyUserPassword = lineEdit(QStringLiteral("keyUserPasswordEdit"), page, true);
    m_localPassphrase = lineEdit(QStringLiteral("localPassphraseEdit"), page, true);
    m_localPassphraseRepeat = lineEdit(QStringLiteral("localPassphraseRepeatEdit"), page, true);
    m_keyBackupMessage = messageLabel(QStringLiteral("keyBackupMessage"), page);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Key backup:"), fileField(m_backupFile, tr("Key backup"), QString(), page));
    form->addRow(tr("Backup passphrase:"), m_backupPassphrase);
    form->addRow(tr("User:"), m_keyUser);
    form->addRow(tr("Password:"), m_keyUserPassword);
    form->addRow(tr("New key file passphrase:"), m_localPassphrase);
    form->addRow(tr("Repeat passphrase:"), m_localPassphraseRepeat);
    form->addRow(m_keyBackupMessage);
    return page;
}

void FirstRunWizard::initializePage(int id)
{
    if (id == KeyBackupPage) {
        // A new passphrase only for a key file on this computer.
        const bool keyFile = m_joinBackend->currentData().toInt() == static_cast<int>(KeyStore::Backend::KeyFile);
        m_localPassphrase->setEnabled(keyFile);
        m_localPassphraseRepeat->setEnabled(keyFile);
    }
    QWizard::initializePage(id);
}

int FirstRunWizard::nextId() const
{
    switch (currentId()) {
    case ChoicePage:
        return m_connect->isChecked() ? ConnectPage : CreatePage;
    case ConnectPage:
        return KeyBackupPage;
    default:
        return -1; // the create and key backup pages finish
    }
}

bool FirstRunWizard::validateCurrentPage()
{
    switch (currentId()) {
    case CreatePage:
        return createSite();
    case ConnectPage:
        return joinSite();
    case KeyBackupPage:
        return importKeyBackup();
    default:
        return true;
    }
}

bool FirstRunWizard::createSite()
{
    const bool keyFile = m_backend->currentData().toInt() == static_cast<int>(KeyStore::Backend::KeyFile);
    if (m_adminPassword->text() != m_adminRepeat->text()) {
        m_createMessage->setText(tr("The two administrator passwords differ."));
        return false;
    }
    if (keyFile && (m_passphrase->text().isEmpty() || m_passphrase->text() != m_passphraseRepeat->text())) {
        m_createMessage->setText(tr("Type the same, non-empty key file passphrase twice."));
        return false;
    }
    SiteInitializer::Options o;
    o.directory = m_directory;
    o.name = m_siteName->text().trimmed();
    o.backend = keyFile ? SiteInitializer::KeyBackendChoice::File : SiteInitializer::KeyBackendChoice::Keychain;
    o.passphrase = keyFile ? m_passphrase->text().toUtf8() : QByteArray();
    o.adminName = m_adminName->text().trimmed();
    o.adminPassword = m_adminPassword->text().toUtf8();
    o.program = QStringLiteral("callvault");
    o.passwordParams = m_options.passwordParams;
    o.keyFileParams = m_options.keyFileParams;
    Result<SiteInitializer::Report> report = [&o] {
        const BusyCursor busy;
        return SiteInitializer::initialize(o);
    }();
    crypto::secureZero(o.passphrase);
    crypto::secureZero(o.adminPassword);
    if (!report) {
        // SiteInitializer's own words: which rule a password broke, why no keychain answers.
        m_createMessage->setText(tr("The site was not created: %1").arg(report.errorMessage()));
        return false;
    }
    m_adminPassword->clear();
    m_adminRepeat->clear();
    m_passphrase->clear();
    m_passphraseRepeat->clear();
    m_createdAdmin = o.adminName;
    return true;
}

bool FirstRunWizard::joinSite()
{
    QFile file(m_siteJson->text());
    if (!file.open(QIODevice::ReadOnly)) {
        m_connectMessage->setText(tr("The site file %1 cannot be read.").arg(m_siteJson->text()));
        return false;
    }
    SiteJoiner::Options o;
    o.directory = m_directory;
    o.siteJson = file.read(1024 * 1024);
    o.caCertificatePath = m_caCertificate->text();
    o.keyBackend = static_cast<KeyStore::Backend>(m_joinBackend->currentData().toInt());
    if (auto joined = SiteJoiner::join(o); !joined) {
        m_connectMessage->setText(tr("The site could not be joined: %1").arg(joined.errorMessage()));
        return false;
    }
    return true;
}

} // namespace cv

namespace cv {

bool FirstRunWizard::importKeyBackup()
{
    if (m_backupFile->text().isEmpty())
        return true; // skipped: callvaultctl key import later
    const bool keyFile = m_localPassphrase->isEnabled();
    if (keyFile && (m_localPassphrase->text().isEmpty() ||
                    m_localPassphrase->text() != m_localPassphraseRepeat->text())) {
        m_keyBackupMessage->setText(tr("Type the same, non-empty key file passphrase twice."));
        return false;
    }
    const BusyCursor busy;
    auto site = Site::open(m_directory);
    if (!site) {
        m_keyBackupMessage->setText(site.errorMessage());
        return false;
    }
    auto json = KeyBackup::read(m_backupFile->text());
    if (!json) {
        m_keyBackupMessage->setText(tr("The key backup was not restored: %1").arg(json.errorMessage()));
        return false;
    }
    if (auto belongs = KeyBackup::checkBelongsTo(site.value(), json.value()); !belongs) {
        m_keyBackupMessage->setText(tr("The key backup was not restored: %1").arg(belongs.errorMessage()));
        return false;
    }
    QByteArray password = m_keyUserPassword->text().toUtf8();
    m_keyUserPassword->clear();
    auto in = SiteLogin::login(site.value(), m_keyUser->text().trimmed(), password,
                               QHostInfo::localHostName(), QStringLiteral("callvault"));
    crypto::secureZero(password);
    if (!in) {
        m_keyBackupMessage->setText(LoginErrorText::of(in.error()));
        return false;
    }
    const auto restore = [&]() -> Result<QString> {
        // Checked (and a refusal audited) before the backup is opened, as callvaultctl does.
        if (auto allowed = AccessControl(*in->db).requireAny(
                in->session.principal(), {Permission::KeysManage},
                site->config().siteId.toString(QUuid::WithoutBraces), QStringLiteral("key.import"));
            !allowed)
            return allowed.error();
        QByteArray backupPassphrase = m_backupPassphrase->text().toUtf8();
        auto keys = KeyBackup::open(site.value(), json.value(), backupPassphrase);
        crypto::secureZero(backupPassphrase);
        if (!keys)
            return keys.error();
        QByteArray localPassphrase = m_localPassphrase->text().toUtf8();
        auto installed = KeyBackup::install(site.value(), *in->db, in->session.principal(),
                                            keys.value(), localPassphrase, m_backupFile->text());
        crypto::secureZero(localPassphrase);
        return installed;
    };
    const Result<QString> installed = restore();
    (void)in->auth->logout(in->session);
    if (!installed) {
        m_keyBackupMessage->setText(tr("The key backup was not restored: %1").arg(installed.errorMessage()));
        return false;
    }
    m_backupPassphrase->clear();
    m_localPassphrase->clear();
    m_localPassphraseRepeat->clear();
    return true;
}

} // namespace cv
