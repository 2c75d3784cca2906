#include "changepassworddialog.h"

#include "auth/settingsrepository.h"
#include "crypto/cryptoutil.h"
#include "session/loginerrortext.h"
#include "session/workstationsession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv {

namespace {

QLineEdit *passwordEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(WorkstationSession &session, bool forced,
                                           QWidget *parent)
    : QDialog(parent), m_session(session),
      m_current(passwordEdit(QStringLiteral("currentPasswordEdit"), this)),
      m_new(passwordEdit(QStringLiteral("newPasswordEdit"), this)),
      m_repeat(passwordEdit(QStringLiteral("repeatPasswordEdit"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("changePasswordIntro"));
    intro->setWordWrap(true);
    if (forced)
        intro->setText(tr("An administrator has reset the password of %1. Choose your own "
                          "password now; CallVault cannot be used before.")
                           .arg(session.principal().name));
    else
        intro->setText(tr("Change the password of %1.").arg(session.principal().name));
    // The rule as the catalog states it; the product default if it cannot be read (the
    // change itself is checked by core either way).
    auto minLength = SettingsRepository(session.db()).integer(Setting::PasswordMinLength);
    auto *policy = new QLabel(tr("The new password needs at least %n character(s), must not be "
                                 "your user name and must differ from the current one.",
                                 nullptr, minLength ? static_cast<int>(minLength.value()) : 10),
                              this);
    policy->setObjectName(QStringLiteral("passwordPolicy"));
    policy->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("changePasswordMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *form = new QFormLayout;
    form->addRow(tr("Current password:"), m_current);
    form->addRow(tr("New password:"), m_new);
    form->addRow(tr("Repeat new password:"), m_repeat);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Change password"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("changePasswordButton"));
    ok->setDefault(true);
    QPushButton *cancel = buttons->addButton(forced ? tr("Log out") : tr("Cancel"),
                                             QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("changePasswordCancel"));
    connect(ok, &QPushButton::clicked, this, &ChangePasswordDialog::change);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(policy);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

bool ChangePasswordDialog::forceIfNeeded(WorkstationSession &session, QWidget *parent)
{
    if (!session.session().mustChangePassword())
        return true;
    ChangePasswordDialog dialog(session, true, parent);
    return dialog.exec() == QDialog::Accepted;
}

void ChangePasswordDialog::change()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("The two new passwords differ. Type the new password twice."));
        m_new->clear();
        m_repeat->clear();
        m_new->setFocus();
        return;
    }
    QByteArray current = m_current->text().toUtf8();
    QByteArray fresh = m_new->text().toUtf8();
    const auto changed = m_session.changePassword(current, fresh);
    crypto::secureZero(current);
    crypto::secureZero(fresh);
    m_current->clear();
    m_new->clear();
    m_repeat->clear();
    if (changed) {
        accept();
        return;
    }
    // A wrong current password counts as a failed log-in and can lock the account: those
    // get the log-in texts; the rule's own words (too short, the user's name...) come from
    // core.
    if (SiteLogin::classify(changed.error()) == SiteLogin::Failure::Other)
        m_message->setText(tr("The password was not changed: %1").arg(changed.errorMessage()));
    else
        m_message->setText(LoginErrorText::of(changed.error()));
    m_current->setFocus();
}

} // namespace cv
