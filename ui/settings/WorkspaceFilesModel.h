#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace coffer {
class Workspace;
}

namespace coffer::ui {

// The files behind a workspace, so a user can find them: the workspace file and its backup, and
// for each repository its folder, coffer-repo.json and catalog.db.
class WorkspaceFilesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceFilesModel)

public:
    enum Column { What, Path, Status, Actions, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, FolderRole }; // FolderRole: the folder to open

    explicit WorkspaceFilesModel(QObject *parent = nullptr);
    ~WorkspaceFilesModel() override;

    // `workspace` may be null when the file could not be read: then only the file and its backup.
    void setWorkspace(const QString &workspacePath, const coffer::Workspace *workspace);
    void setExists(const QHash<QString, bool> &exists);
    QStringList paths() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString what;
        QString path;
        bool isFolder = false;
    };
    QList<Row> m_rows;
    QHash<QString, bool> m_exists;
};

} // namespace coffer::ui
