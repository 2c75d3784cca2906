// Calibration sessions on a server-enforced PostgreSQL catalog (docs/postgres-security.md,
// "Calibration"), each person on their own login role: the whole session through core
// (candidates and progress through the server's functions, since a supervisor reads neither
// users nor blind scores), and what a SQL client cannot do whatever core would ask: read
// another evaluator's scores before the reveal, score under another name, reveal someone
// else's session, change scores after the reveal, see a session one is not part of.
#include "auth/accesscontrol.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/calibrationsessions.h"
#include "qa/defaultforms.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"
#include "securedcatalog.h"
#include "servicequalityanswers.h"

#include <QTest>
#include <map>

using namespace cv;

class TestCalibrationSecured final : public QObject
{
    Q_OBJECT

private:
    struct Person
    {
        std::unique_ptr<Database> db;
        Principal principal;
    };
    Person &as(const QString &name) { return m_people.at(name); }
    CalibrationSessions sessions(const QString &name) { return CalibrationSessions(*as(name).db); }
    QString outcomeAs(const QString &name, const QString &sql, const QVariantList &values = {})
    {
        return SecuredCatalog::outcome(*as(name).db, sql, values);
    }
    EvaluationAnswers sheet(int courtesy) const { return qatest::serviceQualitySheet(m_form, courtesy); }

    std::unique_ptr<SecuredCatalog> m_catalog;
    std::map<QString, Person> m_people;
    EvaluationForm m_form;
    QVector<QUuid> m_calls; // two calls of agent A1, team T1

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aBlindSessionThroughTheServer();
};

void TestCalibrationSecured::initTestCase()
{
    m_catalog = std::make_unique<SecuredCatalog>();
    const auto created = m_catalog->create();
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO teams VALUES ('T1', 'Team 1', 0)")).ok());
    QVERIFY(m_catalog->exec(QStringLiteral("INSERT INTO agents VALUES ('A1', 'Agent 1', 'T1')")).ok());
    for (int day = 1; day <= 2; ++day) {
        RecordingRow call = catalogtest::makeRecording(m_catalog->siteId(), QDateTime(QDate(2024, 4, day), QTime(9, 0), Qt::UTC));
        call.agentId = QStringLiteral("A1");
        QVERIFY(RecordingRepository(m_catalog->superuser()).insert(call).ok());
        m_calls.append(call.id);
    }
    const QStringList supervisors{QStringLiteral("sue"), QStringLiteral("sam")};
    for (const QString &name : {QStringLiteral("sue"), QStringLiteral("sam"), QStringLiteral("eve"), QStringLiteral("eli")}) {
        const bool supervisor = supervisors.contains(name);
        auto id = m_catalog->addUser(name, supervisor ? QStringLiteral("supervisor") : QStringLiteral("qa_evaluator"),
                                     {QStringLiteral("T1")});
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        auto db = m_catalog->connectEnforced(name);
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        auto principal = AccessControl(*db.value()).loadPrincipal(id.value(), QStringLiteral("ws-7"), QStringLiteral("test"));
        QVERIFY2(principal.ok(), qPrintable(principal.errorMessage()));
        m_people.emplace(name, Person{db.takeValue(), principal.takeValue()});
    }
    FormLibrary library(*as(QStringLiteral("sue")).db);
    auto published = FormPublisher(library).publish(as(QStringLiteral("sue")).principal,
                                                    DefaultForms::load(QStringLiteral("service-quality-en")).takeValue());
    QVERIFY2(published.ok(), qPrintable(published.errorMessage()));
    m_form = FormPublisher::formOf(published->form).takeValue();
}

void TestCalibrationSecured::cleanupTestCase()
{
    m_people.clear();
    m_catalog.reset();
}

