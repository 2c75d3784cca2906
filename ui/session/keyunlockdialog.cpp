#include "keyunlockdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv {

KeyUnlockDialog::KeyUnlockDialog(const QString &keyFilePath, const QString &problem,
                                 QWidget *parent)
    : QDialog(parent), m_passphrase(new QLineEdit(this))
{
    setObjectName(QStringLiteral("keyUnlockDialog"));
    setWindowTitle(tr("Unlock the site keys"));
    auto *text = new QLabel(tr("Playing and exporting calls needs the site private keys, which "
                               "this workstation keeps in the passphrase-protected key file %1. "
                               "They stay in memory until you log out or the session locks.")
                                .arg(keyFilePath),
                            this);
    text->setWordWrap(true);
    auto *problemLabel = new QLabel(problem, this);
    problemLabel->setObjectName(QStringLiteral("keyUnlockProblem"));
    problemLabel->setWordWrap(true);
    problemLabel->setStyleSheet(QStringLiteral("color: #b00020"));
    problemLabel->setVisible(!problem.isEmpty());
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Key file passphrase"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("keyUnlockButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(problemLabel);
    layout->addWidget(m_passphrase);
    layout->addWidget(buttons);
}

KeyUnlockDialog::~KeyUnlockDialog()
{
    m_passphrase->clear();
}

QByteArray KeyUnlockDialog::takePassphrase()
{
    QByteArray passphrase = m_passphrase->text().toUtf8();
    m_passphrase->clear();
    return passphrase;
}

} // namespace cv
