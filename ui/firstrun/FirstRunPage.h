#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace coffer::ui {

class FirstRunDatabaseModel;
class MessageBar;

// Shown instead of the console when the workspace file does not exist: a short welcome, where
// the workspace file and the repository go, and the databases to protect (Add… or dropped onto
// the page). Create initialises the repository (or opens the one already in the folder), writes
// the workspace, off the GUI thread, then emits workspaceCreated().
class FirstRunPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunPage)

public:
    explicit FirstRunPage(QWidget *parent = nullptr);
    ~FirstRunPage() override;

    QString workspacePath() const;
    // Proposes `path` for the new workspace file, and a coffer-backups folder next to it for the
    // repository unless the user chose another.
    void setWorkspacePath(const QString &path);
    QString repositoryPath() const;
    void setRepositoryPath(const QString &path);
    FirstRunDatabaseModel *databases() const { return m_model; }

    // Adds the SQLite databases among `paths` (what Add… and a drop call); other files are
    // refused with a message naming them. The files are read off the GUI thread.
    void addFiles(const QStringList &paths);
    // Whether files dropped or added are still being checked.
    bool isChecking() const { return m_checking > 0; }

Q_SIGNALS:
    void workspaceCreated(const QString &workspacePath);
    // A batch of added files has been checked.
    void filesChecked();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseWorkspaceFile();
    void chooseRepositoryFolder();
    void chooseDatabases();
    void removeSelected();
    void create();
    void onCreated(const QString &workspacePath, const QString &error);
    void updateButtons();

    FirstRunDatabaseModel *m_model;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_workspace = nullptr;
    QLineEdit *m_repository = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_create = nullptr;
    bool m_repositoryChosen = false; // the user typed or chose a repository folder
    bool m_creating = false;
    int m_checking = 0;
};

} // namespace coffer::ui
