#pragma once

#include "Page.h"
#include "workspace/WorkspaceEditor.h"

class QTabWidget;

namespace coffer::ui {

class BackupDefaultsSection;
class DatabaseTableModel;
class DatabasesSection;
class FilesSection;
class MessageBar;
class RepositoriesSection;
class RepositoryTableModel;
class SettingsProbe;
class WorkspaceEditQueue;
class WorkspaceFilesModel;
struct SettingsProbeResult;
struct WorkspaceEditResult;

// The workspace's settings: databases (add, remove, group, whether each file is a database),
// repositories (add, initialise, default, state and policy), the default compression, and where
// the files are. Every change is an edit of the workspace file made off the GUI thread
// (WorkspaceEditor), after which the session reads the file again.
class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(Session *session, QWidget *parent = nullptr);
    ~SettingsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString statusText() const override;
    bool isLoading() const override;
    void refresh() override;

    // Sections, for the main window's shortcuts and for tests.
    DatabasesSection *databasesSection() const { return m_databases; }
    RepositoriesSection *repositoriesSection() const { return m_repositories; }

Q_SIGNALS:
    // An edit finished (written or refused); the workspace is read again after a written one.
    void editFinished(bool succeeded);

private:
    enum class Form { None, Database, Repository };

    void onWorkspaceChanged();
    void onProbed(const SettingsProbeResult &result);
    void probe();
    void edit(const QString &done, std::function<coffer::Result<coffer::WorkspaceEditor::Outcome>()> work,
        Form form = Form::None);
    void onEditFinished(const WorkspaceEditResult &result);
    void setBusy(bool busy);

    void addDatabase(const coffer::DatabaseEntry &database);
    void removeDatabase(const QString &name);
    void setGroup(const QString &database, const QString &group);
    void addRepository(const QString &name, const QString &folder);
    void initialiseRepository(const QString &name, const QString &folder, bool requireEncryption);
    void setDefaultRepository(const QString &name);
    void saveCompression(const QString &codec, int level);

    QString policyText() const;

    DatabaseTableModel *m_databaseModel = nullptr;
    RepositoryTableModel *m_repositoryModel = nullptr;
    WorkspaceFilesModel *m_filesModel = nullptr;
    SettingsProbe *m_probe = nullptr;
    WorkspaceEditQueue *m_edits = nullptr;
    MessageBar *m_messageBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    DatabasesSection *m_databases = nullptr;
    RepositoriesSection *m_repositories = nullptr;
    BackupDefaultsSection *m_defaults = nullptr;
    FilesSection *m_files = nullptr;
    QString m_status;
    bool m_showsWorkspaceError = false;
    // What each queued edit is for (they finish in order), so its form closes once it succeeded.
    QList<Form> m_forms;
};

} // namespace coffer::ui
