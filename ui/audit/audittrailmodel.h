#pragma once

#include "auth/principal.h"
#include "catalog/auditlog.h"
#include "common/catalogthread.h"

#include <QAbstractTableModel>
#include <QVector>

namespace cv {

class Database;

// Audit rows for the audit view, newest first, a keyset page at a time as the view scrolls;
// every read runs on a CatalogThread through AuditBrowser (audit.read, audited).
class AuditTrailModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time = 0, Actor, Action, Target, Outcome, Host, Program, Details, ColumnCount };
    static constexpr int kPageSize = 200;

    AuditTrailModel(Database &db, Principal principal, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void search(const AuditFilter &filter);
    const AuditRow *rowAt(int row) const;
    bool isLoading() const { return m_loading; }

signals:
    void loadingChanged(bool loading);
    void searchFailed(const QString &message);

private:
    void load(qint64 beforeId);

    Database &m_db;
    Principal m_principal;
    AuditFilter m_filter;
    QVector<AuditRow> m_rows;
    bool m_atEnd = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    CatalogThread m_thread; // last: it ends first
};

} // namespace cv
