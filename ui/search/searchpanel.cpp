#include "searchpanel.h"

#include "auth/teamrepository.h"
#include "catalog/agentrepository.h"
#include "searchfilterpanel.h"
#include "searchresultmodel.h"
#include "tags/tagrepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cv {

namespace {

constexpr int kTagsOffered = 1000;

const QString &hiddenColumnsKey()
{
    static const QString key = QStringLiteral("search/hiddenColumns");
    return key;
}

// Only the agents and teams the person's searches can reach are offered.
bool inScope(const Principal &principal, const QString &agentId, const QString &team)
{
    switch (principal.scope) {
    case RoleScope::All:
        return true;
    case RoleScope::Teams:
        return principal.teams.contains(team);
    case RoleScope::Own:
        return !principal.agentId.isEmpty() && principal.agentId == agentId;
    }
    return false;
}

} // namespace

SearchPanel::SearchPanel(Database &db, const Principal &principal, const QString &siteId, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_saved(siteId, principal.name),
      m_filters(new SearchFilterPanel(this)),
      m_model(new SearchResultModel(db, principal, this))
{
    setObjectName(QStringLiteral("searchPanel"));
    buildTable();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildSavedSearchBar());
    leftLayout->addWidget(m_filters, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_table, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    rightLayout->addWidget(m_status);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filters, &SearchFilterPanel::searchRequested, this, &SearchPanel::runSearch);
    connect(m_model, &SearchResultModel::loadingChanged, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchResultModel::totalCountChanged, this, &SearchPanel::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SearchPanel::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchResultModel::searchFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    if (!m_principal.has(Permission::RecordingSearch)) {
        // Shown, not hidden: the person sees what the screen is for and why it is closed.
        m_filters->setEnabled(false);
        m_error = tr("Your role (%1) may not search recordings.").arg(m_principal.role);
    }
    updateStatus();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Right-click to choose the columns"));
    // The catalog sorts (by time, duration or sentiment); clicks on other columns keep the order.
    header->setSortIndicator(SearchResultModel::Started, Qt::DescendingOrder);
    header->setSortIndicatorShown(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column, Qt::SortOrder order) {
        if (!SearchResultModel::isSortable(column)) {
            const SearchSort sort = m_model->currentSort();
            const int current = sort.key == SearchSort::Key::Duration    ? SearchResultModel::Duration
                                : sort.key == SearchSort::Key::Sentiment ? SearchResultModel::Sentiment
                                                                         : SearchResultModel::Started;
            QSignalBlocker block(header);
            header->setSortIndicator(current, sort.order == SearchSort::Order::Ascending ? Qt::AscendingOrder
                                                                                        : Qt::DescendingOrder);
            return;
        }
        m_model->sort(column, order);
    });
    header->setSectionsClickable(true);
    connect(header, &QWidget::customContextMenuRequested, this, &SearchPanel::showColumnMenu);
    restoreColumns();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentRecordingChanged(current.data(SearchResultModel::RecordingIdRole).toUuid());
            });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit recordingActivated(index.data(SearchResultModel::RecordingIdRole).toUuid());
    });
}

QWidget *SearchPanel::buildSavedSearchBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_savedNames = new QComboBox(bar);
    m_savedNames->setObjectName(QStringLiteral("savedSearches"));
    m_savedNames->setToolTip(tr("Your saved searches"));
    auto *save = new QPushButton(tr("Save…"), bar);
    save->setObjectName(QStringLiteral("saveSearchButton"));
    auto *remove = new QPushButton(tr("Delete"), bar);
    remove->setObjectName(QStringLiteral("deleteSearchButton"));
    layout->addWidget(m_savedNames, 1);
    layout->addWidget(save);
    layout->addWidget(remove);
    connect(save, &QPushButton::clicked, this, &SearchPanel::saveCurrentSearch);
    connect(remove, &QPushButton::clicked, this, &SearchPanel::deleteSavedSearch);
    connect(m_savedNames, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applySavedSearch(m_savedNames->itemText(index));
    });
    refreshSavedNames();
    return bar;
}

void SearchPanel::refreshSavedNames(const QString &select)
{
    QSignalBlocker block(m_savedNames);
    m_savedNames->clear();
    m_savedNames->addItem(tr("Saved searches"));
    m_savedNames->addItems(m_saved.names());
    m_savedNames->setCurrentIndex(qMax(0, m_savedNames->findText(select)));
}

