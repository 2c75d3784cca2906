#include "mainwindow.h"

#include "recordinglistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace cv {

MainWindow::MainWindow(RecordingListModel &model, const QString &siteName, QWidget *parent)
    : QMainWindow(parent), m_model(model), m_table(new QTableView(this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CallVault — %1").arg(siteName));
    m_table->setObjectName(QStringLiteral("recordingTable"));
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(m_table);
    m_count->setObjectName(QStringLiteral("recordingCount"));
    statusBar()->addPermanentWidget(m_count);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCount);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCount);
    connect(&m_model, &RecordingListModel::loadFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Catalog"), tr("The recordings could not be loaded: %1").arg(message));
    });
    resize(1000, 640);
    updateCount();
}

void MainWindow::updateCount()
{
    m_count->setText(tr("%n recording(s) shown", nullptr, m_model.rowCount()));
    m_table->resizeColumnsToContents();
}

} // namespace cv
