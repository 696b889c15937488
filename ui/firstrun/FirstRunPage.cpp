#include "firstrun/FirstRunPage.h"

#include "UiResources.h"
#include "firstrun/FirstRunDatabaseModel.h"
#include "repository/Repository.h"
#include "settings/DatabaseFileState.h"
#include "settings/SettingsWidgets.h"
#include "widgets/MessageBar.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceEditor.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

namespace {

using CheckedFiles = QList<QPair<QString, DatabaseFileState>>;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

FirstRunPage::FirstRunPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new FirstRunDatabaseModel(this))
    , m_messageBar(new MessageBar(this))
    , m_workspace(new QLineEdit(this))
    , m_repository(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_remove(new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("&Remove"), this))
    , m_create(new QPushButton(QIcon(QStringLiteral(":/icons/coffer.svg")), tr("&Create Workspace"), this))
{
    initResources();
    setObjectName(QStringLiteral("firstRunPage"));
    setAccessibleName(tr("Create a workspace"));
    setAcceptDrops(true);

    auto *title = new QLabel(tr("Welcome to Coffer"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *welcome = new QLabel(tr("Coffer backs up SQLite databases into a repository folder, proves that every backup "
                                  "can be restored, and keeps the history you ask for. Choose where its workspace file "
                                  "and the backups go, add the databases to protect, and create the workspace. "
                                  "Everything can be changed later under Settings."),
        this);
    welcome->setWordWrap(true);

    m_workspace->setObjectName(QStringLiteral("workspacePathEdit"));
    m_workspace->setAccessibleName(tr("Workspace file"));
    m_repository->setObjectName(QStringLiteral("repositoryPathEdit"));
    m_repository->setAccessibleName(tr("Repository folder"));
    auto *browseWorkspace = new QPushButton(tr("B&rowse…"), this);
    browseWorkspace->setObjectName(QStringLiteral("browseWorkspaceButton"));
    browseWorkspace->setAccessibleName(tr("Choose the workspace file"));
    auto *browseRepository = new QPushButton(tr("Bro&wse…"), this);
    browseRepository->setObjectName(QStringLiteral("browseRepositoryButton"));
    browseRepository->setAccessibleName(tr("Choose the repository folder"));
    connect(browseWorkspace, &QPushButton::clicked, this, &FirstRunPage::chooseWorkspaceFile);
    connect(browseRepository, &QPushButton::clicked, this, &FirstRunPage::chooseRepositoryFolder);
    connect(m_workspace, &QLineEdit::textChanged, this, [this] {
        if (!m_repositoryChosen && !typedPath(m_workspace->text()).isEmpty())
            m_repository->setText(QDir::toNativeSeparators(
                QFileInfo(typedPath(m_workspace->text())).absolutePath() + QStringLiteral("/coffer-backups")));
        updateButtons();
    });
    connect(m_repository, &QLineEdit::textEdited, this, [this] { m_repositoryChosen = true; });
    connect(m_repository, &QLineEdit::textChanged, this, &FirstRunPage::updateButtons);

    auto *workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspace, 1);
    workspaceRow->addWidget(browseWorkspace);
    auto *repositoryRow = new QHBoxLayout;
    repositoryRow->addWidget(m_repository, 1);
    repositoryRow->addWidget(browseRepository);
    auto *paths = new QFormLayout;
    paths->addRow(formLabel(tr("&Workspace file:"), m_workspace, this), workspaceRow);
    paths->addRow(QString(), hintLabel(tr("A YAML file listing your databases and repositories."), this));
    paths->addRow(formLabel(tr("Re&pository folder:"), m_repository, this), repositoryRow);
    paths->addRow(QString(),
        hintLabel(tr("Where backups go. A folder that already holds a Coffer repository is "
                     "used as it is; otherwise it is created."),
            this));

    auto *databases = new QGroupBox(tr("Databases to protect"), this);
    m_table->setObjectName(QStringLiteral("firstRunDatabaseTable"));
    m_table->setAccessibleName(tr("Databases to protect"));
    m_table->setModel(m_model);
    setUpSettingsTable(m_table);
    m_table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setColumnWidth(FirstRunDatabaseModel::Name, 180);
    m_table->setColumnWidth(FirstRunDatabaseModel::Group, 160);
    m_table->setMinimumHeight(140);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FirstRunPage::updateButtons);
    auto *removeAction = new QAction(this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &FirstRunPage::removeSelected);
    m_table->addAction(removeAction);
    connect(m_model, &FirstRunDatabaseModel::editRefused, this,
        [this](const QString &why) { m_messageBar->showMessage(why, MessageBar::Type::Error); });

    auto *add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addDatabasesButton"));
    add->setAccessibleName(tr("Add database files"));
    add->setShortcut(QKeySequence::New);
    add->setToolTip(tr("Choose SQLite database files (Ctrl+N); you can also drop them onto this page"));
    connect(add, &QPushButton::clicked, this, &FirstRunPage::chooseDatabases);
    m_remove->setObjectName(QStringLiteral("removeDatabaseButton"));
    m_remove->setAccessibleName(tr("Remove the selected database from the list"));
    connect(m_remove, &QPushButton::clicked, this, &FirstRunPage::removeSelected);
    auto *databaseButtons = new QHBoxLayout;
    databaseButtons->addWidget(add);
    databaseButtons->addWidget(m_remove);
    databaseButtons->addStretch(1);
    auto *databaseLayout = new QVBoxLayout(databases);
    databaseLayout->addWidget(hintLabel(tr("Add SQLite database files, or drop them here. Names come from the file "
                                           "names; double-click a name or group to change it."),
        this));
    databaseLayout->addWidget(m_table, 1);
    databaseLayout->addLayout(databaseButtons);

    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setAccessibleName(tr("Create the workspace and its repository"));
    m_create->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_create->setToolTip(tr("Initialise the repository and write the workspace file (Ctrl+Return)"));
    connect(m_create, &QPushButton::clicked, this, &FirstRunPage::create);

    auto *content = new QWidget(this);
    content->setMaximumWidth(860);
    auto *column = new QVBoxLayout(content);
    column->addWidget(title);
    column->addWidget(welcome);
    column->addWidget(m_messageBar);
    column->addLayout(paths);
    column->addWidget(databases, 1);
    column->addWidget(m_create, 0, Qt::AlignRight);
    auto *layout = new QHBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(content, 4);
    layout->addStretch(1);

    setWorkspacePath(Workspace::resolvePath());
}

