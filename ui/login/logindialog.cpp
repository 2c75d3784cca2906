#include "logindialog.h"

#include "crypto/cryptoutil.h"
#include "session/loginerrortext.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QThread>

namespace cv {

LoginDialog::LoginDialog(Site site, SiteLogin::Options options, QWidget *parent)
    : QDialog(parent), m_site(std::move(site)), m_options(std::move(options)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_message(new QLabel(this)),
      m_login(nullptr)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to CallVault"));
    auto *siteName = new QLabel(m_site.config().name, this);
    siteName->setObjectName(QStringLiteral("siteName"));
    QFont bold = siteName->font();
    bold.setBold(true);
    siteName->setFont(bold);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(tr("Site:"), siteName);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_login = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::startLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_user->setFocus();
}

LoginDialog::~LoginDialog()
{
    // A log-in still running works on copies, not on this dialog: let it end.
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void LoginDialog::setUserName(const QString &name)
{
    m_user->setText(name);
    m_password->setFocus();
}

bool LoginDialog::isBusy() const
{
    return !m_worker.isNull();
}

LoggedInSite LoginDialog::takeLoggedIn()
{
    LoggedInSite in = std::move(*m_loggedIn);
    m_loggedIn.reset();
    return in;
}

void LoginDialog::startLogin()
{
    if (isBusy())
        return;
    const QString name = m_user->text().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("Enter your user name."));
        m_user->setFocus();
        return;
    }
    QByteArray password = m_password->text().toUtf8();
    setBusy(true);
    m_message->setText(tr("Logging in…"));
    const QString host = QHostInfo::localHostName();
    // The worker opens its own catalog connection (Database keeps one per thread) and
    // drops it when it ends; the GUI thread opens its own on first use.
    auto outcome = std::make_shared<Outcome>();
    m_worker = QThread::create([outcome, site = m_site, name, password = std::move(password), host,
                                options = m_options]() mutable {
        outcome->emplace(SiteLogin::login(std::move(site), name, password, host,
                                          QStringLiteral("callvault"), options));
        crypto::secureZero(password);
    });
    connect(m_worker, &QThread::finished, this, [this, outcome] {
        m_worker->deleteLater();
        m_worker = nullptr;
        finishLogin(*outcome);
    });
    m_worker->start();
}

void LoginDialog::finishLogin(Outcome &outcome)
{
    setBusy(false);
    if (outcome && outcome->ok()) {
        m_password->clear();
        m_message->clear();
        m_loggedIn.emplace(outcome->takeValue());
        accept();
        return;
    }
    m_password->clear();
    m_message->setText(outcome ? LoginErrorText::of(outcome->error()) : QString());
    m_password->setFocus();
}

void LoginDialog::setBusy(bool busy)
{
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_login->setEnabled(!busy);
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

} // namespace cv
