// The details pane and the tag editor on a real site: a real encrypted recording imported
// from a WAV whose two voices talk at known times, its fields, its talk statistics from the
// waveform overview, the integrity check (intact, then a flipped byte found), tags added
// and removed through TagService with their audit rows, a role that may not tag told why, and
// the player host that holds a copy of the key only while the session is unlocked.
#include "authtestsupport.h"
#include "capture/wavimporter.h"
#include "catalog/capturedcallrepository.h"
#include "codec/wavwriter.h"
#include "details/recordingdetailspane.h"
#include "details/tageditor.h"
#include "workstationtestsupport.h"
#include "player/playerhost.h"
#include "player/playerpanel.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <cmath>

using namespace cv;

namespace {

// 3 s at 16 kHz: the agent (left) speaks 0.0-1.0 s, the customer (right) 1.5-2.5 s.
bool writeTwoVoices(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    WavWriter wav(file);
    constexpr int rate = 16000;
    if (!wav.begin(rate, 2))
        return false;
    QVector<qint16> pcm;
    for (int i = 0; i < 3 * rate; ++i) {
        const double t = double(i) / rate;
        const auto tone = static_cast<qint16>(12000 * std::sin(2 * M_PI * 440 * t));
        pcm << (t < 1.0 ? tone : qint16(0)) << (t >= 1.5 && t < 2.5 ? tone : qint16(0));
    }
    return wav.write(pcm.constData(), 3 * rate).ok() && wav.finish().ok();
}

int percentIn(const QString &text, const QString &label)
{
    // "agent 33 %, customer 33 %, ..." -> the number after `label`
    const qsizetype at = text.indexOf(label);
    return at < 0 ? -1 : text.mid(at + label.size()).section(QLatin1Char(' '), 1, 1).toInt();
}

} // namespace

class TestDetailsPane final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheRecording();
    void showsWhatTheNetworkRecorderSaw();
    void integrityCheckFindsDamage();
    void tagsAreAddedAndRemoved();
    void aRoleThatMayNotTagIsToldWhy();
    void playerIsMadeOnPlayAndDroppedOnLock();

private:
    std::unique_ptr<WorkstationSession> logIn(const QString &name);
    QString field(QWidget &pane, const char *name) const
    {
        return pane.findChild<QLabel *>(QString::fromLatin1(name))->text();
    }

    LoginTestSite m_site;
    RecordingRow m_recording;
};

void TestDetailsPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_site.setUp());
    Database &db = m_site.catalog();
    QVERIFY(authtest::addTeam(db, QStringLiteral("T1")));
    QVERIFY(authtest::addAgent(db, QStringLiteral("A1"), QStringLiteral("T1")));
    QVERIFY(authtest::addUser(db, QStringLiteral("sup"), "sup-password-for-tests", QStringLiteral("supervisor"),
                              {QStringLiteral("T1")}) != 0);
    QVERIFY(authtest::addUser(db, QStringLiteral("qa"), "qa-password-for-tests", QStringLiteral("qa_evaluator"),
                              {QStringLiteral("T1")}) != 0);
    const QString wav = QDir(m_site.directory()).filePath(QStringLiteral("two-voices.wav"));
    QVERIFY(writeTwoVoices(wav));
    const Site site = m_site.site();
    RecordingMetadata metadata;
    metadata.id = QUuid::createUuid();
    metadata.startedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    metadata.direction = QStringLiteral("in");
    metadata.agentId = QStringLiteral("A1");
    metadata.customerPhone = QStringLiteral("13800138000");
    metadata.source = QStringLiteral("import");
    WavImporter importer(site.layout(), db, site.config().siteId, site.config().publicKeys.encryption);
    AuditEvent audit;
    audit.actor = QStringLiteral("test-import");
    auto imported = importer.import(wav, metadata, audit);
    QVERIFY2(imported.ok(), qPrintable(imported.errorMessage()));
    m_recording = imported.value();
}

std::unique_ptr<WorkstationSession> TestDetailsPane::logIn(const QString &name)
{
    return worktest::logIn(m_site, name, (name + QStringLiteral("-password-for-tests")).toUtf8());
}

