#pragma once

#include <QWidget>

class QLabel;

namespace cv {

class WorkstationSession;

// The site keys for the security administrator: the encryption key's fingerprint (to read
// aloud when checking a capture node or a backup) and a passphrase-protected backup of the
// private keys (KeyBackup::write, keys.manage, audited 'key.export'), and the key rotation
// (KeyRotationPanel). Restoring a backup is the first-run wizard's and `callvaultctl key
// import`'s job.
class SiteKeysPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SiteKeysPanel(WorkstationSession &session, QWidget *parent = nullptr);

    // Writes the backup; false with the reason shown.
    bool backUpKeys(const QString &path, const QByteArray &passphrase);

private:
    void askBackup();

    WorkstationSession &m_session;
    QLabel *m_message;
};

} // namespace cv
