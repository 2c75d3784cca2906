#include "exportaction.h"

#include "exportdialog.h"
#include "search/searchresultmodel.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QItemSelectionModel>
#include <QTableView>

namespace cv {

ExportAction::ExportAction(WorkstationSession &session, QTableView *results, QWidget *parent)
    : QAction(tr("&Export…"), parent), m_session(session), m_results(results), m_window(parent)
{
    setObjectName(QStringLiteral("exportAction"));
    if (session.principal().has(Permission::RecordingExport)) {
        setToolTip(tr("Export the selected recordings to .opus or .wav files with a signed "
                      "manifest."));
    } else {
        setEnabled(false);
        setToolTip(tr("Your role (%1) may not export recordings.").arg(session.principal().role));
    }
    connect(this, &QAction::triggered, this, &ExportAction::exportSelected);
}

void ExportAction::exportSelected()
{
    QVector<QUuid> ids;
    if (QItemSelectionModel *selection = m_results->selectionModel()) {
        for (const QModelIndex &row : selection->selectedRows())
            ids << row.data(SearchResultModel::RecordingIdRole).value<QUuid>();
    }
    WorkstationSession &session = m_session;
    ExportDialog::Context context{session.site().layout(), &session.db(),
                                  session.site().config().siteId, session.principal(),
                                  [&session] { return session.siteKeys(); }};
    auto *dialog = new ExportDialog(std::move(context), ids, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace cv
