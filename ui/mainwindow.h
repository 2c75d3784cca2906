#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace cv {

class RecordingListModel;

// The workstation's window for now: the catalog's recordings in a table. Search, the
// player and administration arrive as panels of their own (issue: workstation).
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(RecordingListModel &model, const QString &siteName, QWidget *parent = nullptr);

private:
    void updateCount();

    RecordingListModel &m_model;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace cv
