#include "scenes.h"
#include "scenetools.h"

#include "audit/auditpanel.h"
#include "audit/audittrailmodel.h"
#include "details/recordingdetailspane.h"
#include "export/exportdialog.h"
#include "login/logindialog.h"
#include "mainwindow.h"
#include "playback/playbackengine.h"
#include "player/playerhost.h"
#include "player/playerpanel.h"
#include "search/searchfilterpanel.h"
#include "search/searchpanel.h"
#include "search/searchresultmodel.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QHostInfo>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QThread>

namespace screenshots {


bool login(const Context &context)
{
    cv::LoginDialog dialog(*context.site, cv::SiteLogin::Options());
    dialog.setUserName(context.supervisor.name);
    dialog.show();
    return save(dialog, context, QStringLiteral("login"));
}

bool searchWithDetails(const Context &context)
{
    auto session = logIn(context, context.supervisor);
    if (!session)
        return false;
    cv::MainWindow window(*session);
    window.resize(1280, 860);
    window.show();
    cv::SearchPanel *search = window.searchPanel();
    auto *preset = search->findChild<QComboBox *>(QStringLiteral("timePreset"));
    preset->setCurrentIndex(preset->findData(static_cast<int>(cv::TimePreset::AnyTime)));
    search->findChild<QPushButton *>(QStringLiteral("searchButton"))->click();
    if (!waitFor([search] { return search->model()->totalCount() >= 0 && !search->model()->isLoading(); })) {
        complain(QStringLiteral("the search did not finish"));
        return false;
    }
    if (search->model()->rowCount() == 0) {
        complain(QStringLiteral("the demo site has no calls"));
        return false;
    }
    search->table()->selectRow(0);
    // Play the first call for a moment, so the waveform shows a played position.
    cv::PlayerHost *host = window.playerHost();
    host->play(search->model()->hitAt(0)->id);
    if (host->player()) {
        cv::PlaybackEngine &engine = host->player()->engine();
        waitFor([&engine] { return engine.positionMs() > 4000 || engine.state() != cv::PlaybackEngine::State::Playing; });
        engine.pause();
    }
    const bool whole = save(window, context, QStringLiteral("search"));
    const bool player = save(*host, context, QStringLiteral("player"));
    // The export dialog for the first three calls, with a reason typed.
    QVector<QUuid> ids;
    for (int row = 0; row < qMin(3, search->model()->rowCount()); ++row)
        ids << search->model()->hitAt(row)->id;
    cv::WorkstationSession &s = *session;
    cv::ExportDialog exportDialog({s.site().layout(), &s.db(), s.site().config().siteId, s.principal(),
                                   [&s] { return s.siteKeys(); }},
                                  ids, &window);
    if (auto *reason = exportDialog.findChild<QWidget *>(QStringLiteral("exportReason")))
        reason->setProperty(reason->inherits("QLineEdit") ? "text" : "plainText",
                            QLocale().language() == QLocale::Chinese
                                ? QStringLiteral("投诉 2026-118：客户要求调取通话录音")
                                : QStringLiteral("Complaint 2026-118: the customer asked for the call"));
    exportDialog.show();
    return save(exportDialog, context, QStringLiteral("export")) && whole && player;
}

bool auditTrail(const Context &context)
{
    auto session = logIn(context, context.auditor);
    if (!session)
        return false;
    cv::MainWindow window(*session);
    window.resize(1280, 860);
    window.show();
    cv::AuditPanel *audit = window.auditPanel();
    audit->runSearch();
    bool verified = false;
    QObject::connect(audit, &cv::AuditPanel::verificationFinished, [&verified] { verified = true; });
    audit->verifyChain();
    if (!waitFor([&] { return verified && !audit->model()->isLoading(); })) {
        complain(QStringLiteral("the audit view did not finish"));
        return false;
    }
    return save(window, context, QStringLiteral("audit"));
}

bool administration(const Context &context)
{
    auto session = logIn(context, context.admin);
    if (!session)
        return false;
    cv::MainWindow window(*session);
    window.resize(1280, 860);
    window.show();
    return save(window, context, QStringLiteral("admin"));
}

} // namespace screenshots
