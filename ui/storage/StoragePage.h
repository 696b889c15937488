#pragma once

#include "BackgroundLoad.h"
#include "Page.h"
#include "storage/StorageReport.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace coffer::ui {

class CompressionChart;
class FreeSpaceChart;
class GrowthSummary;
class HistoryChart;
class MessageBar;
class RetentionPreviewPanel;
class ShareChart;
class UsageTableModel;

// What the backups take: per repository, the file system's free space, the totals, and tabs with
// storage over time (deleted backups included) and its growth, the share and compression per
// database, a retention preview, the free space of every file system, and the tables by
// database and by month — the numbers `coffer-cli size` prints.
class StoragePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoragePage)

public:
    explicit StoragePage(Session *session, QWidget *parent = nullptr);
    ~StoragePage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override { return m_load.isLoading(); }

    void refresh() override;

    // The report on screen (empty before the first load).
    const StorageReport &report() const { return m_report; }
    UsageTableModel *databaseModel() const { return m_databaseModel; }
    UsageTableModel *monthModel() const { return m_monthModel; }
    HistoryChart *historyChart() const { return m_history; }
    ShareChart *shareChart() const { return m_share; }
    CompressionChart *compressionChart() const { return m_compression; }
    FreeSpaceChart *freeSpaceChart() const { return m_freeSpace; }
    GrowthSummary *growthSummary() const { return m_growth; }
    RetentionPreviewPanel *retentionPreview() const { return m_retention; }

private:
    QTableView *createTable(
        QSortFilterProxyModel *proxy, UsageTableModel *model, const QString &objectName, const QString &accessibleName);
    void onWorkspaceChanged();
    void onLoaded(const StorageReport &report);
    void showReport(const StorageReport &report);
    void showRepository(int index);
    void showFileSystem(const RepositoryStorage &repository);
    void showCharts(const RepositoryStorage *repository);
    QWidget *createTables();
    void updateEmptyState();

    BackgroundLoad m_load{ this };
    UsageTableModel *m_databaseModel = nullptr;
    UsageTableModel *m_monthModel = nullptr;
    QSortFilterProxyModel *m_databaseProxy = nullptr;
    QSortFilterProxyModel *m_monthProxy = nullptr;
    MessageBar *m_messageBar = nullptr;
    QComboBox *m_repositories = nullptr;
    QStackedWidget *m_views = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_path = nullptr;
    QProgressBar *m_fileSystemBar = nullptr;
    QLabel *m_fileSystem = nullptr;
    QLabel *m_totals = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryChart *m_history = nullptr;
    GrowthSummary *m_growth = nullptr;
    ShareChart *m_share = nullptr;
    CompressionChart *m_compression = nullptr;
    RetentionPreviewPanel *m_retention = nullptr;
    FreeSpaceChart *m_freeSpace = nullptr;

    StorageReport m_report;
    QString m_status;
    bool m_loaded = false;
};

} // namespace coffer::ui
