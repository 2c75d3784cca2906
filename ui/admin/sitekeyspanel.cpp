#include "sitekeyspanel.h"

#include "auth/accesscontrol.h"
#include "crypto/cryptoutil.h"
#include "keyrotationpanel.h"
#include "session/workstationsession.h"
#include "site/keybackup.h"
#include "site/site.h"
#include "site/sitekeys.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace cv {

namespace {

constexpr int kMinPassphraseLength = 12;

} // namespace

SiteKeysPanel::SiteKeysPanel(WorkstationSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("siteKeysPanel"));
    const SiteConfig &config = session.site().config();
    auto *form = new QFormLayout(this);
    auto *fingerprint = new QLabel(config.publicKeys.fingerprint(), this);
    fingerprint->setObjectName(QStringLiteral("siteKeyFingerprint"));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Site:"), new QLabel(config.name, this));
    form->addRow(tr("Encryption key fingerprint:"), fingerprint);
    form->addRow(new QLabel(tr("Read it aloud to compare with a capture node or a key backup."), this));
    auto *backup = new QPushButton(tr("Back up the private keys…"), this);
    backup->setObjectName(QStringLiteral("backupKeysButton"));
    if (!session.principal().has(Permission::KeysManage)) {
        backup->setEnabled(false);
        backup->setToolTip(tr("Your role (%1) may not manage the site keys.").arg(session.principal().role));
    }
    form->addRow(backup);
    m_message->setObjectName(QStringLiteral("siteKeysMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
    form->addRow(new KeyRotationPanel(session, this));
    connect(backup, &QPushButton::clicked, this, &SiteKeysPanel::askBackup);
    // After a rotation the site's encryption key is another one.
    connect(&session, &WorkstationSession::siteKeysChanged, fingerprint,
            [fingerprint, &session] { fingerprint->setText(session.site().config().publicKeys.fingerprint()); });
}

bool SiteKeysPanel::backUpKeys(const QString &path, const QByteArray &passphrase)
{
    const Site &site = m_session.site();
    if (passphrase.size() < kMinPassphraseLength) {
        m_message->setText(tr("The backup passphrase needs at least %1 characters.").arg(kMinPassphraseLength));
        return false;
    }
    if (auto allowed = AccessControl(m_session.db()).require(m_session.principal(), Permission::KeysManage,
                                                              site.config().siteId.toString(QUuid::WithoutBraces),
                                                              QStringLiteral("key.export"));
        !allowed) {
        m_message->setText(tr("Refused: %1").arg(allowed.errorMessage()));
        return false;
    }
    auto keys = m_session.siteKeys();
    if (!keys) {
        m_message->setText(tr("The site keys are not available here: %1").arg(keys.errorMessage()));
        return false;
    }
    auto written = KeyBackup::write(site, m_session.db(), m_session.principal(), *keys.value(), passphrase, path);
    if (!written) {
        m_message->setText(tr("The backup was not written: %1").arg(written.errorMessage()));
        return false;
    }
    m_message->setText(tr("Wrote the key backup %1. Keep it and its passphrase apart, offline.").arg(path));
    return true;
}

void SiteKeysPanel::askBackup()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Back up the private keys"),
                                                      QStringLiteral("callvault-keys.json"), tr("Key backups (*.json)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    QByteArray first = QInputDialog::getText(this, tr("Backup passphrase"), tr("Passphrase for the backup:"),
                                             QLineEdit::Password, QString(), &ok)
                           .toUtf8();
    if (!ok)
        return;
    QByteArray again = QInputDialog::getText(this, tr("Backup passphrase"), tr("The same passphrase again:"),
                                             QLineEdit::Password, QString(), &ok)
                           .toUtf8();
    if (ok && crypto::constantTimeEquals(first, again))
        backUpKeys(path, first);
    else if (ok)
        m_message->setText(tr("The two passphrases differ; nothing was written."));
    crypto::secureZero(first);
    crypto::secureZero(again);
}

} // namespace cv
