#include "qa/reportaggregator.h"

#include "qa/evaluationanswers.h"
#include "qa/scoreengine.h"

namespace cv {

ReportAggregator::ReportAggregator(const ReportFilter &filter, FormLookup formOf)
    : m_filter(filter), m_formOf(std::move(formOf))
{
    // Every bucket of the period, so that a chart shows the weeks without evaluations too.
    for (qint64 start = reportBucketStart(filter.fromMs, filter.grouping, filter.timeZone);
         start < filter.toMs;) {
        const qint64 end = reportNextBucket(start, filter.grouping, filter.timeZone);
        if (end <= start)
            break; // a broken zone must not loop forever
        ReportTrendPoint point;
        point.startMs = start;
        point.endMs = end;
        m_trend.insert(start, point);
        start = end;
    }
}

const EvaluationForm *ReportAggregator::form(const QString &formId, int version)
{
    const auto key = qMakePair(formId, version);
    auto it = m_forms.find(key);
    if (it == m_forms.end()) {
        auto read = m_formOf(formId, version);
        it = m_forms.insert(key, read ? std::optional<EvaluationForm>(read.takeValue()) : std::nullopt);
        if (it.value()) {
            QVector<ReportQuestion> questions;
            for (const Question *q : it.value()->questionsInOrder()) {
                if (!q->isScored())
                    continue;
                ReportQuestion rq;
                rq.formId = formId;
                rq.formVersion = version;
                rq.questionId = q->id;
                rq.text = q->text;
                rq.critical = q->critical;
                rq.fatal = q->fatal;
                questions.append(rq);
            }
            m_questions.insert(key, questions);
        }
    }
    return it.value() ? &*it.value() : nullptr;
}

void ReportAggregator::add(const ReportEvaluation &evaluation)
{
    const qint64 bucket =
        reportBucketStart(evaluation.startedAtMs, m_filter.grouping, m_filter.timeZone);
    if (auto it = m_trend.find(bucket); it != m_trend.end()) {
        ++it->count;
        if (evaluation.score) {
            ++it->scored;
            it->scoreSum += *evaluation.score;
        }
    }
    addAnswers(evaluation);
}

void ReportAggregator::addAnswers(const ReportEvaluation &evaluation)
{
    const EvaluationForm *evaluationForm = form(evaluation.formId, evaluation.formVersion);
    auto answers = EvaluationAnswers::fromJson(evaluation.answers.toUtf8());
    if (!evaluationForm || !answers) {
        ++m_unread;
        return;
    }
    auto scored = ScoreEngine::score(
        *evaluationForm, AnswerSheet{answers->formId, answers->formVersion, answers->answers});
    if (!scored) { // answers given against another form or version than the evaluation names
        ++m_unread;
        return;
    }
    const bool failed = !scored->failedCritical.isEmpty() || !scored->failedFatal.isEmpty();
    for (Critical *c : {&m_byAgent[evaluation.agentId], &m_byForm[evaluation.formId]}) {
        ++c->read;
        c->failed += failed ? 1 : 0;
    }
    auto &questions = m_questions[qMakePair(evaluation.formId, evaluation.formVersion)];
    for (ReportQuestion &rq : questions) {
        if (!scored->visibleQuestions.contains(rq.questionId))
            continue;
        ++rq.shown;
        const auto answer = answers->answers.find(rq.questionId);
        if (answer == answers->answers.end())
            continue;
        if (answer->kind == Answer::Kind::NotApplicable) {
            ++rq.notApplicable;
            continue;
        }
        const Question *question = evaluationForm->findQuestion(rq.questionId);
        const auto fraction = ScoreEngine::fraction(*question, *answer);
        if (!fraction)
            continue; // an answer that does not fit the question: not counted
        ++rq.answered;
        rq.fractionSum += *fraction;
        if ((rq.critical || rq.fatal) && ScoreEngine::fails(*question, *answer))
            ++rq.failed;
    }
}

void ReportAggregator::fillInto(QaReport &report) const
{
    report.unreadAnswers = m_unread;
    report.questions.clear();
    for (const auto &questions : m_questions)
        report.questions += questions;
    report.trend = m_trend.values().toVector();
    for (ReportGroup &agent : report.agents) {
        const Critical c = m_byAgent.value(agent.id);
        agent.answersRead = c.read;
        agent.criticalFailed = c.failed;
    }
    for (ReportGroup &form : report.forms) {
        const Critical c = m_byForm.value(form.id);
        form.answersRead = c.read;
        form.criticalFailed = c.failed;
    }
}

} // namespace cv
