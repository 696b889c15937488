#include "MainWindow.h"

#include "Page.h"
#include "Session.h"
#include "UiResources.h"
#include "catalog/CatalogPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace coffer::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_session(new Session(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Coffer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/coffer.svg")));
    resize(1100, 650);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(132);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget { background: palette(window); outline: 0; show-decoration-selected: 1; }"
                       "QListWidget::item { padding: 6px 4px; border-radius: 4px; color: #1d2b3a; }"
                       "QListWidget::item:selected { background: #d6e2f2; color: #1d2b3a; }"
                       "QListWidget::item:hover:!selected { background: #e8eef7; }"));
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    m_pages->setObjectName(QStringLiteral("pages"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setAccessibleName(tr("Status"));
    statusBar()->addWidget(m_status, 1);

    createActions();
    // Before the pages connect: a page may finish loading inside its own slot.
    connect(m_session, &Session::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    addPage(new CatalogPage(m_session, this));
    m_navigation->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_openAction->setIcon(QIcon(QStringLiteral(":/icons/database.svg")));
    m_openAction->setToolTip(tr("Open a workspace file (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseWorkspace);

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_refreshAction->setToolTip(tr("Read the workspace and its repositories again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    fileMenu->addAction(m_refreshAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setMovable(false);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_refreshAction);
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

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

QString MainWindow::workspacePath() const
{
    return m_session->workspacePath();
}

void MainWindow::openWorkspace(const QString &path)
{
    setWindowTitle(tr("Coffer — %1").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    m_session->openWorkspace(path);
}

void MainWindow::onWorkspaceChanged()
{
    m_pending = QSet<Page *>(m_pageList.cbegin(), m_pageList.cend());
}

void MainWindow::chooseWorkspace()
{
    const QString start = workspacePath().isEmpty() ? QDir::homePath() : QFileInfo(workspacePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), start, tr("Workspace files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::refresh()
{
    if (workspacePath().isEmpty())
        return;
    m_pending = QSet<Page *>(m_pageList.cbegin(), m_pageList.cend());
    for (Page *page : std::as_const(m_pageList))
        page->refresh();
}

void MainWindow::showPage(int index)
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

} // namespace coffer::ui
