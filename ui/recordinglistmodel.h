#pragma once

#include "catalog/catalogtypes.h"
#include "common/result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace cv {

class Database;

// The catalog's recordings, newest first, fetched a page at a time as the view scrolls.
class RecordingListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Started = 0, Duration, Direction, Agent, Team, Phone, Status, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit RecordingListModel(Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Re-reads the first page (after an import, say).
    void reload();
    const RecordingRow *recordingAt(int row) const;
    QString lastError() const { return m_lastError; }

signals:
    void loadFailed(const QString &message);

private:
    QString displayText(const RecordingRow &r, int column) const;
    Result<QVector<RecordingRow>> loadPage();

    Database &m_db;
    QVector<RecordingRow> m_rows;
    QHash<QString, AgentRow> m_agents; // agent id -> name and team, read once per reload
    bool m_atEnd = false;
    QString m_lastError;
};

} // namespace cv
