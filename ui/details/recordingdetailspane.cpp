#include "recordingdetailspane.h"

#include "auth/accesscontrol.h"
#include "capturetext.h"
#include "catalog/agentrepository.h"
#include "catalog/capturedcallrepository.h"
#include "catalog/recordingrepository.h"
#include "codec/talkstatistics.h"
#include "crypto/x25519keypair.h"
#include "search/recordingtext.h"
#include "site/sitekeys.h"
#include "store/recordingaccess.h"
#include "store/recordingverifier.h"
#include "tageditor.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace cv {

namespace {

const QString kAgent = QStringLiteral("detailAgent");
const QString kTeam = QStringLiteral("detailTeam");
const QString kPhone = QStringLiteral("detailPhone");
const QString kStarted = QStringLiteral("detailStarted");
const QString kEnded = QStringLiteral("detailEnded");
const QString kDuration = QStringLiteral("detailDuration");
const QString kDirection = QStringLiteral("detailDirection");
const QString kCodec = QStringLiteral("detailCodec");
const QString kSize = QStringLiteral("detailSize");
const QString kSha256 = QStringLiteral("detailSha256");
const QString kTier = QStringLiteral("detailTier");
const QString kStatus = QStringLiteral("detailStatus");
const QString kTalk = QStringLiteral("detailTalk");
const QString kIntegrity = QStringLiteral("detailIntegrity");
const QString kCapture = QStringLiteral("detailCapture");

} // namespace

