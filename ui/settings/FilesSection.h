#pragma once

#include <QWidget>

class QTableView;

namespace coffer::ui {

class WorkspaceFilesModel;

// The Files tab: where the workspace file, its backup and each repository's files are, each
// with Copy and Open Folder.
class FilesSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesSection)

public:
    explicit FilesSection(WorkspaceFilesModel *model, QWidget *parent = nullptr);
    ~FilesSection() override;

private:
    void addRowButtons();
    void copyPath(int row);
    void openFolder(int row);

    WorkspaceFilesModel *m_model;
    QTableView *m_table = nullptr;
};

} // namespace coffer::ui
