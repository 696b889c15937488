#include "catalog/CatalogPage.h"

#include "Session.h"
#include "UiResources.h"
#include "catalog/BackupDetailsPane.h"
#include "catalog/BackupFilterProxy.h"
#include "catalog/BackupTableModel.h"
#include "catalog/BackupTableView.h"
#include "catalog/CatalogFilterBar.h"
#include "catalog/CatalogLoader.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace coffer::ui {

namespace {

// A reload keeps at most this many selected rows selected (finding them again costs per row).
constexpr qsizetype kMaxKeptSelection = 1000;

const QString kHeaderKey = QStringLiteral("catalog/header");
const QString kColumnsKey = QStringLiteral("catalog/columns");
const QString kSplitterKey = QStringLiteral("catalog/splitter");

// The error's message, plus its detail when that adds something beyond the path already named.
QString describe(const Error &error, const QString &path)
{
    if (error.detail.isEmpty() || QDir::cleanPath(error.detail) == QDir::cleanPath(path))
        return error.message;
    return error.toString();
}

} // namespace

CatalogPage::CatalogPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_loader(new CatalogLoader(this))
    , m_model(new BackupTableModel(this))
    , m_proxy(new BackupFilterProxy(m_model, this))
    , m_messageBar(new MessageBar(this))
    , m_filterBar(new CatalogFilterBar(this))
    , m_busy(new QWidget(this))
    , m_actionsBar(new QToolBar(this))
    , m_views(new QStackedWidget(this))
    , m_table(new BackupTableView(m_model, m_proxy, this))
    , m_emptyState(new QLabel(this))
    , m_details(new BackupDetailsPane(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    initResources();
    setObjectName(QStringLiteral("catalogPage"));
    setAccessibleName(tr("Catalog"));

    connect(m_filterBar, &CatalogFilterBar::filterChanged, this, &CatalogPage::onFilterChanged);
    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_filterBar, &CatalogFilterBar::focusText);
    addAction(findAction);

    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    auto *busyBar = new QProgressBar(m_busy);
    busyBar->setRange(0, 0); // indeterminate
    busyBar->setTextVisible(false);
    busyBar->setFixedWidth(80);
    busyBar->setAccessibleName(tr("Loading backups"));
    auto *busyLabel = new QLabel(tr("Loading backups…"), m_busy);
    auto *busyLayout = new QHBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(busyLabel);
    busyLayout->addWidget(busyBar);
    // The row keeps its height while hidden: loading does not shift the table.
    QSizePolicy busyPolicy = m_busy->sizePolicy();
    busyPolicy.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(busyPolicy);
    m_busy->hide();

    m_actionsBar->setObjectName(QStringLiteral("selectionToolBar"));
    m_actionsBar->setAccessibleName(tr("Actions on the selected backups"));
    m_actionsBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actionsBar->setIconSize(QSize(16, 16));
    m_actionsBar->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CatalogPage::selectionChanged);
    connect(m_table, &BackupTableView::selectionShrank, this, &CatalogPage::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showCurrentBackup(); });
    // A filter can hide the current row without the selection model saying so.
    connect(m_proxy, &QSortFilterProxyModel::layoutChanged, this, [this] { showCurrentBackup(); });

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_views->addWidget(m_table);
    m_views->addWidget(m_emptyState);

    m_splitter->setObjectName(QStringLiteral("catalogSplitter"));
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 300, 260 });

    m_filterBar->addTrailingWidget(m_busy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_actionsBar);
    layout->addWidget(m_splitter, 1);

    connect(m_loader, &CatalogLoader::loaded, this, &CatalogPage::onLoaded);
    connect(session, &Session::workspaceChanged, this, &CatalogPage::onWorkspaceChanged);
    connect(session, &Session::catalogChanged, this, &CatalogPage::refresh);
    m_details->showPlaceholder(tr("Select a backup to see its details."));
    restoreLayout();
    updateEmptyState();
}

CatalogPage::~CatalogPage()
{
    saveLayout();
}

QString CatalogPage::title() const
{
    return tr("Catalog");
}

QIcon CatalogPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/catalog.svg"));
}

QString CatalogPage::statusText() const
{
    return m_status;
}

bool CatalogPage::isLoading() const
{
    return m_loader->isLoading();
}

void CatalogPage::onWorkspaceChanged()
{
    // The same workspace read again (edited in Settings, F5) keeps its rows and selection until
    // the new ones arrive; another workspace's rows would mislead meanwhile.
    if (session()->workspacePath() != m_shownWorkspace) {
        m_model->setEntries({});
        m_loaded = false;
        m_shownWorkspace = session()->workspacePath();
    }
    refresh();
}

