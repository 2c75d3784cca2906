#pragma once

#include "auth/principal.h"
#include "savedsearches.h"

#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace cv {

class Database;
class SearchFilterPanel;
class SearchResultModel;
struct SearchVocabulary;

// The search screen: saved searches, the filter form, the results table (lazy pages,
// configurable columns, sorting in the catalog) and the count when it is ready.
class SearchPanel final : public QWidget
{
    Q_OBJECT

public:
    SearchPanel(Database &db, const Principal &principal, const QString &siteId, QWidget *parent = nullptr);
    ~SearchPanel() override;

    SearchFilterPanel *filters() const { return m_filters; }
    SearchResultModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Reads the agents, teams and tags offered for completion (small tables).
    void loadVocabulary();
    // Runs the form's search (as the Search button does).
    void runSearch(const SearchRequest &request);
    // Shows or hides a result column (the header's menu) and remembers it on this computer.
    void setColumnShown(int column, bool shown);

signals:
    // The selected result changed (null when none).
    void currentRecordingChanged(const QUuid &id);
    // A result was opened (double click or Enter).
    void recordingActivated(const QUuid &id);

private:
    QWidget *buildSavedSearchBar();
    void buildTable();
    void showColumnMenu(const QPoint &pos);
    void restoreColumns();
    void saveColumns() const;
    void updateStatus();
    void saveCurrentSearch();
    void applySavedSearch(const QString &name);
    void deleteSavedSearch();
    void refreshSavedNames(const QString &select = QString());

    Database &m_db;
    Principal m_principal;
    SavedSearches m_saved;
    SearchFilterPanel *m_filters;
    SearchResultModel *m_model;
    QTableView *m_table = nullptr;
    QComboBox *m_savedNames = nullptr;
    QLabel *m_status = nullptr;
    QString m_error;
};

} // namespace cv
