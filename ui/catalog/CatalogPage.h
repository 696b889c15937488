#pragma once

#include "Page.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace coffer::ui {

class BackupDetailsView;
class BackupTableModel;
class CatalogLoader;
class MessageBar;
struct CatalogLoadResult;

// The backups of every repository in the workspace: a filterable, sortable table, the details
// of the selected backup, and an inline message for what could not be read.
class CatalogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPage)

public:
    explicit CatalogPage(Session *session, QWidget *parent = nullptr);
    ~CatalogPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override;

    void refresh() override;

private:
    void onWorkspaceChanged();
    void onLoaded(const CatalogLoadResult &result);
    void showProblems(const CatalogLoadResult &result);
    void showSelectedBackup();
    void selectBackup(const QString &backupId);
    void updateEmptyState();
    QString selectedBackupId() const;

    CatalogLoader *m_loader = nullptr;
    BackupTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    BackupDetailsView *m_details = nullptr;
    QSplitter *m_splitter = nullptr;

    QString m_status;
    bool m_loaded = false;
};

} // namespace coffer::ui
