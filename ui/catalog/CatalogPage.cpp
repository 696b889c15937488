#include "catalog/CatalogPage.h"

#include "Session.h"
#include "UiResources.h"
#include "catalog/BackupDetailsView.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogLoader.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

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
    , m_proxy(new QSortFilterProxyModel(this))
    , m_messageBar(new MessageBar(this))
    , m_filter(new QLineEdit(this))
    , m_views(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyState(new QLabel(this))
    , m_details(new BackupDetailsView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    initResources();
    setObjectName(QStringLiteral("catalogPage"));
    setAccessibleName(tr("Catalog"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(BackupTableModel::SortRole);
    m_proxy->setFilterRole(BackupTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by database, ID or tag"));
    m_filter->setAccessibleName(tr("Filter backups"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(findAction);

    m_table->setObjectName(QStringLiteral("backupTable"));
    m_table->setAccessibleName(tr("Backups"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BackupTableModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CatalogPage::showSelectedBackup);
    // A filter can hide the selected row without changing the selection model's idea of it.
    connect(m_proxy, &QSortFilterProxyModel::layoutChanged, this, &CatalogPage::showSelectedBackup);
    connect(m_proxy, &QSortFilterProxyModel::rowsRemoved, this, &CatalogPage::showSelectedBackup);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_views->addWidget(m_table);
    m_views->addWidget(m_emptyState);

    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 300, 260 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_filter);
    layout->addWidget(m_splitter, 1);

    connect(m_loader, &CatalogLoader::loaded, this, &CatalogPage::onLoaded);
    connect(session, &Session::workspaceChanged, this, &CatalogPage::onWorkspaceChanged);
    connect(session, &Session::catalogChanged, this, &CatalogPage::refresh);
    m_details->showPlaceholder(tr("Select a backup to see its details."));
    updateEmptyState();
}

CatalogPage::~CatalogPage() = default;

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
    m_model->setEntries({});
    m_loaded = false;
    refresh();
}

void CatalogPage::refresh()
{
    m_loader->load(session()->workspacePath());
    m_status = tr("Loading backups…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void CatalogPage::onLoaded(const CatalogLoadResult &result)
{
    const QString selected = selectedBackupId();
    m_model->setEntries(result.rows);
    m_loaded = true;
    showProblems(result);
    m_table->resizeColumnsToContents();
    updateEmptyState(); // before filling the details: a hidden text view loses its scroll position
    selectBackup(selected);

    if (result.workspaceError) {
        m_status = tr("No workspace loaded");
    } else {
        m_status = tr("%1 in %2")
                       .arg(tr("%n backup(s)", nullptr, int(result.rows.size())),
                           tr("%n repository(s)", nullptr, result.readableRepositoryCount));
        if (!result.problems.isEmpty())
            m_status = tr("%1, %2").arg(m_status, tr("%n unreadable", nullptr, int(result.problems.size())));
    }
    Q_EMIT statusTextChanged();
    Q_EMIT loadFinished();
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

QString CatalogPage::selectedBackupId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(BackupTableModel::BackupIdRole).toString();
}

void CatalogPage::selectBackup(const QString &backupId)
{
    int proxyRow = 0;
    if (const int sourceRow = m_model->rowOf(backupId); sourceRow >= 0) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (index.isValid())
            proxyRow = index.row();
    }
    if (proxyRow < m_proxy->rowCount())
        m_table->selectRow(proxyRow);
    showSelectedBackup();
}

void CatalogPage::showSelectedBackup()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->showPlaceholder(m_proxy->rowCount() == 0 && m_model->rowCount() > 0
                ? tr("No backup matches the filter.")
                : tr("Select a backup to see its details."));
        return;
    }
    const BackupRow *row = m_model->backupAt(m_proxy->mapToSource(rows.constFirst()).row());
    if (row && row->entry.manifest.id != m_details->backupId())
        m_details->showBackup(*row);
}

void CatalogPage::updateEmptyState()
{
    // Without backups the details pane has nothing to say: the empty state gets the room.
    m_details->setVisible(m_model->rowCount() > 0);
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

} // namespace coffer::ui
