#pragma once

#include "common/catalogthread.h"
#include "site/sitekeyrotation.h"

#include <QWidget>
#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cv {

class WorkstationSession;

// Site key rotation for the security administrator (docs/key-rotation.md): where the keys
// stand (data keys per key, the last rotation and its signature), Rotate / Resume with a
// progress bar and Cancel, and destroying the retired keys once nothing needs them. The
// re-wrapping runs on a catalog thread of its own with a copy of the key ring; starting and
// destroying change the key store and run on the GUI thread (a key-file passphrase is asked
// for). Everything goes through core SiteKeyRotation, which checks keys.manage and audits.
class KeyRotationPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit KeyRotationPanel(WorkstationSession &session, QWidget *parent = nullptr);
    ~KeyRotationPanel() override;

    // Re-reads the status (off the GUI thread); statusShown() when it is on screen.
    void refresh();
    // Starts a rotation (or resumes one, or re-wraps late keys) without asking for
    // confirmation; false with the reason shown. The re-wrapping then runs in the background
    // and ends with runEnded().
    bool rotate();
    void cancel();
    // Destroys the retired keys without asking; false with the reason shown.
    bool destroyRetiredKeys();
    bool isRunning() const { return m_cancel != nullptr; }

signals:
    void statusShown();
    void runEnded(bool ok);

private:
    void confirmRotate();
    void confirmDestroy();
    void showStatus(const KeyRotationStatus &status);
    void runInBackground();
    void showOutcome(const Result<KeyRotationOutcome> &outcome);
    void setBusy(bool busy);

    WorkstationSession &m_session;
    QLabel *m_status;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_rotate;
    QPushButton *m_cancelButton;
    QPushButton *m_destroy;
    std::optional<KeyRotationStatus> m_last;
    std::shared_ptr<std::atomic_bool> m_cancel; // set while a run is going
    bool m_mayManage;
    CatalogThread m_thread; // last: it finishes its job before the members above go
};

} // namespace cv
