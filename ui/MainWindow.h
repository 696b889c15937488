#pragma once

#include <QList>
#include <QMainWindow>
#include <QSet>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace coffer::ui {

class Page;
class Session;

// The console's frame: navigation between pages, the menus and toolbar, the status bar.
// It opens a workspace and hands it to the pages; the pages do the work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openWorkspace(const QString &path);
    QString workspacePath() const;
    Session *session() const { return m_session; }
    Page *currentPage() const;

Q_SIGNALS:
    // Every page finished loading the workspace opened (or refreshed) last.
    void workspaceLoaded();

private:
    void addPage(Page *page);
    void createActions();
    void chooseWorkspace();
    void refresh();
    void showPage(int index);
    void updateStatus();
    void onPageLoaded(Page *page);

    void onWorkspaceChanged();

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<Page *> m_pageList;
    QSet<Page *> m_pending;
    Session *m_session = nullptr;
};

} // namespace coffer::ui
