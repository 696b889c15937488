#include "settings/WorkspaceFilesModel.h"

#include "workspace/Workspace.h"
#include "workspace/WorkspaceEditor.h"

#include <QDir>
#include <QFileInfo>

namespace coffer::ui {

WorkspaceFilesModel::WorkspaceFilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

WorkspaceFilesModel::~WorkspaceFilesModel() = default;

void WorkspaceFilesModel::setWorkspace(const QString &workspacePath, const Workspace *workspace)
{
    beginResetModel();
    m_rows.clear();
    m_exists.clear();
    if (!workspacePath.isEmpty()) {
        m_rows.append({ tr("Workspace file"), workspacePath, false });
        m_rows.append(
            { tr("Previous version of the workspace file"), WorkspaceEditor(workspacePath).backupPath(), false });
    }
    if (workspace) {
        for (const RepositoryEntry &repo : workspace->repositories()) {
            m_rows.append({ tr("Repository “%1”: folder").arg(repo.name), repo.path, true });
            m_rows.append({ tr("Repository “%1”: settings").arg(repo.name),
                repo.path + QStringLiteral("/coffer-repo.json"), false });
            m_rows.append(
                { tr("Repository “%1”: catalog").arg(repo.name), repo.path + QStringLiteral("/catalog.db"), false });
        }
    }
    endResetModel();
}

void WorkspaceFilesModel::setExists(const QHash<QString, bool> &exists)
{
    m_exists = exists;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Status), index(int(m_rows.size()) - 1, Status));
}

QStringList WorkspaceFilesModel::paths() const
{
    QStringList paths;
    for (const Row &row : m_rows)
        paths << row.path;
    return paths;
}

int WorkspaceFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkspaceFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkspaceFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case PathRole:
        return row.path;
    case FolderRole:
        return row.isFolder ? row.path : QFileInfo(row.path).absolutePath();
    case Qt::DisplayRole:
        switch (index.column()) {
        case What:
            return row.what;
        case Path:
            return QDir::toNativeSeparators(row.path);
        case Status:
            if (!m_exists.contains(row.path))
                return tr("checking…");
            return m_exists.value(row.path) ? tr("exists") : tr("not there yet");
        case Actions:
            return QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Path)
            return QDir::toNativeSeparators(row.path);
        break;
    default:
        break;
    }
    return {};
}

QVariant WorkspaceFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case What:
        return tr("What");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Actions:
        return QString();
    }
    return {};
}

} // namespace coffer::ui
