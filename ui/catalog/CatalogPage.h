#pragma once

#include "Page.h"

#include <QByteArray>
#include <QList>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace coffer::ui {

class BackupDetailsPane;
class BackupFilterProxy;
class BackupTableModel;
class BackupTableView;
class CatalogFilterBar;
class CatalogLoader;
class MessageBar;
struct BackupRow;
struct CatalogLoadResult;

// The backups of every repository in the workspace: a filterable, sortable table, the details
// of the current backup, the actions others add for the selection, and an inline message for
// what could not be read. Loads in the background; 100,000 backups stay fluid.
class CatalogPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogPage)

public:
    explicit CatalogPage(Session *session, QWidget *parent = nullptr);
    // Saves the column layout and the splitter (QSettings, "catalog/").
    ~CatalogPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override;

    void refresh() override;

    // Clears the other filters and shows only this database's backups.
    void showDatabase(const QString &name);
    // Clears the filters, then selects and scrolls to this backup, now or once it is loaded.
    void showBackup(const QString &backupId);
    // The selected backups, newest first (the catalog's order, whatever the table's sort).
    QList<BackupRow> selectedRows() const;
    // Adds actions on the selection (a separator action separates) to a toolbar above the table
    // and to the table's context menu; their shortcuts work while the page has the focus.
    void addSelectionActions(const QList<QAction *> &actions);
    MessageBar *messageBar() const { return m_messageBar; }

Q_SIGNALS:
    void selectionChanged();

private:
    void onWorkspaceChanged();
    void onLoaded(const CatalogLoadResult &result);
    void onFilterChanged();
    void showProblems(const CatalogLoadResult &result);
    void showCurrentBackup(bool reread = false);
    // Selects the rows of `ids` (those the table shows) and makes `current` the current row.
    void restoreSelection(const QStringList &ids, const QString &current);
    bool selectAndReveal(const QString &backupId);
    void reportMissing(const QString &backupId);
    void updateEmptyState();
    void updateStatus();
    QString currentBackupId() const;
    void restoreLayout();
    void saveLayout() const;

    CatalogLoader *m_loader = nullptr;
    BackupTableModel *m_model = nullptr;
    BackupFilterProxy *m_proxy = nullptr;
    MessageBar *m_messageBar = nullptr;
    CatalogFilterBar *m_filterBar = nullptr;
    QWidget *m_busy = nullptr;
    QToolBar *m_actionsBar = nullptr;
    QStackedWidget *m_views = nullptr;
    BackupTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    BackupDetailsPane *m_details = nullptr;
    QSplitter *m_splitter = nullptr;

    QString m_status;
    QString m_shownWorkspace;
    QByteArray m_savedSplitter; // restored once both panes show
    QString m_pendingBackup; // showBackup() before its row was loaded
    int m_repositoryCount = 0;
    int m_problemCount = 0;
    bool m_loaded = false;
    bool m_workspaceFailed = false;
};

} // namespace coffer::ui
