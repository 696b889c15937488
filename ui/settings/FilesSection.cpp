#include "settings/FilesSection.h"

#include "settings/SettingsWidgets.h"
#include "settings/WorkspaceFilesModel.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace coffer::ui {

FilesSection::FilesSection(WorkspaceFilesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
{
    m_table->setObjectName(QStringLiteral("filesTable"));
    m_table->setAccessibleName(tr("Workspace and repository files"));
    m_table->setModel(model);
    setUpSettingsTable(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(WorkspaceFilesModel::What, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WorkspaceFilesModel::Path, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(WorkspaceFilesModel::Status, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(WorkspaceFilesModel::Actions, QHeaderView::ResizeToContents);
    connect(model, &QAbstractItemModel::modelReset, this, &FilesSection::addRowButtons);

    // The selected row's path, for keyboard users.
    auto *copy = new QAction(tr("Copy Path"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (m_table->currentIndex().isValid())
            copyPath(m_table->currentIndex().row());
    });
    m_table->addAction(copy);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) { openFolder(index.row()); });

    auto *intro = new QLabel(tr("The files Coffer reads and writes for this workspace. The workspace file is plain "
                                "YAML: edit it by hand if you like (docs/format.md). Ctrl+C copies the selected "
                                "path; Enter opens its folder."),
        this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    addRowButtons();
}

FilesSection::~FilesSection() = default;

void FilesSection::addRowButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString what = m_model->index(row, WorkspaceFilesModel::What).data().toString();
        auto *cell = new QWidget(m_table);
        auto *copy = new QToolButton(cell);
        copy->setObjectName(QStringLiteral("copyPathButton"));
        copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
        copy->setText(tr("Copy"));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        copy->setAccessibleName(tr("Copy the path of: %1").arg(what));
        connect(copy, &QToolButton::clicked, this, [this, row] { copyPath(row); });
        auto *open = new QToolButton(cell);
        open->setObjectName(QStringLiteral("openFolderButton"));
        open->setIcon(QIcon(QStringLiteral(":/icons/folder.svg")));
        open->setText(tr("Open Folder"));
        open->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        open->setAccessibleName(tr("Open the folder of: %1").arg(what));
        connect(open, &QToolButton::clicked, this, [this, row] { openFolder(row); });
        auto *layout = new QHBoxLayout(cell);
        layout->setContentsMargins(2, 0, 2, 0);
        layout->setSpacing(4);
        layout->addWidget(copy);
        layout->addWidget(open);
        m_table->setIndexWidget(m_model->index(row, WorkspaceFilesModel::Actions), cell);
    }
}

void FilesSection::copyPath(int row)
{
    const QString path = m_model->index(row, 0).data(WorkspaceFilesModel::PathRole).toString();
    QGuiApplication::clipboard()->setText(QDir::toNativeSeparators(path));
}

void FilesSection::openFolder(int row)
{
    const QString folder = m_model->index(row, 0).data(WorkspaceFilesModel::FolderRole).toString();
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

} // namespace coffer::ui
