#include "lockdialog.h"

#include "crypto/cryptoutil.h"
#include "loginerrortext.h"
#include "workstationsession.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv {

LockDialog::LockDialog(WorkstationSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_text(new QLabel(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_message(new QLabel(this)), m_unlock(nullptr)
{
    setObjectName(QStringLiteral("lockDialog"));
    setWindowTitle(tr("CallVault — locked"));
    m_text->setObjectName(QStringLiteral("lockText"));
    m_text->setWordWrap(true);
    m_user->setObjectName(QStringLiteral("lockUserEdit"));
    m_password->setObjectName(QStringLiteral("lockPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(this);
    m_unlock = buttons->addButton(tr("Unlock"), QDialogButtonBox::AcceptRole);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    QPushButton *logout = buttons->addButton(tr("Log out"), QDialogButtonBox::DestructiveRole);
    logout->setObjectName(QStringLiteral("lockLogoutButton"));
    logout->setAutoDefault(false);
    connect(m_unlock, &QPushButton::clicked, this, &LockDialog::tryUnlock);
    connect(logout, &QPushButton::clicked, this, &LockDialog::logoutRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    reset();
}

void LockDialog::reset()
{
    const qint64 minutes = m_session.session().idleTimeoutMs() / (60 * 1000);
    m_text->setText(tr("The session of %1 was locked after %n minute(s) without activity. Enter "
                       "the password to continue.",
                       nullptr, static_cast<int>(minutes))
                        .arg(m_session.principal().name));
    m_user->setText(m_session.principal().name);
    m_password->clear();
    m_message->clear();
    m_password->setFocus();
}

void LockDialog::tryUnlock()
{
    QByteArray password = m_password->text().toUtf8();
    m_password->clear(); // whatever happens, the field does not keep it
    const auto unlocked = m_session.unlock(m_user->text(), password);
    crypto::secureZero(password);
    if (unlocked) {
        m_message->clear();
        return;
    }
    // The session's own words for "another user", else the log-in texts.
    m_message->setText(unlocked.error().code == ErrorCode::PermissionDenied &&
                               m_user->text().trimmed() != m_session.principal().name
                           ? unlocked.errorMessage()
                           : LoginErrorText::of(unlocked.error()));
    m_password->setFocus();
}

void LockDialog::closeEvent(QCloseEvent *event)
{
    event->ignore();
}

} // namespace cv
