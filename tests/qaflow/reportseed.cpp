#include "reportseed.h"

#include "catalog/agentrepository.h"
#include "catalog/recordingrepository.h"
#include "catalogtestsupport.h"
#include "qa/evaluationanswers.h"
#include "qa/evaluationrepository.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"

#include <QSqlQuery>
#include <QTest>

using namespace cv;

namespace qaflowtest {

namespace {

Question yesNo(const QString &id, const QString &text)
{
    Question q;
    q.id = id;
    q.text = text;
    q.kind = QuestionKind::YesNo;
    return q;
}

EvaluationForm form(const QString &id, const QString &title, QVector<Question> questions)
{
    EvaluationForm f;
    f.id = id;
    f.title = title;
    f.language = QStringLiteral("en");
    f.sections = {Section{QStringLiteral("s"), QStringLiteral("Call"), 1, std::move(questions)}};
    return f;
}

struct Seed
{
    const char *agent;
    QDateTime at;
    const char *form;
    AnswerMap answers;
    double score;
    EvaluationState state;
    bool disputed;
    std::optional<double> rescored;
};

Answer yn(bool yes)
{
    return Answer::yesNo(yes);
}

bool fail(const QString &what)
{
    [&] { QVERIFY2(false, qPrintable(what)); }();
    return false;
}

} // namespace

QDateTime ReportSite::utc(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, minute), Qt::UTC);
}

