#include "firstrunwizard.h"

#include "crypto/cryptoutil.h"
#include "site/siteinitializer.h"
#include "site/sitejoiner.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
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
    auto *keys = new QLabel(tr("Searching needs no keys. To play calls here, restore the site "
                               "keys from a key backup afterwards: callvaultctl key import."),
                            page);
    keys->setWordWrap(true);
    form->addRow(keys);
    form->addRow(m_connectMessage);
    return page;
}

int FirstRunWizard::nextId() const
{
    if (currentId() == ChoicePage)
        return m_connect->isChecked() ? ConnectPage : CreatePage;
    return -1; // the create and connect pages finish
}

bool FirstRunWizard::validateCurrentPage()
{
    switch (currentId()) {
    case CreatePage:
        return createSite();
    case ConnectPage:
        return joinSite();
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
