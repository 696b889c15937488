#include "storage/StoragePage.h"

#include "BackgroundLoad.h"
#include "CatalogScan.h"
#include "DisplayFormat.h"
#include "Session.h"
#include "UiResources.h"
#include "storage/CompressionChart.h"
#include "storage/FreeSpaceChart.h"
#include "storage/GrowthSummary.h"
#include "storage/HistoryChart.h"
#include "storage/RetentionPreviewPanel.h"
#include "storage/ShareChart.h"
#include "storage/UsageTableModel.h"
#include "widgets/MessageBar.h"

#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace coffer::ui {

StoragePage::StoragePage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_databaseModel(new UsageTableModel(UsageTableModel::Grouping::Database, this))
    , m_monthModel(new UsageTableModel(UsageTableModel::Grouping::Month, this))
    , m_databaseProxy(new QSortFilterProxyModel(this))
    , m_monthProxy(new QSortFilterProxyModel(this))
    , m_messageBar(new MessageBar(this))
    , m_repositories(new QComboBox(this))
    , m_views(new QStackedWidget(this))
    , m_content(new QWidget(this))
    , m_emptyState(new QLabel(this))
    , m_path(new QLabel(this))
    , m_fileSystemBar(new QProgressBar(this))
    , m_fileSystem(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_history(new HistoryChart(this))
    , m_growth(new GrowthSummary(this))
    , m_share(new ShareChart(this))
    , m_compression(new CompressionChart(this))
    , m_retention(new RetentionPreviewPanel(this))
    , m_freeSpace(new FreeSpaceChart(this))
{
    initResources();
    setObjectName(QStringLiteral("storagePage"));
    setAccessibleName(tr("Storage"));

    m_repositories->setObjectName(QStringLiteral("repositoryCombo"));
    m_repositories->setAccessibleName(tr("Repository"));
    m_repositories->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_repositories, &QComboBox::currentIndexChanged, this, &StoragePage::showRepository);
    auto *repositoryLabel = new QLabel(tr("&Repository:"), this);
    repositoryLabel->setBuddy(m_repositories);

    m_path->setObjectName(QStringLiteral("repositoryPath"));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setStyleSheet(QStringLiteral("color: #6b7280;"));
    // A long path must not widen the window: it is cut short instead (the tooltip has it whole).
    m_path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *selector = new QHBoxLayout;
    selector->addWidget(repositoryLabel);
    selector->addWidget(m_repositories);
    selector->addWidget(m_path, 1);

    m_fileSystemBar->setObjectName(QStringLiteral("fileSystemBar"));
    m_fileSystemBar->setAccessibleName(tr("File system usage"));
    m_fileSystemBar->setRange(0, 1000);
    m_fileSystemBar->setMaximumHeight(m_fileSystemBar->fontMetrics().height() + 8);
    m_fileSystem->setObjectName(QStringLiteral("fileSystemLabel"));
    m_fileSystem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileSystem->setWordWrap(true);
    m_totals->setObjectName(QStringLiteral("totalsLabel"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setWordWrap(true);

    auto *overTime = new QWidget(this);
    auto *overTimeLayout = new QVBoxLayout(overTime);
    overTimeLayout->addWidget(m_history, 1);
    overTimeLayout->addWidget(m_growth);
    auto *share = new QSplitter(Qt::Horizontal, this);
    share->addWidget(m_share);
    share->addWidget(m_compression);
    share->setChildrenCollapsible(false);

    m_tabs->setObjectName(QStringLiteral("storageTabs"));
    m_tabs->setAccessibleName(tr("Storage views"));
    m_tabs->addTab(overTime, tr("&Over time"));
    m_tabs->addTab(share, tr("S&hare and compression"));
    m_tabs->addTab(m_retention, tr("Retention pre&view"));
    m_tabs->addTab(m_freeSpace, tr("&Free space"));
    m_tabs->addTab(createTables(), tr("&Tables"));
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_fileSystemBar);
    contentLayout->addWidget(m_fileSystem);
    contentLayout->addWidget(m_totals);
    contentLayout->addWidget(m_tabs, 1);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: #6b7280; font-size: 11pt;"));
    m_content->setObjectName(QStringLiteral("storageContent"));
    m_views->addWidget(m_content);
    m_views->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addLayout(selector);
    layout->addWidget(m_views, 1);

    connect(session, &Session::workspaceChanged, this, &StoragePage::onWorkspaceChanged);
    connect(session, &Session::catalogChanged, this, &StoragePage::refresh);
    updateEmptyState();
}

QWidget *StoragePage::createTables()
{
    auto *byDatabase = new QGroupBox(tr("By database"), this);
    (new QVBoxLayout(byDatabase))
        ->addWidget(
            createTable(m_databaseProxy, m_databaseModel, QStringLiteral("databaseTable"), tr("Storage by database")));
    auto *byMonth = new QGroupBox(tr("By month of creation"), this);
    (new QVBoxLayout(byMonth))
        ->addWidget(createTable(m_monthProxy, m_monthModel, QStringLiteral("monthTable"), tr("Storage by month")));
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->setObjectName(QStringLiteral("storageTables"));
    tables->addWidget(byDatabase);
    tables->addWidget(byMonth);
    tables->setChildrenCollapsible(false);
    return tables;
}

// m_load's destructor waits for a load still running; the load touches no member.
StoragePage::~StoragePage() = default;

QTableView *StoragePage::createTable(
    QSortFilterProxyModel *proxy, UsageTableModel *model, const QString &objectName, const QString &accessibleName)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(UsageTableModel::SortRole);
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(UsageTableModel::Name, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // A row per database or month: few enough to size every column to its contents.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}

QString StoragePage::title() const
{
    return tr("Storage");
}

QIcon StoragePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/storage.svg"));
}

QString StoragePage::statusText() const
{
    return m_status;
}

void StoragePage::onWorkspaceChanged()
{
    m_loaded = false;
    showReport({});
    refresh();
}

void StoragePage::refresh()
{
    const std::optional<Workspace> &workspace = session()->workspace();
    if (!workspace) {
        m_load.cancel();
        onLoaded({});
        return;
    }
    m_load.start([workspace = *workspace] { return StorageReport::read(workspace); },
        [this](const StorageReport &report) { onLoaded(report); });
    m_status = tr("Reading the repositories…");
    updateEmptyState();
    Q_EMIT statusTextChanged();
}

void StoragePage::onLoaded(const StorageReport &report)
{
    m_loaded = true;
    showReport(report);

    // Other repositories may still be listed: then the page is useful, and it is a warning.
    CatalogScan::showProblems(m_messageBar, *session(), report.problems, report.repositories.isEmpty());

    if (!session()->workspace()) {
        m_status = tr("No workspace loaded");
    } else {
        m_status = tr("%1 in %n repository(s)", nullptr, int(report.repositories.size()))
                       .arg(DisplayFormat::size(report.artifactBytes()));
        if (!report.problems.isEmpty())
            m_status = tr("%1, %2").arg(m_status, tr("%n unreadable", nullptr, int(report.problems.size())));
    }
    updateEmptyState();
    Q_EMIT statusTextChanged();
    Q_EMIT loadFinished();
}

void StoragePage::showReport(const StorageReport &report)
{
    const QString shown = m_repositories->currentText();
    m_report = report;
    {
        const QSignalBlocker blocker(m_repositories);
        m_repositories->clear();
        for (const RepositoryStorage &repository : std::as_const(m_report.repositories))
            m_repositories->addItem(repository.name);
        m_repositories->setCurrentIndex(std::max(0, m_repositories->findText(shown)));
    }
    showRepository(m_repositories->currentIndex());
}

void StoragePage::showRepository(int index)
{
    if (index < 0 || index >= m_report.repositories.size()) {
        m_databaseModel->setBuckets({}, 0);
        m_monthModel->setBuckets({}, 0);
        m_path->clear();
        showCharts(nullptr);
        updateEmptyState();
        return;
    }
    const RepositoryStorage &repository = m_report.repositories.at(index);
    const UsageBucket &total = repository.usage.total();
    m_databaseModel->setBuckets(repository.usage.byDatabase(), total.artifactBytes);
    m_monthModel->setBuckets(repository.usage.byMonth(), total.artifactBytes);
    m_path->setText(QDir::toNativeSeparators(repository.path));
    m_path->setToolTip(m_path->text());
    showFileSystem(repository);
    showCharts(&repository);
    if (total.backups == 0) {
        m_totals->setText(tr("No backups in this repository yet."));
    } else {
        const QString databases = tr("%n database(s)", nullptr, int(repository.usage.byDatabase().size()));
        m_totals->setText(tr("Total: %1 of %2 take %3 for %4 of databases (%5)")
                              .arg(tr("%n backup(s)", nullptr, total.backups), databases,
                                  DisplayFormat::size(total.artifactBytes), DisplayFormat::size(total.plaintextBytes),
                                  DisplayFormat::ratio(total.plaintextBytes, total.artifactBytes)));
    }
    updateEmptyState();
}

void StoragePage::showFileSystem(const RepositoryStorage &repository)
{
    const StorageUsage::FileSystem &fs = repository.fileSystem;
    const qint64 stored = repository.usage.total().artifactBytes;
    const bool known = fs.totalBytes > 0 && fs.freeBytes >= 0;
    m_fileSystemBar->setVisible(known);
    if (!known) {
        m_fileSystem->setText(
            tr("The free space of this file system is unknown; the backups take %1.").arg(DisplayFormat::size(stored)));
        return;
    }
    const qint64 used = std::max<qint64>(0, fs.totalBytes - fs.freeBytes);
    m_fileSystemBar->setValue(int(1000.0 * double(used) / double(fs.totalBytes)));
    m_fileSystemBar->setFormat(tr("%1 used of %2").arg(DisplayFormat::size(used), DisplayFormat::size(fs.totalBytes)));
    m_fileSystem->setText(
        tr("%1 free of %2; the backups take %3 (%4 % of the file system).")
            .arg(DisplayFormat::size(fs.freeBytes), DisplayFormat::size(fs.totalBytes), DisplayFormat::size(stored),
                QLocale().toString(100.0 * double(stored) / double(fs.totalBytes), 'f', 1)));
}

void StoragePage::showCharts(const RepositoryStorage *repository)
{
    const RepositoryStorage none;
    const RepositoryStorage &shown = repository ? *repository : none;
    m_history->setHistory(shown.history, shown.growth);
    m_growth->setGrowth(shown.growth, shown.history.deletedBackups(), shown.unplacedDeletions);
    m_share->setUsage(shown.usage);
    m_compression->setUsage(shown.usage);
    m_retention->setRepository(shown.entries, m_report.retention, m_report.readAt);
    QList<FreeSpaceChart::Bar> bars;
    for (const RepositoryStorage &each : std::as_const(m_report.repositories))
        bars << FreeSpaceChart::Bar{ tr("repository %1").arg(each.name), each.volume };
    for (const StorageVolume &medium : std::as_const(m_report.removableMedia))
        bars << FreeSpaceChart::Bar{ tr("removable %1").arg(medium.name), medium };
    m_freeSpace->setBars(bars);
}

void StoragePage::updateEmptyState()
{
    if (!m_report.repositories.isEmpty()) {
        m_views->setCurrentWidget(m_content);
        return;
    }
    if (!m_loaded || m_load.isLoading())
        m_emptyState->setText(tr("Reading the repositories…"));
    else if (session()->workspacePath().isEmpty())
        m_emptyState->setText(tr("Open a workspace to see what its backups take."));
    else if (session()->workspace() && session()->workspace()->repositories().isEmpty())
        m_emptyState->setText(tr("The workspace lists no repositories. Add one under “repositories:”."));
    else
        m_emptyState->setText(tr("No storage to show."));
    m_views->setCurrentWidget(m_emptyState);
}

} // namespace coffer::ui