void TestCalibrationSecured::aBlindSessionThroughTheServer()
{
    const QString denied = QStringLiteral("error 42501");
    auto candidates = sessions(QStringLiteral("sue")).candidates(as(QStringLiteral("sue")).principal);
    QVERIFY2(candidates.ok(), qPrintable(candidates.errorMessage()));
    QCOMPARE(candidates.value(), (QStringList{QStringLiteral("eli"), QStringLiteral("eve")}));

    auto session = sessions(QStringLiteral("sue")).create(as(QStringLiteral("sue")).principal, QStringLiteral("April"),
                                                          m_form.id, m_form.version, m_calls,
                                                          {QStringLiteral("eve"), QStringLiteral("eli")});
    QVERIFY2(session.ok(), qPrintable(session.errorMessage()));
    const QVariantList id{static_cast<qlonglong>(session->id)};
    for (const QUuid &call : m_calls) {
        QVERIFY(sessions(QStringLiteral("eve")).score(as(QStringLiteral("eve")).principal, session->id, call, sheet(5)).ok());
        QVERIFY(sessions(QStringLiteral("eli")).score(as(QStringLiteral("eli")).principal, session->id, call, sheet(3)).ok());
    }
    // Blind: each evaluator reads their own scores only, the creator none; the progress comes
    // from the server.
    const QString countScores = QStringLiteral("SELECT count(*) FROM calibration_scores WHERE session_id = ?");
    QCOMPARE(outcomeAs(QStringLiteral("eve"), countScores, id), QStringLiteral("2"));
    QCOMPARE(outcomeAs(QStringLiteral("sue"), countScores, id), QStringLiteral("0"));
    auto progress = sessions(QStringLiteral("sue")).progress(as(QStringLiteral("sue")).principal, session->id);
    QVERIFY2(progress.ok(), qPrintable(progress.errorMessage()));
    QVERIFY(progress->complete());
    // Not part of it: sees nothing, counts nothing.
    QCOMPARE(outcomeAs(QStringLiteral("sam"), QStringLiteral("SELECT count(*) FROM calibration_sessions")), QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("sam"), QStringLiteral("SELECT count(*) FROM cv_calibration_progress(?)"), id), denied);
    // No score under another name, no reveal but by the creator.
    QCOMPARE(outcomeAs(QStringLiteral("eve"),
                       QStringLiteral("INSERT INTO calibration_scores VALUES (?, ?, 'eli', '{}', 1, 0)"),
                       {id.at(0), m_calls.at(0).toString(QUuid::WithoutBraces)}),
             denied);
    QCOMPARE(outcomeAs(QStringLiteral("eve"),
                       QStringLiteral("WITH u AS (UPDATE calibration_sessions SET revealed_at_ms = 1 WHERE id = ? "
                                      "RETURNING 1) SELECT count(*) FROM u"), id),
             QStringLiteral("0"));
    QCOMPARE(outcomeAs(QStringLiteral("sam"),
                       QStringLiteral("WITH u AS (UPDATE calibration_sessions SET revealed_at_ms = 1 WHERE id = ? "
                                      "RETURNING 1) SELECT count(*) FROM u"), id),
             QStringLiteral("0"));

    auto revealed = sessions(QStringLiteral("sue")).reveal(as(QStringLiteral("sue")).principal, session->id);
    QVERIFY2(revealed.ok(), qPrintable(revealed.errorMessage()));
    QCOMPARE(revealed->evaluators, (QStringList{QStringLiteral("eli"), QStringLiteral("eve")}));
    QCOMPARE(revealed->reveal.spread, (QVector<double>{revealed->reveal.spread.at(0), revealed->reveal.spread.at(0)}));
    QVERIFY(revealed->reveal.spread.at(0) > 0);
    // After the reveal: everyone in it reads every score; no one changes them.
    QCOMPARE(outcomeAs(QStringLiteral("eve"), countScores, id), QStringLiteral("4"));
    QCOMPARE(outcomeAs(QStringLiteral("sue"), countScores, id), QStringLiteral("4"));
    QCOMPARE(outcomeAs(QStringLiteral("eve"),
                       QStringLiteral("WITH u AS (UPDATE calibration_scores SET score = 100 WHERE session_id = ? "
                                      "RETURNING 1) SELECT count(*) FROM u"), id),
             QStringLiteral("0"));
    auto outcome = sessions(QStringLiteral("eli")).outcome(as(QStringLiteral("eli")).principal, session->id);
    QVERIFY2(outcome.ok(), qPrintable(outcome.errorMessage()));
    QCOMPARE(outcome->reveal.totals, revealed->reveal.totals);
}

QTEST_GUILESS_MAIN(TestCalibrationSecured)
#include "tst_calibrationsecured.moc"
