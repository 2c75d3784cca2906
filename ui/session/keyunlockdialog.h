#pragma once

#include <QByteArray>
#include <QDialog>

class QLineEdit;

namespace cv {

// Asks for the passphrase of the site's key file (the key-file backend), the first time
// the workstation needs the site private keys in a session. `problem` explains a retry.
class KeyUnlockDialog final : public QDialog
{
    Q_OBJECT

public:
    KeyUnlockDialog(const QString &keyFilePath, const QString &problem, QWidget *parent = nullptr);
    ~KeyUnlockDialog() override;

    // The passphrase typed; the field is cleared.
    QByteArray takePassphrase();

private:
    QLineEdit *m_passphrase;
};

} // namespace cv