RecordingDetailsPane::RecordingDetailsPane(Database &db, const Principal &principal, StorageLayout layout,
                                           KeyProvider keys, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_layout(std::move(layout)),
      m_keys(std::move(keys)),
      m_form(new QFormLayout),
      m_verify(new QPushButton(tr("Check integrity"), this)),
      m_tags(new TagEditor(db, principal, this))
{
    setObjectName(QStringLiteral("detailsPane"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(tr("Agent:"), kAgent);
    addField(tr("Team:"), kTeam);
    addField(tr("Customer phone:"), kPhone);
    addField(tr("Started:"), kStarted);
    addField(tr("Ended:"), kEnded);
    addField(tr("Duration:"), kDuration);
    addField(tr("Direction:"), kDirection);
    addField(tr("Audio:"), kCodec);
    addField(tr("Size:"), kSize);
    addField(tr("SHA-256:"), kSha256)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addField(tr("Storage tier:"), kTier);
    addField(tr("Status:"), kStatus);
    addField(tr("Talk:"), kTalk);
    addField(tr("Capture:"), kCapture);
    m_form->addRow(tr("Integrity:"), m_fields[kIntegrity] = new QLabel(this));
    m_fields[kIntegrity]->setObjectName(kIntegrity);
    m_fields[kIntegrity]->setWordWrap(true);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Reads the whole recording and checks its size, hash, key and every chunk."));
    m_form->addRow(QString(), m_verify);
    m_form->addRow(tr("Tags:"), m_tags);
    auto *column = new QVBoxLayout(this);
    column->addLayout(m_form);
    column->addStretch();
    connect(m_verify, &QPushButton::clicked, this, &RecordingDetailsPane::verify);
    clearFields();
}

QLabel *RecordingDetailsPane::addField(const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    m_fields.insert(objectName, value);
    return value;
}

void RecordingDetailsPane::clearFields()
{
    for (QLabel *field : std::as_const(m_fields))
        field->clear();
    m_verify->setEnabled(false);
}

void RecordingDetailsPane::showRecording(const QUuid &id)
{
    ++m_generation;
    m_row = RecordingRow();
    clearFields();
    m_tags->setRecording({});
    if (id.isNull())
        return;
    auto row = RecordingRepository(m_db).get(id);
    if (!row) {
        m_fields[kAgent]->setText(tr("The recording could not be read: %1").arg(row.errorMessage()));
        return;
    }
    if (auto allowed = AccessControl(m_db).requireRecording(m_principal, Permission::RecordingSearch, row.value(),
                                                            QStringLiteral("recording.details"));
        !allowed) {
        m_fields[kAgent]->setText(allowed.errorMessage());
        return;
    }
    m_row = row.takeValue();
    showRow();
    m_tags->setRecording(m_row.id);
}

QString RecordingDetailsPane::agentText() const
{
    const AgentRow agent = m_agents.value(m_row.agentId);
    if (m_row.agentId.isEmpty())
        return tr("unknown");
    if (agent.name.isEmpty() || agent.name == m_row.agentId)
        return m_row.agentId;
    return tr("%1 (%2)").arg(agent.name, m_row.agentId);
}

QString RecordingDetailsPane::talkText() const
{
    auto peaks = PeakSummary::parse(m_row.peaks);
    if (!peaks || peaks->bucketCount() == 0)
        return tr("not available (no waveform overview)");
    const TalkStatistics talk = TalkStatistics::fromPeaks(peaks.value());
    const QString longest = RecordingText::duration(talk.longestSilenceMs);
    if (!talk.stereo)
        return tr("speech %1 %, silence %2 % (longest %3)")
            .arg(talk.percentOf(talk.agentMs))
            .arg(talk.percentOf(talk.silenceMs))
            .arg(longest);
    return tr("agent %1 %, customer %2 %, both at once %3 %, silence %4 % (longest %5)")
        .arg(talk.percentOf(talk.agentMs))
        .arg(talk.percentOf(talk.customerMs))
        .arg(talk.percentOf(talk.overlapMs))
        .arg(talk.percentOf(talk.silenceMs))
        .arg(longest);
}

QString RecordingDetailsPane::captureText() const
{
    // What the network recorder saw of the call; imports, demo calls and seats have no row.
    auto captured = CapturedCallRepository(m_db).forRecording(m_row.id);
    if (!captured)
        return tr("could not be read: %1").arg(captured.errorMessage());
    if (!captured->has_value())
        return tr("not recorded by a network recorder");
    return CaptureText::summary(*captured.value());
}

void RecordingDetailsPane::showRow()
{
    if (!m_agentsLoaded) {
        if (auto agents = AgentRepository(m_db).list()) {
            for (const AgentRow &agent : agents.value())
                m_agents.insert(agent.agentId, agent);
        }
        m_agentsLoaded = true;
    }
    const QLocale locale;
    m_fields[kAgent]->setText(agentText());
    m_fields[kTeam]->setText(m_agents.value(m_row.agentId).team);
    m_fields[kPhone]->setText(m_row.customerPhone);
    m_fields[kStarted]->setText(RecordingText::dateTime(m_row.startedAt));
    m_fields[kEnded]->setText(RecordingText::dateTime(m_row.endedAt));
    m_fields[kDuration]->setText(RecordingText::duration(m_row.durationMs));
    m_fields[kDirection]->setText(RecordingText::direction(m_row.direction));
    const QString channels = m_row.channels >= 2 ? tr("stereo (agent, customer)") : tr("mono");
    m_fields[kCodec]->setText(tr("%1, %2 Hz, %3, %4 kbit/s")
                                  .arg(m_row.codec, QString::number(m_row.sampleRate), channels,
                                       locale.toString(m_row.bitrate / 1000)));
    m_fields[kSize]->setText(RecordingText::size(m_row.sizeBytes));
    m_fields[kSha256]->setText(m_row.sha256Hex);
    m_fields[kTier]->setText(m_row.tier == QLatin1String("cold") ? tr("cold") : tr("hot"));
    m_fields[kStatus]->setText(RecordingText::status(m_row.status));
    m_fields[kTalk]->setText(talkText());
    m_fields[kCapture]->setText(captureText());
    m_fields[kIntegrity]->setText(tr("not checked in this session"));
    m_verify->setEnabled(true);
}

void RecordingDetailsPane::verify()
{
    if (m_row.id.isNull())
        return;
    auto keys = m_keys ? m_keys() : Result<const SiteKeys *>(makeError(ErrorCode::KeyUnavailable, tr("no site keys")));
    if (!keys) {
        m_fields[kIntegrity]->setText(tr("Cannot check: %1").arg(keys.errorMessage()));
        return;
    }
    // A copy of the key for the check: the session may lock (and wipe its keys) meanwhile.
    auto copied = keys.value()->clone();
    if (!copied) {
        m_fields[kIntegrity]->setText(tr("Cannot check: %1").arg(copied.errorMessage()));
        return;
    }
    auto key = std::make_shared<SiteKeys>(copied.takeValue());
    m_verify->setEnabled(false);
    m_fields[kIntegrity]->setText(tr("checking…"));
    // The check reads the whole file: off the GUI thread, on a catalog connection of its own.
    const quint64 generation = m_generation;
    QPointer<RecordingDetailsPane> self(this);
    m_worker = QThread::create([self, generation, row = m_row, key, layout = m_layout, db = &m_db] {
        const RecordingAccess access(layout, *db, *key);
        const RecordingVerifier::Verdict verdict = RecordingVerifier(access).verify(row);
        QMetaObject::invokeMethod(qApp, [self, generation, verdict] {
            if (!self || generation != self->m_generation)
                return;
            self->m_verify->setEnabled(true);
            self->m_fields[kIntegrity]->setText(
                verdict.ok ? tr("intact: size, SHA-256, key and every chunk check out")
                           : tr("DAMAGED: %1").arg(verdict.problems.join(QStringLiteral("; "))));
            emit self->integrityChecked(verdict.ok);
        });
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

RecordingDetailsPane::~RecordingDetailsPane()
{
    // The check uses the catalog, which may go away with the session after this pane.
    if (m_worker)
        m_worker->wait();
}

} // namespace cv