FirstRunPage::~FirstRunPage() = default;

QString FirstRunPage::workspacePath() const
{
    return typedPath(m_workspace->text());
}

void FirstRunPage::setWorkspacePath(const QString &path)
{
    m_workspace->setText(QDir::toNativeSeparators(path));
}

QString FirstRunPage::repositoryPath() const
{
    return typedPath(m_repository->text());
}

void FirstRunPage::setRepositoryPath(const QString &path)
{
    m_repositoryChosen = true;
    m_repository->setText(QDir::toNativeSeparators(path));
}

void FirstRunPage::addFiles(const QStringList &paths)
{
    QStringList fresh;
    for (const QString &path : paths) {
        const QString clean = typedPath(path);
        if (!clean.isEmpty() && !m_model->contains(clean) && !fresh.contains(clean))
            fresh << clean;
    }
    if (fresh.isEmpty()) {
        Q_EMIT filesChecked(); // all of them are listed already
        return;
    }
    ++m_checking;
    updateButtons();
    auto *watcher = new QFutureWatcher<CheckedFiles>(this);
    connect(watcher, &QFutureWatcher<CheckedFiles>::finished, this, [this, watcher] {
        watcher->deleteLater();
        QStringList refused;
        for (const auto &[path, state] : watcher->result()) {
            const QString file = QFileInfo(path).fileName();
            if (state.kind == DatabaseFileState::Kind::Ok) {
                if (!m_model->contains(path))
                    m_model->add(path);
            } else if (state.kind == DatabaseFileState::Kind::Missing) {
                refused << tr("%1 does not exist").arg(file);
            } else if (state.kind == DatabaseFileState::Kind::NotReadable) {
                refused << tr("%1 cannot be read").arg(file);
            } else {
                refused << tr("%1 is not a SQLite database").arg(file);
            }
        }
        if (refused.isEmpty())
            m_messageBar->hideMessage();
        else
            m_messageBar->showMessage(tr("Not added: %1.").arg(refused.join(tr("; "))), MessageBar::Type::Warning);
        --m_checking;
        updateButtons();
        Q_EMIT filesChecked();
    });
    watcher->setFuture(QtConcurrent::run([fresh] {
        CheckedFiles checked;
        for (const QString &path : fresh)
            checked.append({ path, DatabaseFileState::check(path) });
        return checked;
    }));
}

void FirstRunPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FirstRunPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void FirstRunPage::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

void FirstRunPage::chooseWorkspaceFile()
{
    auto *dialog = new QFileDialog(this, tr("Workspace File"), QFileInfo(workspacePath()).absolutePath());
    dialog->setObjectName(QStringLiteral("workspaceFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("yaml"));
    dialog->setNameFilters({ tr("Workspace files (*.yaml *.yml)"), tr("All files (*)") });
    connect(dialog, &QFileDialog::fileSelected, this, &FirstRunPage::setWorkspacePath);
    dialog->open();
}

void FirstRunPage::chooseRepositoryFolder()
{
    auto *dialog = new QFileDialog(this, tr("Repository Folder"), QFileInfo(workspacePath()).absolutePath());
    dialog->setObjectName(QStringLiteral("repositoryFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &FirstRunPage::setRepositoryPath);
    dialog->open();
}

void FirstRunPage::chooseDatabases()
{
    auto *dialog = new QFileDialog(this, tr("Add Databases"));
    dialog->setObjectName(QStringLiteral("databaseFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({ tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3)"), tr("All files (*)") });
    connect(dialog, &QFileDialog::filesSelected, this, &FirstRunPage::addFiles);
    dialog->open();
}

void FirstRunPage::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        m_model->removeAt(rows.first().row());
}

void FirstRunPage::create()
{
    if (!m_create->isEnabled())
        return;
    m_creating = true;
    updateButtons();
    m_messageBar->showMessage(tr("Creating the workspace…"), MessageBar::Type::Information);
    const QString workspace = workspacePath();
    const QString repository = repositoryPath();
    const QList<DatabaseEntry> databases = m_model->databases();
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, workspace] {
        watcher->deleteLater();
        const Result<void> created = watcher->result();
        onCreated(workspace, created ? QString() : created.error().message);
    });
    watcher->setFuture(QtConcurrent::run([workspace, repository, databases]() -> Result<void> {
        // Checked first, so a workspace that cannot be written leaves no new repository behind.
        if (QFileInfo::exists(workspace))
            return fail(ErrorCode::InvalidArgument,
                QStringLiteral("A workspace file already exists at %1; open it instead, or choose another "
                               "path")
                    .arg(QDir::toNativeSeparators(workspace)));
        if (QFileInfo::exists(repository + QStringLiteral("/coffer-repo.json"))) {
            if (auto opened = Repository::open(repository); !opened)
                return fail(opened.error().code,
                    QStringLiteral("The folder %1 holds a repository Coffer cannot use: %2")
                        .arg(QDir::toNativeSeparators(repository), opened.error().message));
        } else if (auto made = Repository::init(repository); !made) {
            return fail(made.error().code,
                QStringLiteral("Cannot create a repository in %1: %2")
                    .arg(QDir::toNativeSeparators(repository), made.error().message));
        }
        RepositoryEntry entry;
        entry.name = WorkspaceEditor::nameFor(repository, {});
        entry.path = repository;
        entry.isDefault = true;
        return WorkspaceEditor::create(workspace, entry, databases);
    }));
}

void FirstRunPage::onCreated(const QString &workspacePath, const QString &error)
{
    m_creating = false;
    updateButtons();
    if (!error.isEmpty()) {
        m_messageBar->showMessage(error, MessageBar::Type::Error);
        return;
    }
    m_messageBar->hideMessage();
    Q_EMIT workspaceCreated(workspacePath);
}

void FirstRunPage::updateButtons()
{
    m_remove->setEnabled(m_table->selectionModel()->hasSelection());
    m_create->setEnabled(!m_creating && m_checking == 0 && !workspacePath().isEmpty() && !repositoryPath().isEmpty());
}

} // namespace coffer::ui