void TestDetailsPane::showsTheRecording()
{
    auto session = logIn(QStringLiteral("sup"));
    QVERIFY(session);
    RecordingDetailsPane pane(session->db(), session->principal(), session->site().layout(),
                              [&] { return session->siteKeys(); });
    pane.showRecording(m_recording.id);
    QCOMPARE(field(pane, "detailAgent"), QStringLiteral("A1")); // in the directory without a name
    QCOMPARE(field(pane, "detailTeam"), QStringLiteral("T1"));
    QCOMPARE(field(pane, "detailPhone"), QStringLiteral("13800138000"));
    QCOMPARE(field(pane, "detailDuration"), QStringLiteral("0:03"));
    QCOMPARE(field(pane, "detailDirection"), QStringLiteral("Inbound"));
    QCOMPARE(field(pane, "detailSha256"), m_recording.sha256Hex);
    QCOMPARE(field(pane, "detailStatus"), QStringLiteral("Complete"));
    QVERIFY2(field(pane, "detailCodec").startsWith(QLatin1String("opus, 16000 Hz, stereo (agent, customer)")),
             qPrintable(field(pane, "detailCodec")));
    // 1 s of 3 each for agent and customer, nothing together, 1 s of silence in all.
    const QString talk = field(pane, "detailTalk");
    QVERIFY2(qAbs(percentIn(talk, QStringLiteral("agent")) - 33) <= 3, qPrintable(talk));
    QVERIFY2(qAbs(percentIn(talk, QStringLiteral("customer")) - 33) <= 3, qPrintable(talk));
    QVERIFY2(percentIn(talk, QStringLiteral("once")) == 0, qPrintable(talk));
    pane.showRecording({});
    QCOMPARE(field(pane, "detailAgent"), QString());
}

void TestDetailsPane::showsWhatTheNetworkRecorderSaw()
{
    auto session = logIn(QStringLiteral("sup"));
    QVERIFY(session);
    RecordingDetailsPane pane(session->db(), session->principal(), session->site().layout(),
                              [&] { return session->siteKeys(); });
    pane.showRecording(m_recording.id);
    QCOMPARE(field(pane, "detailCapture"), QStringLiteral("not recorded by a network recorder"));
    // The recorder's row for this call (migration 12): legs, a DTMF span and a pause.
    CapturedCallRow row;
    row.id = m_recording.id;
    row.siteId = m_site.site().config().siteId;
    row.node = QStringLiteral("rec-7");
    row.sipCallId = QStringLiteral("abc@pbx");
    row.startedAt = m_recording.startedAt;
    row.endedAt = m_recording.endedAt;
    row.agentId = m_recording.agentId;
    row.customerPhone = m_recording.customerPhone;
    row.completeness = Completeness::OneWayRtp;
    row.recordingId = m_recording.id;
    row.details = QJsonObject{
        {QStringLiteral("legs"),
         QJsonObject{{QStringLiteral("agent"), QJsonObject{{QStringLiteral("packets"), 1500}, {QStringLiteral("lost"), 3},
                                                          {QStringLiteral("jitterMs"), 2.25}}},
                     {QStringLiteral("customer"), QJsonObject{{QStringLiteral("packets"), 0}, {QStringLiteral("lost"), 0},
                                                             {QStringLiteral("jitterMs"), 0}}}}},
        {QStringLiteral("maskedSpans"),
         QJsonArray{QJsonObject{{QStringLiteral("startMs"), 100}, {QStringLiteral("endMs"), 300}, {QStringLiteral("cause"), QStringLiteral("dtmf-rfc4733")}},
                    QJsonObject{{QStringLiteral("startMs"), 900}, {QStringLiteral("endMs"), 1300}, {QStringLiteral("cause"), QStringLiteral("paused")}}}}};
    QVERIFY(CapturedCallRepository(m_site.catalog()).insert(row).ok());
    pane.showRecording(m_recording.id);
    const QString capture = field(pane, "detailCapture");
    for (const QString &expected : {QStringLiteral("Only one direction's audio reached the recorder"),
                                    QStringLiteral("Recorder: rec-7."), QStringLiteral("Agent: 1,500 packets, 3 lost, jitter 2.3 ms."),
                                    QStringLiteral("Customer: 0 packets"), QStringLiteral("Masked: key tones (1), paused (1).")})
        QVERIFY2(capture.contains(expected), qPrintable(capture));
}