void SearchPanel::saveCurrentSearch()
{
    auto request = m_filters->request();
    if (!request) {
        QMessageBox::warning(this, tr("Save search"), request.errorMessage());
        return;
    }
    const QString current = m_savedNames->currentIndex() > 0 ? m_savedNames->currentText() : QString();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save search"), tr("Name of this search:"),
                                               QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    SavedSearch saved{name.trimmed(), request.value(), m_filters->preset()};
    if (auto stored = m_saved.save(saved); !stored) {
        QMessageBox::warning(this, tr("Save search"), stored.errorMessage());
        return;
    }
    refreshSavedNames(saved.name);
}

void SearchPanel::applySavedSearch(const QString &name)
{
    auto saved = m_saved.load(name);
    if (!saved) {
        QMessageBox::warning(this, tr("Saved search"),
                             tr("The saved search \"%1\" cannot be used: %2").arg(name, saved.errorMessage()));
        return;
    }
    m_filters->setRequest(saved->request, saved->preset);
    if (auto request = m_filters->request())
        runSearch(request.value());
}

void SearchPanel::deleteSavedSearch()
{
    if (m_savedNames->currentIndex() <= 0)
        return;
    const QString name = m_savedNames->currentText();
    if (QMessageBox::question(this, tr("Delete saved search"), tr("Delete the saved search \"%1\"?").arg(name)) !=
        QMessageBox::Yes)
        return;
    m_saved.remove(name);
    refreshSavedNames();
}

void SearchPanel::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The start time identifies a call in the list: it always stays.
        action->setEnabled(column != SearchResultModel::Started);
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnShown(column, shown); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void SearchPanel::setColumnShown(int column, bool shown)
{
    m_table->horizontalHeader()->setSectionHidden(column, !shown);
    saveColumns();
}

void SearchPanel::restoreColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QStringList hidden = QSettings().value(hiddenColumnsKey(),
                                                 QStringList{QString::number(SearchResultModel::Tier),
                                                             QString::number(SearchResultModel::Size)})
                                   .toStringList();
    for (int column = 0; column < m_model->columnCount(); ++column)
        header->setSectionHidden(column, hidden.contains(QString::number(column)));
}

void SearchPanel::saveColumns() const
{
    QStringList hidden;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_table->horizontalHeader()->isSectionHidden(column))
            hidden << QString::number(column);
    }
    QSettings().setValue(hiddenColumnsKey(), hidden);
}

void SearchPanel::loadVocabulary()
{
    SearchVocabulary vocabulary;
    QSet<QString> teamsWithAgents;
    if (auto agents = AgentRepository(m_db).list()) {
        for (const AgentRow &agent : agents.value()) {
            if (inScope(m_principal, agent.agentId, agent.team))
                vocabulary.agents << agent;
        }
    }
    if (auto teams = TeamRepository(m_db).list()) {
        for (const TeamRow &team : teams.value()) {
            if (m_principal.scope == RoleScope::All || m_principal.teams.contains(team.id))
                vocabulary.teams.append({team.id, team.name});
        }
    }
    if (auto tags = TagRepository(m_db).list(QString(), kTagsOffered)) {
        for (const TagRow &tag : tags.value())
            vocabulary.tags << tag.name;
    }
    m_filters->setVocabulary(vocabulary);
}

void SearchPanel::runSearch(const SearchRequest &request)
{
    m_error.clear();
    m_model->search(request);
}

void SearchPanel::updateStatus()
{
    if (!m_principal.has(Permission::RecordingSearch)) {
        m_status->setText(m_error);
        return;
    }
    if (!m_error.isEmpty()) {
        m_status->setText(tr("The search failed: %1").arg(m_error));
        return;
    }
    if (!m_model->hasSearched()) {
        m_status->setText(tr("Choose filters and press Search."));
        return;
    }
    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const QString shown = locale.toString(m_model->rowCount());
    QString text = total < 0 ? tr("%1 shown, counting…").arg(shown)
                             : tr("%1 of %2 recordings shown").arg(shown, locale.toString(total));
    if (m_model->isLoading())
        text += QLatin1Char(' ') + tr("(loading)");
    m_status->setText(text);
}

} // namespace cv
