#pragma once

#include "auth/principal.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace cv {

class Database;

// The tags of one recording: the list, a field with completion from the site's vocabulary
// to add one or several ("投诉, VIP"), and removal of the selected ones (button or Delete).
// Every change goes through TagService (permission in scope, audited). A person whose role
// may not tag sees the tags with the editing controls disabled and the reason beside them.
class TagEditor final : public QWidget
{
    Q_OBJECT

public:
    TagEditor(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void setRecording(const QUuid &id); // null: nothing shown
    QStringList tags() const;

signals:
    void tagsChanged(const QUuid &recordingId);

private:
    void reload();
    void addTyped();
    void removeSelected();
    void refreshCompletion();
    void showError(const QString &message);

    Database &m_db;
    Principal m_principal;
    QUuid m_recording;
    QListWidget *m_list;
    QLineEdit *m_input;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace cv
