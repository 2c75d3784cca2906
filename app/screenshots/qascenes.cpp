// The QA screens: an evaluator scoring a call beside the player, with answers pinned to the
// call's moments, and a supervisor's QA report with its charts. The evaluation scene submits a
// few complete evaluations first, so that the report has figures to show.
#include "scenes.h"
#include "scenetools.h"

#include "mainwindow.h"
#include "playback/playbackengine.h"
#include "player/playerhost.h"
#include "player/playerpanel.h"
#include "qa/callevaluationspanel.h"
#include "qa/evaluationpane.h"
#include "qa/qualitypanel.h"
#include "reports/qareportview.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "search/timepreset.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTime>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

namespace screenshots {

namespace {

QString serviceQualityForm()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("service-quality-zh-cn")
                                                    : QStringLiteral("service-quality-en");
}

void click(QWidget &pane, const QString &name)
{
    if (auto *button = pane.findChild<QAbstractButton *>(name))
        button->click();
}

// Answers every question of the service-quality form as an evaluator would; `courtesy` 1..5.
void answerAll(cv::EvaluationPane &pane, int courtesy)
{
    for (const QString &name : {QStringLiteral("answer_greeting_yes"), QStringLiteral("answer_identity-verified_yes"),
                                QStringLiteral("answer_needs-identified_4"),
                                QStringLiteral("answer_courtesy_%1").arg(courtesy), QStringLiteral("na_hold-etiquette"),
                                QStringLiteral("answer_closing_yes")})
        click(pane, name);
    if (auto *accuracy = pane.findChild<QComboBox *>(QStringLiteral("answer_accurate-answer")))
        accuracy->setCurrentIndex(accuracy->findData(QStringLiteral("correct")));
}

bool failed(const QString &message)
{
    complain(message);
    return false;
}

} // namespace

bool evaluation(const Context &context)
{
    auto session = logIn(context, context.evaluator);
    if (!session)
        return false;
    cv::MainWindow window(*session);
    window.resize(1440, 900);
    window.show();
    cv::SearchPanel *search = window.searchPanel();
    auto *preset = search->findChild<QComboBox *>(QStringLiteral("timePreset"));
    preset->setCurrentIndex(preset->findData(static_cast<int>(cv::TimePreset::AnyTime)));
    search->findChild<QPushButton *>(QStringLiteral("searchButton"))->click();
    if (!waitFor([search] { return !search->model()->isLoading() && search->model()->rowCount() > 3; })) {
        complain(QStringLiteral("the evaluator's search found too few calls"));
        return false;
    }
    cv::CallEvaluationsPanel *evaluations = window.evaluationsPanel();
    // Submitted evaluations of calls spread over the demo's weeks, for the report's trend;
    // then the one the picture shows, half done.
    const int calls = search->model()->rowCount();
    for (int row = 1; row < calls; row += 4) {
        const QUuid id = search->model()->hitAt(row)->id;
        evaluations->setRecording(id);
        if (!evaluations->startEvaluation(serviceQualityForm(), 1))
            return failed(evaluations->message());
        answerAll(*evaluations->pane(), 2 + row % 4 + (row / 4) % 3);
        if (!evaluations->submit())
            return failed(evaluations->message());
    }
    search->table()->selectRow(0);
    const QUuid first = search->model()->hitAt(0)->id;
    window.playerHost()->play(first);
    evaluations->setRecording(first);
    if (!evaluations->startEvaluation(serviceQualityForm(), 1))
        return failed(evaluations->message());
    window.findChild<QTabWidget *>(QStringLiteral("sideTabs"))->setCurrentWidget(evaluations);
    cv::EvaluationPane &pane = *evaluations->pane();
    if (cv::PlayerPanel *player = window.playerHost()->player()) {
        cv::PlaybackEngine &engine = player->engine();
        waitFor([&engine] { return engine.positionMs() > 3000 || engine.state() != cv::PlaybackEngine::State::Playing; });
        click(pane, QStringLiteral("answer_greeting_yes"));
        click(pane, QStringLiteral("pin_greeting"));
        waitFor([&engine] { return engine.positionMs() > 7000 || engine.state() != cv::PlaybackEngine::State::Playing; });
        engine.pause();
        click(pane, QStringLiteral("answer_courtesy_4"));
        click(pane, QStringLiteral("pin_courtesy"));
    }
    click(pane, QStringLiteral("answer_identity-verified_yes"));
    return save(window, context, QStringLiteral("evaluation"));
}

bool qaReport(const Context &context)
{
    auto session = logIn(context, context.supervisor);
    if (!session)
        return false;
    cv::MainWindow window(*session);
    window.resize(1440, 900);
    window.show();
    cv::QualityPanel *quality = window.qualityPanel();
    cv::QaReportView *reports = quality->reports();
    if (!reports)
        return failed(QStringLiteral("the supervisor has no reports page"));
    window.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentWidget(quality);
    quality->setCurrentWidget(reports);
    bool done = false;
    QObject::connect(reports, &cv::QaReportView::reportReady, [&done] { done = true; });
    QObject::connect(reports, &cv::QaReportView::reportFailed, [&done](const QString &message) {
        complain(message);
        done = true;
    });
    // The demo calls of the last weeks, by week.
    cv::ReportFilter filter = reports->filter();
    filter.fromMs = QDateTime::currentDateTimeUtc().addDays(-60).toMSecsSinceEpoch();
    filter.toMs = QDateTime::currentDateTimeUtc().addDays(1).toMSecsSinceEpoch();
    reports->setFilter(filter);
    reports->run();
    if (!waitFor([&done] { return done; }) || !reports->report())
        return failed(QStringLiteral("the QA report did not finish"));
    return save(window, context, QStringLiteral("qa-report"));
}

} // namespace screenshots