void TestDetailsPane::integrityCheckFindsDamage()
{
    auto session = logIn(QStringLiteral("sup"));
    QVERIFY(session);
    RecordingDetailsPane pane(session->db(), session->principal(), session->site().layout(),
                              [&] { return session->siteKeys(); });
    pane.showRecording(m_recording.id);
    QSignalSpy checked(&pane, &RecordingDetailsPane::integrityChecked);
    pane.findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    QTRY_COMPARE(checked.size(), 1);
    QCOMPARE(checked.first().first().toBool(), true);
    QVERIFY(field(pane, "detailIntegrity").startsWith(QLatin1String("intact")));

    // One flipped byte in the middle of the stored file.
    QFile file(QDir(m_site.directory()).filePath(m_recording.storagePath));
    QVERIFY2(file.open(QIODevice::ReadWrite), qPrintable(file.fileName()));
    const QByteArray original = file.readAll();
    QByteArray damaged = original;
    damaged[damaged.size() / 2] = static_cast<char>(damaged.at(damaged.size() / 2) ^ 0x40);
    file.seek(0);
    file.write(damaged);
    file.close();
    pane.findChild<QPushButton *>(QStringLiteral("verifyButton"))->click();
    QTRY_COMPARE(checked.size(), 2);
    QCOMPARE(checked.last().first().toBool(), false);
    QVERIFY2(field(pane, "detailIntegrity").startsWith(QLatin1String("DAMAGED")), qPrintable(field(pane, "detailIntegrity")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(original);
}

void TestDetailsPane::tagsAreAddedAndRemoved()
{
    auto session = logIn(QStringLiteral("sup"));
    QVERIFY(session);
    TagEditor editor(session->db(), session->principal());
    editor.setRecording(m_recording.id);
    QVERIFY(editor.tags().isEmpty());
    auto *input = editor.findChild<QLineEdit *>(QStringLiteral("tagInput"));
    input->setText(QStringLiteral("投诉，VIP"));
    QSignalSpy changed(&editor, &TagEditor::tagsChanged);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    QStringList tags = editor.tags();
    tags.sort();
    QCOMPARE(tags, (QStringList{QStringLiteral("VIP"), QStringLiteral("投诉")}));
    QVERIFY(input->text().isEmpty());
    const qint64 before = authtest::lastAuditId(m_site.catalog());
    auto *list = editor.findChild<QListWidget *>(QStringLiteral("tagList"));
    list->findItems(QStringLiteral("VIP"), Qt::MatchExactly).first()->setSelected(true);
    editor.findChild<QPushButton *>(QStringLiteral("removeTagButton"))->click();
    QCOMPARE(editor.tags(), QStringList{QStringLiteral("投诉")});
    const auto rows = authtest::auditRows(m_site.catalog(), before);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().action, QStringLiteral("recording.untag"));
    QCOMPARE(rows.first().actor, QStringLiteral("sup"));
}

void TestDetailsPane::aRoleThatMayNotTagIsToldWhy()
{
    auto session = logIn(QStringLiteral("qa"));
    QVERIFY(session);
    TagEditor editor(session->db(), session->principal());
    editor.show();
    editor.setRecording(m_recording.id);
    QVERIFY(!editor.findChild<QLineEdit *>(QStringLiteral("tagInput"))->isEnabled());
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("addTagButton"))->isEnabled());
    auto *message = editor.findChild<QLabel *>(QStringLiteral("tagMessage"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), QStringLiteral("Your role (qa_evaluator) may not tag recordings."));
    QVERIFY(editor.tags().contains(QStringLiteral("投诉"))); // seeing the tags is allowed
}

void TestDetailsPane::playerIsMadeOnPlayAndDroppedOnLock()
{
    auto session = logIn(QStringLiteral("sup"));
    QVERIFY(session);
    PlayerHost host(*session);
    QVERIFY(!host.player());
    QVERIFY(!session->hasKeysInMemory()); // nothing asked for the key yet
    host.play(m_recording.id);
    QVERIFY(host.player());
    QVERIFY(session->hasKeysInMemory());
    // An idle lock drops the player and its copy of the key with the session's keys.
    m_site.clock().advanceMinutes(LoginTestSite::kIdleMinutes + 1);
    session->checkIdle();
    QVERIFY(session->isLocked());
    QVERIFY(!host.player());
    QVERIFY(!session->hasKeysInMemory());
    QVERIFY(host.findChild<QLabel *>(QStringLiteral("playerHint"))->isVisibleTo(&host));
    session->logout();
}

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
