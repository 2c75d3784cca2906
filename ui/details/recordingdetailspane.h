#pragma once

#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "common/result.h"
#include "store/storagelayout.h"

#include <QHash>
#include <QPointer>
#include <QThread>
#include <QUuid>
#include <QWidget>
#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace cv {

class Database;
class TagEditor;
struct SiteKeys;

// Everything the catalog knows about one recording, for the person who found it: agent,
// team, phone, times, duration, direction, codec, size, SHA-256, tier, status, talk
// statistics (from the waveform overview), its tags (editable), and an integrity check on
// demand (RecordingVerifier: file, size, hash, key, every chunk). Reading needs
// recording.search on the recording (AccessControl, denials audited).
class RecordingDetailsPane final : public QWidget
{
    Q_OBJECT

public:
    // The site private keys, unlocked on first need (WorkstationSession::siteKeys()).
    using KeyProvider = std::function<Result<const SiteKeys *>()>;

    RecordingDetailsPane(Database &db, const Principal &principal, StorageLayout layout, KeyProvider keys,
                         QWidget *parent = nullptr);

    ~RecordingDetailsPane() override;

    void showRecording(const QUuid &id); // null: cleared
    QUuid recording() const { return m_row.id; }
    TagEditor *tagEditor() const { return m_tags; }

signals:
    // The integrity check finished (it runs off the GUI thread).
    void integrityChecked(bool ok);

private:
    QLabel *addField(const QString &label, const QString &objectName);
    void showRow();
    void clearFields();
    void verify();
    QString agentText() const;
    QString captureText() const;
    QString talkText() const;

    Database &m_db;
    Principal m_principal;
    StorageLayout m_layout;
    KeyProvider m_keys;
    RecordingRow m_row;
    QHash<QString, AgentRow> m_agents; // read once, for names and teams
    bool m_agentsLoaded = false;
    quint64 m_generation = 0; // a check's answer for a recording no longer shown is dropped
    QFormLayout *m_form;
    QHash<QString, QLabel *> m_fields; // by objectName
    QPushButton *m_verify;
    QPointer<QThread> m_worker; // the integrity check running, if any
    TagEditor *m_tags;
};

} // namespace cv
