#pragma once

#include <QList>
#include <QMainWindow>
#include <QSet>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace coffer::ui {

class AuditPage;
class BackupActions;
class CatalogPage;
class ConsoleScheduler;
class DashboardPage;
class FirstRunPage;
class JobsPage;
class MessageBar;
class Page;
class ReportsPage;
class RestoreWizard;
class Session;
class SettingsPage;
class StoragePage;
struct RestoreRequest;

// The console's frame: navigation between pages, the menus and toolbar, the status bar, and the
// first-run page while there is no workspace. It wires the pages together; the pages do the work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the workspace at `path`; when the file does not exist, the first-run page offers to create it.
    void openWorkspace(const QString &path);
    QString workspacePath() const;
    Session *session() const { return m_session; }
    Page *currentPage() const;
    void showPage(Page *page);
    QList<Page *> pages() const { return m_pageList; }
    bool isShowingFirstRun() const;
    // Opens the restore wizard (not modal; several may be open) pre-filled from `request`.
    RestoreWizard *openRestoreWizard(const RestoreRequest &request);

Q_SIGNALS:
    // Every page finished loading the workspace opened (or refreshed) last.
    void workspaceLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page *page);
    void createPages();
    void createActions();
    void createMenus();
    void createToolBar();
    void chooseWorkspace();
    void refresh();
    void showPageAt(int index);
    void updateStatus();
    void onPageLoaded(Page *page);
    void onWorkspaceChanged();
    void updateBackupMenu();
    void updateRecentMenu();
    void backUp(const QStringList &databases);
    void showAbout();
    void restoreWindowState();
    void saveWindowState() const;

    Session *m_session = nullptr;
    QStackedWidget *m_modes = nullptr; // the first-run page, or the console
    FirstRunPage *m_firstRun = nullptr;
    QWidget *m_console = nullptr;
    MessageBar *m_messageBar = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_status = nullptr;

    DashboardPage *m_dashboard = nullptr;
    CatalogPage *m_catalog = nullptr;
    JobsPage *m_jobs = nullptr;
    StoragePage *m_storage = nullptr;
    ReportsPage *m_reports = nullptr;
    AuditPage *m_audit = nullptr;
    SettingsPage *m_settings = nullptr;
    BackupActions *m_backupActions = nullptr;
    ConsoleScheduler *m_scheduler = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_backUpAction = nullptr;
    QMenu *m_backUpMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QList<Page *> m_pageList;
    QSet<Page *> m_pending;
    bool m_quitConfirmed = false;
};

} // namespace coffer::ui