void CatalogPage::refresh()
{
    m_loader->load(session()->workspacePath());
    m_busy->show();
    m_status = tr("Loading backups…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void CatalogPage::onLoaded(const CatalogLoadResult &result)
{
    const QString current = currentBackupId();
    QStringList selected;
    if (const QList<int> rows = m_table->selectedSourceRows(); rows.size() <= kMaxKeptSelection)
        for (const int row : rows)
            selected << m_model->entries().at(row).entry.manifest.id;

    m_model->setEntries(result.rows, result.keys);
    m_filterBar->setChoices(result.databases, result.groups, result.triggers);
    m_loaded = true;
    m_busy->hide();
    m_workspaceFailed = result.workspaceError.has_value();
    m_repositoryCount = result.readableRepositoryCount;
    m_problemCount = int(result.problems.size());
    showProblems(result);
    updateEmptyState(); // before filling the details: a hidden text view loses its scroll position

    if (!m_pendingBackup.isEmpty()) {
        const QString wanted = std::exchange(m_pendingBackup, QString());
        if (!selectAndReveal(wanted))
            reportMissing(wanted);
    } else {
        restoreSelection(selected, current);
    }
    showCurrentBackup(true);
    updateStatus();
    Q_EMIT selectionChanged();
    Q_EMIT loadFinished();
}

void CatalogPage::onFilterChanged()
{
    const BackupFilter filter = m_filterBar->filter();
    if (filter == m_proxy->filter())
        return;
    m_proxy->setFilter(filter);
    if (const QModelIndex current = m_table->currentIndex(); current.isValid()) {
        m_table->scrollTo(current);
    } else if (const QList<int> selected = m_table->selectedSourceRows(); !selected.isEmpty()) {
        m_table->selectionModel()->setCurrentIndex(
            m_proxy->mapFromSource(m_model->index(selected.first(), 0)), QItemSelectionModel::NoUpdate);
    } else if (m_proxy->rowCount() > 0) { // e.g. a database chosen on the dashboard: its newest backup
        m_table->makeCurrent(m_proxy->index(0, 0));
    }
    updateStatus();
}

void CatalogPage::showDatabase(const QString &name)
{
    BackupFilter filter;
    filter.database = name;
    m_filterBar->setFilter(filter);
}

void CatalogPage::showBackup(const QString &backupId)
{
    m_filterBar->setFilter({});
    if (selectAndReveal(backupId)) {
        m_pendingBackup.clear();
    } else if (!m_loaded || isLoading()) {
        m_pendingBackup = backupId;
    } else {
        reportMissing(backupId);
    }
}

QList<BackupRow> CatalogPage::selectedRows() const
{
    const QList<int> sourceRows = m_table->selectedSourceRows();
    // Everything selected (Ctrl+A): the model's own list, shared, instead of 100,000 copies.
    if (sourceRows.size() == m_model->rowCount())
        return m_model->entries();
    QList<BackupRow> rows;
    rows.reserve(sourceRows.size());
    for (const int row : sourceRows)
        rows << m_model->entries().at(row);
    return rows;
}

void CatalogPage::addSelectionActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        m_actionsBar->addAction(action);
        m_table->contextMenu()->addAction(action);
        if (action->isSeparator())
            continue;
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_actionsBar->setVisible(!m_actionsBar->actions().isEmpty());
}

void CatalogPage::showProblems(const CatalogLoadResult &result)
{
    if (result.workspaceError) {
        const QString path = QDir::toNativeSeparators(result.workspacePath);
        const QString why = describe(*result.workspaceError, result.workspacePath);
        m_messageBar->showMessage(why.contains(path) ? tr("Cannot load the workspace: %1").arg(why)
                                                     : tr("Cannot load the workspace %1: %2").arg(path, why),
            MessageBar::Type::Error);
        return;
    }
    if (result.repositoryCount == 0) {
        m_messageBar->showMessage(tr("The workspace %1 lists no repositories. Add one under “repositories:”.")
                                      .arg(QDir::toNativeSeparators(result.workspacePath)),
            MessageBar::Type::Information);
        return;
    }
    if (result.problems.isEmpty()) {
        m_messageBar->hideMessage();
        return;
    }
    QStringList lines;
    for (const RepositoryProblem &problem : result.problems)
        lines << tr("Repository “%1” at %2 cannot be read: %3")
                     .arg(problem.repository, QDir::toNativeSeparators(problem.path),
                         describe(problem.error, problem.path));
    // Other repositories still listed their backups: the page is useful, so it is a warning.
    m_messageBar->showMessage(lines.join(QLatin1Char('\n')),
        result.readableRepositoryCount > 0 ? MessageBar::Type::Warning : MessageBar::Type::Error);
}

QString CatalogPage::currentBackupId() const
{
    return m_table->currentIndex().data(BackupTableModel::BackupIdRole).toString();
}

void CatalogPage::restoreSelection(const QStringList &ids, const QString &current)
{
    QList<int> selected;
    int currentRow = -1;
    if (!ids.isEmpty() || !current.isEmpty()) {
        const QSet<QString> wanted(ids.cbegin(), ids.cend());
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString &id = m_model->entries().at(row).entry.manifest.id;
            if (wanted.contains(id))
                selected << row;
            if (id == current)
                currentRow = row;
        }
    }
    m_table->selectSourceRows(selected, currentRow);
    // Nothing was selected, or it is gone: the newest backup shown.
    if (!m_table->currentIndex().isValid() && m_table->selectedSourceRows().isEmpty() && m_proxy->rowCount() > 0)
        m_table->makeCurrent(m_proxy->index(0, 0));
}