bool ReportSite::setUp(Database &db, const QUuid &siteId)
{
    if (!site.setUp(db, siteId))
        return false;
    if (!AgentRepository(db).upsert(AgentRow{QStringLiteral("A1"), QStringLiteral("Alice Wong"), QStringLiteral("T1")}) ||
        !AgentRepository(db).upsert(AgentRow{QStringLiteral("A2"), QStringLiteral("王芳"), QStringLiteral("T2")}))
        return fail(QStringLiteral("agents"));
    {
        QSqlQuery rename(db.connection());
        rename.prepare(QStringLiteral("UPDATE teams SET name = ? WHERE id = ?"));
        rename.addBindValue(QStringLiteral("二组"));
        rename.addBindValue(QStringLiteral("T2"));
        if (!rename.exec())
            return fail(QStringLiteral("team name"));
    }
    if (authtest::addUser(db, QStringLiteral("u_supervisor_all"), authtest::RoleSite::kRolePassword,
                          QStringLiteral("supervisor"), {QStringLiteral("T1"), QStringLiteral("T2")}) == 0)
        return false;
    auto session = site.roles.auth->login(QStringLiteral("u_supervisor_all"),
                                          authtest::RoleSite::kRolePassword,
                                          QStringLiteral("ws-7"), QStringLiteral("test"));
    if (!session)
        return fail(session.errorMessage());
    site.extra.emplace(QStringLiteral("u_supervisor_all"), session.takeValue());

    FormLibrary library(db, site.roles.clock.clock());
    FormPublisher publisher(library);
    Question identity = yesNo(QStringLiteral("q2"), QStringLiteral("Identity check"));
    identity.critical = true;
    identity.allowNa = true;
    const Principal supervisor = site.as(QStringLiteral("supervisor"));
    for (const EvaluationForm &f :
         {form(QStringLiteral("service"), QStringLiteral("Service quality"),
               {yesNo(QStringLiteral("q1"), QStringLiteral("Greeted the caller, \"warmly\"")), identity}),
          form(QStringLiteral("sales"), QStringLiteral("Sales"),
               {yesNo(QStringLiteral("s1"), QStringLiteral("Offer made"))})}) {
        if (auto published = publisher.publish(supervisor, f); !published)
            return fail(published.errorMessage());
    }

    const AnswerMap yesYes{{QStringLiteral("q1"), yn(true)}, {QStringLiteral("q2"), yn(true)}};
    const Seed seeds[] = {
        {"A1", utc(4, 1, 9, 0), "service", yesYes, 100, EvaluationState::Submitted, false, {}},
        {"A1", utc(4, 7, 23, 59), "service",
         {{QStringLiteral("q1"), yn(false)}, {QStringLiteral("q2"), yn(true)}}, 50,
         EvaluationState::Acknowledged, false, {}},
        {"A1", utc(4, 8, 0, 0), "service",
         {{QStringLiteral("q1"), yn(true)}, {QStringLiteral("q2"), yn(false)}}, 0,
         EvaluationState::Resolved, true, 60.0},
        {"A1", utc(4, 10, 12, 0), "service", yesYes, 100, EvaluationState::Draft, false, {}},
        {"A2", utc(4, 2, 9, 0), "service",
         {{QStringLiteral("q1"), yn(true)}, {QStringLiteral("q2"), Answer::notApplicable()}}, 100,
         EvaluationState::Disputed, true, {}},
        {"A2", utc(4, 20, 10, 0), "sales", {{QStringLiteral("s1"), yn(true)}}, 100,
         EvaluationState::Acknowledged, false, {}},
        {"A1", utc(3, 31, 23, 30), "service", yesYes, 90, EvaluationState::Submitted, false, {}},
    };
    EvaluationRepository evaluations(db);
    for (const Seed &seed : seeds) {
        RecordingRow recording = catalogtest::makeRecording(siteId, seed.at);
        recording.agentId = QString::fromLatin1(seed.agent);
        if (!RecordingRepository(db).insert(recording))
            return fail(QStringLiteral("recording"));
        EvaluationAnswers answers;
        answers.formId = QString::fromLatin1(seed.form);
        answers.formVersion = 1;
        answers.answers = seed.answers;
        EvaluationRow row;
        row.recordingId = recording.id;
        row.startedAtMs = seed.at.toMSecsSinceEpoch();
        row.formId = answers.formId;
        row.formVersion = 1;
        row.evaluator = QStringLiteral("u_qa_evaluator");
        const qint64 at = seed.at.toMSecsSinceEpoch() + 3600 * 1000;
        row.createdAtMs = at;
        auto id = evaluations.insertDraft(row);
        if (!id || !evaluations.saveDraft(id.value(), QString::fromUtf8(answers.toJson()), QString(),
                                          seed.score, at))
            return fail(QStringLiteral("draft"));
        if (seed.state == EvaluationState::Draft)
            continue;
        auto step = [&](EvaluationState from, EvaluationState to, EvaluationEventKind kind,
                        std::optional<double> oldScore, std::optional<double> newScore) {
            EvaluationStep s{id.value(), from, to, at, std::nullopt,
                             kind == EvaluationEventKind::Rescored ? newScore : std::nullopt};
            auto applied = evaluations.applyStep(s);
            EvaluationEventRow event;
            event.evaluationId = id.value();
            event.atMs = at;
            event.actor = QStringLiteral("u_qa_evaluator");
            event.kind = kind;
            event.oldScore = oldScore;
            event.newScore = newScore;
            return applied && applied.value() && evaluations.addEvent(event).ok();
        };
        bool ok = step(EvaluationState::Draft, EvaluationState::Submitted,
                       EvaluationEventKind::Submitted, std::nullopt, seed.score);
        if (seed.state == EvaluationState::Acknowledged)
            ok = ok && step(EvaluationState::Submitted, EvaluationState::Acknowledged,
                            EvaluationEventKind::Acknowledged, std::nullopt, std::nullopt);
        if (seed.disputed)
            ok = ok && step(EvaluationState::Submitted, EvaluationState::Disputed,
                            EvaluationEventKind::Disputed, std::nullopt, std::nullopt);
        if (seed.rescored)
            ok = ok && step(EvaluationState::Disputed, EvaluationState::Resolved,
                            EvaluationEventKind::Rescored, seed.score, seed.rescored);
        if (!ok)
            return fail(QStringLiteral("workflow step"));
    }
    return true;
}

} // namespace qaflowtest
