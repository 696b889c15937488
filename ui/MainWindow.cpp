#include "MainWindow.h"

#include "Page.h"
#include "RecentWorkspaces.h"
#include "Session.h"
#include "UiResources.h"
#include "audit/AuditPage.h"
#include "backup/BackupStarter.h"
#include "catalog/BackupActions.h"
#include "catalog/BackupTableModel.h"
#include "catalog/CatalogPage.h"
#include "dashboard/DashboardPage.h"
#include "firstrun/FirstRunPage.h"
#include "jobs/JobCountLabel.h"
#include "jobs/JobNotifier.h"
#include "jobs/JobQueue.h"
#include "jobs/JobsPage.h"
#include "reports/ReportsPage.h"
#include "restore/RestoreWizard.h"
#include "schedule/ConsoleScheduler.h"
#include "settings/SettingsPage.h"
#include "storage/StoragePage.h"
#include "widgets/MessageBar.h"
#include "widgets/Question.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_modes(new QStackedWidget(this))
    , m_firstRun(new FirstRunPage(this))
    , m_console(new QWidget(this))
    , m_messageBar(new MessageBar(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Coffer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/coffer.svg")));
    resize(1280, 800);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(140);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget { background: palette(window); outline: 0; show-decoration-selected: 1; }"
        "QListWidget::item { padding: 6px 4px; border-radius: 4px; color: palette(window-text); }"
        "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPageAt);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_messageBar->setObjectName(QStringLiteral("windowMessageBar"));

    auto *pageArea = new QVBoxLayout;
    pageArea->setContentsMargins(0, 0, 0, 0);
    pageArea->addWidget(m_messageBar);
    pageArea->addWidget(m_pages, 1);
    auto *layout = new QHBoxLayout(m_console);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addLayout(pageArea, 1);

    m_modes->addWidget(m_console);
    m_modes->addWidget(m_firstRun);
    setCentralWidget(m_modes);
    connect(m_firstRun, &FirstRunPage::workspaceCreated, this, &MainWindow::openWorkspace);

    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setAccessibleName(tr("Status"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(new JobCountLabel(m_session, this));
    auto *notifier = new JobNotifier(m_session, this);
    m_scheduler = new ConsoleScheduler(m_session, this);
    notifier->watch(m_scheduler);

    // Before the pages connect: a page may finish loading inside its own slot.
    connect(m_session, &Session::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    createPages();
    createActions();
    createMenus();
    createToolBar();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_dashboard = new DashboardPage(m_session, this);
    m_catalog = new CatalogPage(m_session, this);
    m_jobs = new JobsPage(m_session, this);
    m_storage = new StoragePage(m_session, this);
    m_reports = new ReportsPage(m_session, this);
    m_audit = new AuditPage(m_session, this);
    m_settings = new SettingsPage(m_session, this);
    for (Page *page : { static_cast<Page *>(m_dashboard), static_cast<Page *>(m_catalog), static_cast<Page *>(m_jobs),
             static_cast<Page *>(m_storage), static_cast<Page *>(m_reports), static_cast<Page *>(m_audit),
             static_cast<Page *>(m_settings) })
        addPage(page);

    m_backupActions = new BackupActions(m_session, this);
    m_catalog->addSelectionActions(m_backupActions->actions());
    connect(m_catalog, &CatalogPage::selectionChanged, this, [this] {
        const QList<BackupRow> rows = m_catalog->selectedRows();
        m_backupActions->setSelection(rows);
        QMap<QString, QStringList> selection;
        for (const BackupRow &row : rows)
            selection[row.repository] << row.entry.manifest.id;
        m_reports->setCatalogSelection(selection);
    });
    connect(m_backupActions, &BackupActions::message, m_catalog->messageBar(), &MessageBar::showMessage);
    connect(m_dashboard, &DashboardPage::databaseActivated, this, [this](const QString &name) {
        m_catalog->showDatabase(name);
        showPage(m_catalog);
    });
    connect(m_reports, &ReportsPage::backupActivated, this, [this](const QString &id) {
        m_catalog->showBackup(id);
        showPage(m_catalog);
    });
    connect(m_backupActions, &BackupActions::restoreRequested, this, &MainWindow::openRestoreWizard);
    connect(m_dashboard, &DashboardPage::restoreRequested, this,
        [this](const QString &name) { openRestoreWizard(RestoreRequest{ {}, {}, name }); });
}

RestoreWizard *MainWindow::openRestoreWizard(const RestoreRequest &request)
{
    auto *wizard = new RestoreWizard(m_session, request, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &RestoreWizard::showBackupRequested, this, [this](const QString &id) {
        m_catalog->showBackup(id);
        showPage(m_catalog);
        activateWindow();
    });
    wizard->show();
    return wizard;
}

void MainWindow::addPage(Page *page)
{
    m_pageList << page;
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_navigation);
    item->setToolTip(page->title());
    connect(page, &Page::statusTextChanged, this, &MainWindow::updateStatus);
    connect(page, &Page::loadFinished, this, [this, page] { onPageLoaded(page); });
}

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/database.svg")), tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a workspace file (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspace);

    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Read the workspace and its repositories again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_backUpAction = new QAction(QIcon(QStringLiteral(":/icons/backup.svg")), tr("&Back Up Now"), this);
    m_backUpAction->setObjectName(QStringLiteral("backUpAction"));
    m_backUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_backUpAction->setToolTip(tr("Back up every database of the workspace now (Ctrl+B); the arrow picks one"));
    m_backUpAction->setEnabled(false);
    connect(m_backUpAction, &QAction::triggered, this, [this] { backUp({}); });
    m_backUpMenu = new QMenu(tr("Back Up"), this);
    m_backUpMenu->setObjectName(QStringLiteral("backUpMenu"));
    m_backUpAction->setMenu(m_backUpMenu);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->addAction(m_refreshAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);
    updateRecentMenu();

    QMenu *backupMenu = menuBar()->addMenu(tr("&Backup"));
    backupMenu->addAction(m_backUpAction);
    backupMenu->addSeparator();
    for (QAction *action : m_backupActions->actions())
        backupMenu->addAction(action);
    backupMenu->addSeparator();
    backupMenu->addAction(m_scheduler->enabledAction());

    m_goMenu = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pageList.size(); ++i) {
        QAction *go = m_goMenu->addAction(m_pageList.at(i)->icon(), m_pageList.at(i)->title());
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Coffer"), this, &MainWindow::showAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_backUpAction);
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(m_backUpAction))) {
        button->setPopupMode(QToolButton::MenuButtonPopup);
        button->setObjectName(QStringLiteral("backUpButton"));
    }
    toolBar->addAction(m_backupActions->verifyQuickAction());
    toolBar->addAction(m_backupActions->restoreAction());
    toolBar->addSeparator();
    toolBar->addAction(m_refreshAction);
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

void MainWindow::showPage(Page *page)
{
    const int index = int(m_pageList.indexOf(page));
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

bool MainWindow::isShowingFirstRun() const
{
    return m_modes->currentWidget() == m_firstRun;
}

QString MainWindow::workspacePath() const
{
    return m_session->workspacePath();
}

void MainWindow::openWorkspace(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    setWindowTitle(tr("Coffer — %1").arg(QFileInfo(absolute).fileName()));
    setWindowFilePath(absolute);
    m_messageBar->hideMessage();
    m_session->openWorkspace(absolute);
}

void MainWindow::onWorkspaceChanged()
{
    m_pending = QSet<Page *>(m_pageList.cbegin(), m_pageList.cend());
    // The catalog's rows belong to the previous workspace until it has reloaded: act on none of them.
    m_backupActions->setSelection({});
    const QString path = m_session->workspacePath();
    const bool missing = !m_session->workspace() && !QFileInfo::exists(path);
    if (missing) {
        m_firstRun->setWorkspacePath(path);
        m_modes->setCurrentWidget(m_firstRun);
    } else {
        m_modes->setCurrentWidget(m_console);
        if (m_session->workspace())
            RecentWorkspaces::add(path);
    }
    m_backUpAction->setEnabled(m_session->workspace() && !m_session->workspace()->databases().isEmpty());
    updateBackupMenu();
    updateRecentMenu();
}

void MainWindow::updateBackupMenu()
{
    m_backUpMenu->clear();
    if (!m_session->workspace())
        return;
    QAction *all = m_backUpMenu->addAction(tr("All Databases"));
    connect(all, &QAction::triggered, this, [this] { backUp({}); });
    m_backUpMenu->addSeparator();
    for (const DatabaseEntry &database : m_session->workspace()->databases()) {
        QAction *one = m_backUpMenu->addAction(
            database.group.isEmpty() ? database.name : tr("%1 (%2)").arg(database.name, database.group));
        one->setData(database.name);
        connect(one, &QAction::triggered, this, [this, name = database.name] { backUp({ name }); });
    }
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentWorkspaces::paths();
    for (const QString &path : recent) {
        QAction *open = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(open, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::backUp(const QStringList &databases)
{
    const QStringList problems
        = databases.isEmpty() ? BackupStarter::startAll(*m_session) : BackupStarter::start(*m_session, databases);
    if (problems.isEmpty())
        m_messageBar->hideMessage();
    else
        m_messageBar->showMessage(problems.join(QLatin1Char('\n')), MessageBar::Type::Error);
}

void MainWindow::chooseWorkspace()
{
    const QString start = workspacePath().isEmpty() ? QDir::homePath() : QFileInfo(workspacePath()).absolutePath();
    auto *dialog
        = new QFileDialog(this, tr("Open Workspace"), start, tr("Workspace files (*.yaml *.yml);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openWorkspaceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openWorkspace);
    dialog->open();
}

void MainWindow::refresh()
{
    if (workspacePath().isEmpty())
        return;
    m_session->reloadWorkspace();
}

void MainWindow::showPageAt(int index)
{
    if (index < 0 || index >= m_pageList.size())
        return;
    m_pages->setCurrentWidget(m_pageList.at(index));
    updateStatus();
}

void MainWindow::updateStatus()
{
    const Page *page = currentPage();
    m_status->setText(page ? page->statusText() : QString());
}

void MainWindow::onPageLoaded(Page *page)
{
    if (!m_pending.remove(page) || !m_pending.isEmpty())
        return;
    Q_EMIT workspaceLoaded();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Coffer"),
        tr("<b>Coffer %1</b><br>Backup and restore console for SQLite databases.")
            .arg(QCoreApplication::applicationVersion()),
        QMessageBox::Close, this);
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/coffer.svg")).pixmap(48, 48));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    const QString page = settings.value(kPageKey).toString();
    int row = 0;
    for (int i = 0; i < m_pageList.size(); ++i)
        if (m_pageList.at(i)->objectName() == page)
            row = i;
    m_navigation->setCurrentRow(row);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (const Page *page = currentPage())
        settings.setValue(kPageKey, page->objectName());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int pending = m_session->jobs()->pendingCount();
    if (pending > 0 && !m_quitConfirmed) {
        // Closing would cancel them: ask first, and close again once answered.
        event->ignore();
        ask(this,
            { .title = tr("Quit Coffer"),
                .text = tr("%n job(s) still running or queued.", nullptr, pending),
                .informative
                = tr("Quitting cancels them. A backup that is cancelled leaves nothing behind; a restore past "
                     "its install step finishes first."),
                .detail = {},
                .acceptText = tr("Cancel Jobs and Quit"),
                .destructive = true },
            [this](bool accepted) {
                if (!accepted)
                    return;
                m_quitConfirmed = true;
                m_session->jobs()->cancelAll();
                close();
            });
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace coffer::ui