bool CatalogPage::selectAndReveal(const QString &backupId)
{
    const int sourceRow = m_model->rowOf(backupId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->makeCurrent(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void CatalogPage::reportMissing(const QString &backupId)
{
    m_messageBar->showMessage(tr("Backup %1 is not in the catalog.").arg(backupId), MessageBar::Type::Information);
}

void CatalogPage::showCurrentBackup(bool reread)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->showPlaceholder(m_proxy->rowCount() == 0 && m_model->rowCount() > 0
                ? tr("No backup matches the filters.")
                : tr("Select a backup to see its details."));
        return;
    }
    const BackupRow *row = m_model->backupAt(m_proxy->mapToSource(current).row());
    if (row && (reread || row->entry.manifest.id != m_details->backupId()))
        m_details->showBackup(*row);
}

void CatalogPage::updateEmptyState()
{
    // Without backups the details pane has nothing to say: the empty state gets the room.
    m_details->setVisible(m_model->rowCount() > 0);
    // The sizes saved are of a splitter with both panes shown: restored once they are.
    if (m_model->rowCount() > 0 && !m_savedSplitter.isEmpty())
        m_splitter->restoreState(std::exchange(m_savedSplitter, QByteArray()));
    if (m_model->rowCount() > 0) {
        m_views->setCurrentWidget(m_table);
        return;
    }
    if (!m_loaded)
        m_emptyState->setText(tr("Loading backups…"));
    else if (m_messageBar->isVisibleTo(this) && m_messageBar->type() != MessageBar::Type::Information)
        m_emptyState->setText(tr("No backups to show."));
    else
        m_emptyState->setText(tr("No backups yet. Create one with: coffer-cli backup --all"));
    m_views->setCurrentWidget(m_emptyState);
}

void CatalogPage::updateStatus()
{
    if (isLoading())
        return; // "Loading backups…" until the load is done
    if (m_workspaceFailed) {
        m_status = tr("No workspace loaded");
    } else {
        m_status = tr("%1 in %2")
                       .arg(tr("%n backup(s)", nullptr, m_model->rowCount()),
                           tr("%n repository(s)", nullptr, m_repositoryCount));
        if (!m_proxy->filter().isEmpty())
            m_status = tr("%1, %2").arg(m_status, tr("%n shown", nullptr, m_proxy->rowCount()));
        if (m_problemCount > 0)
            m_status = tr("%1, %2").arg(m_status, tr("%n unreadable", nullptr, m_problemCount));
    }
    Q_EMIT statusTextChanged();
}

void CatalogPage::restoreLayout()
{
    const QSettings settings;
    QHeaderView *header = m_table->horizontalHeader();
    // A layout saved with other columns (an older version) would put widths on the wrong ones.
    if (settings.value(kColumnsKey).toInt() == BackupTableModel::ColumnCount
        && header->restoreState(settings.value(kHeaderKey).toByteArray()))
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_savedSplitter = settings.value(kSplitterKey).toByteArray();
}

void CatalogPage::saveLayout() const
{
    QSettings settings;
    settings.setValue(kColumnsKey, int(BackupTableModel::ColumnCount));
    settings.setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
    if (m_savedSplitter.isEmpty()) // else the page never showed both panes: keep what was saved
        settings.setValue(kSplitterKey, m_splitter->saveState());
}

} // namespace coffer::ui
