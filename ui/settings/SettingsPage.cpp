#include "settings/SettingsPage.h"

#include "Session.h"
#include "UiResources.h"
#include "repository/Repository.h"
#include "settings/BackupDefaultsSection.h"
#include "settings/DatabaseTableModel.h"
#include "settings/DatabasesSection.h"
#include "settings/FilesSection.h"
#include "settings/RepositoriesSection.h"
#include "settings/RepositoryTableModel.h"
#include "settings/SettingsProbe.h"
#include "settings/WorkspaceEditQueue.h"
#include "settings/WorkspaceFilesModel.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QTabWidget>
#include <QVBoxLayout>

namespace coffer::ui {

SettingsPage::SettingsPage(Session *session, QWidget *parent)
    : Page(session, parent)
    , m_databaseModel(new DatabaseTableModel(this))
    , m_repositoryModel(new RepositoryTableModel(this))
    , m_filesModel(new WorkspaceFilesModel(this))
    , m_probe(new SettingsProbe(this))
    , m_edits(new WorkspaceEditQueue(this))
    , m_messageBar(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
    , m_databases(new DatabasesSection(m_databaseModel, this))
    , m_repositories(new RepositoriesSection(m_repositoryModel, this))
    , m_defaults(new BackupDefaultsSection(this))
    , m_files(new FilesSection(m_filesModel, this))
{
    initResources();
    setObjectName(QStringLiteral("settingsPage"));
    setAccessibleName(tr("Settings"));

    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(m_databases, QIcon(QStringLiteral(":/icons/database.svg")), tr("&Databases"));
    m_tabs->addTab(m_repositories, QIcon(QStringLiteral(":/icons/storage.svg")), tr("&Repositories"));
    m_tabs->addTab(m_defaults, QIcon(QStringLiteral(":/icons/backup.svg")), tr("Backup De&faults"));
    m_tabs->addTab(m_files, QIcon(QStringLiteral(":/icons/folder.svg")), tr("F&iles"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_tabs, 1);

    connect(m_databases, &DatabasesSection::addRequested, this, &SettingsPage::addDatabase);
    connect(m_databases, &DatabasesSection::removeRequested, this, &SettingsPage::removeDatabase);
    connect(m_databaseModel, &DatabaseTableModel::groupEdited, this, &SettingsPage::setGroup);
    connect(m_repositories, &RepositoriesSection::addExistingRequested, this, &SettingsPage::addRepository);
    connect(m_repositories, &RepositoriesSection::initialiseRequested, this, &SettingsPage::initialiseRepository);
    connect(m_repositories, &RepositoriesSection::defaultRequested, this, &SettingsPage::setDefaultRepository);
    connect(m_defaults, &BackupDefaultsSection::saveRequested, this, &SettingsPage::saveCompression);
    connect(m_edits, &WorkspaceEditQueue::finished, this, &SettingsPage::onEditFinished);
    connect(m_edits, &WorkspaceEditQueue::busyChanged, this, &SettingsPage::setBusy);
    connect(m_probe, &SettingsProbe::probed, this, &SettingsPage::onProbed);
    connect(session, &Session::workspaceChanged, this, &SettingsPage::onWorkspaceChanged);
    // Backups change the repositories' counts.
    connect(session, &Session::catalogChanged, this, &SettingsPage::probe);
}

SettingsPage::~SettingsPage() = default;

QString SettingsPage::title() const
{
    return tr("Settings");
}

QIcon SettingsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/settings.svg"));
}

QString SettingsPage::statusText() const
{
    return m_status;
}

bool SettingsPage::isLoading() const
{
    return m_probe->isRunning() || session()->isLoading();
}

void SettingsPage::refresh()
{
    session()->reloadWorkspace();
}

void SettingsPage::onWorkspaceChanged()
{
    const std::optional<Workspace> &workspace = session()->workspace();
    if (workspace) {
        m_databaseModel->setDatabases(workspace->databases());
        const auto defaultRepository = workspace->defaultRepository();
        m_repositoryModel->setRepositories(
            workspace->repositories(), defaultRepository ? defaultRepository->name : QString());
        m_defaults->setDefaults(workspace->defaults().compression, workspace->defaults().level);
        m_repositories->setPolicy(policyText());
        if (m_showsWorkspaceError)
            m_messageBar->hideMessage();
        m_showsWorkspaceError = false;
    } else {
        m_databaseModel->setDatabases({});
        m_repositoryModel->setRepositories({}, {});
        m_repositories->setPolicy({});
        if (const std::optional<Error> &error = session()->workspaceError()) {
            m_messageBar->showMessage(tr("Cannot read the workspace: %1").arg(error->message), MessageBar::Type::Error);
            m_showsWorkspaceError = true;
        }
    }
    m_filesModel->setWorkspace(session()->workspacePath(), workspace ? &*workspace : nullptr);
    m_databases->setEnabled(workspace.has_value());
    m_repositories->setEnabled(workspace.has_value());
    m_defaults->setEnabled(workspace.has_value());
    probe();
}

void SettingsPage::probe()
{
    QStringList databases;
    for (const DatabaseEntry &db : m_databaseModel->databases())
        databases << db.path;
    QStringList repositories;
    for (const RepositoryEntry &repo : m_repositoryModel->repositories())
        repositories << repo.path;
    m_probe->probe(databases, repositories, m_filesModel->paths());
    m_status = tr("Checking files…");
    Q_EMIT statusTextChanged();
}

void SettingsPage::onProbed(const SettingsProbeResult &result)
{
    m_databaseModel->setStates(result.databases);
    m_repositoryModel->setStates(result.repositories);
    m_filesModel->setExists(result.exists);
    m_status = session()->workspace()
        ? tr("%1, %2").arg(tr("%n database(s)", nullptr, int(m_databaseModel->rowCount())),
            tr("%n repository(s)", nullptr, int(m_repositoryModel->rowCount())))
        : tr("No workspace loaded");
    Q_EMIT statusTextChanged();
    Q_EMIT loadFinished();
}

QString SettingsPage::policyText() const
{
    const Workspace &workspace = *session()->workspace();
    const RetentionPolicySet &retention = workspace.retention();
    const QString keeps = retention.isEmpty()
        ? tr("Retention: no policy; prune deletes nothing until the workspace has a `retention:` section.")
        : tr("Retention (every repository): %1").arg(retention.describe());
    const BackupDefaults &defaults = workspace.defaults();
    QString encryption;
    if (!defaults.encryptionEnabled)
        encryption = tr("Encryption: off for new backups (a repository that requires it refuses them).");
    else if (!defaults.encryptionRecipients.isEmpty())
        encryption = tr("Encryption: on, to %n public key(s).", nullptr, int(defaults.encryptionRecipients.size()));
    else
        encryption = tr("Encryption: on, with the passphrase in $%1.").arg(defaults.passphraseEnvVar());
    return keeps + QLatin1Char('\n') + encryption;
}

void SettingsPage::edit(const QString &done, std::function<Result<WorkspaceEditor::Outcome>()> work, Form form)
{
    m_forms.append(form);
    m_edits->run(done, std::move(work));
}

void SettingsPage::onEditFinished(const WorkspaceEditResult &result)
{
    const Form form = m_forms.isEmpty() ? Form::None : m_forms.takeFirst();
    if (form == Form::Database)
        m_databases->finishAdd(result.succeeded);
    else if (form == Form::Repository)
        m_repositories->finishAdd(result.succeeded);
    if (!result.succeeded) {
        m_messageBar->showMessage(result.error.message, MessageBar::Type::Error);
        // An edited group shows what the file says again.
        if (session()->workspace())
            m_databaseModel->setDatabases(session()->workspace()->databases());
        Q_EMIT editFinished(false);
        return;
    }
    QString text = result.done;
    if (!result.outcome.alsoRemoved.isEmpty())
        text += QLatin1Char(' ')
            + tr("Also removed from the workspace file: %1.")
                  .arg(result.outcome.alsoRemoved.join(QStringLiteral(", ")));
    if (!result.outcome.commentsKept())
        text += QLatin1Char(' ')
            + tr("The workspace file had to be rewritten and its comments could not be kept; the previous version, "
                 "with them, is in %1.")
                  .arg(QDir::toNativeSeparators(result.outcome.rewriteBackupPath));
    m_messageBar->showMessage(
        text, result.outcome.commentsKept() ? MessageBar::Type::Information : MessageBar::Type::Warning);
    session()->reloadWorkspace();
    Q_EMIT editFinished(true);
}

void SettingsPage::setBusy(bool busy)
{
    m_databases->setBusy(busy);
    m_repositories->setBusy(busy);
    m_defaults->setBusy(busy);
}

void SettingsPage::addDatabase(const DatabaseEntry &database)
{
    const QString path = session()->workspacePath();
    edit(
        tr("Added the database “%1”.").arg(database.name),
        [path, database] { return WorkspaceEditor(path).addDatabase(database); }, Form::Database);
}

void SettingsPage::removeDatabase(const QString &name)
{
    const QString path = session()->workspacePath();
    edit(tr("Removed the database “%1” from the workspace; its backups are still in the repository.").arg(name),
        [path, name] { return WorkspaceEditor(path).removeDatabase(name); });
}

void SettingsPage::setGroup(const QString &database, const QString &group)
{
    const QString path = session()->workspacePath();
    edit(group.isEmpty() ? tr("The database “%1” is in no group now.").arg(database)
                         : tr("The database “%1” is in the group “%2” now.").arg(database, group),
        [path, database, group] { return WorkspaceEditor(path).setDatabaseGroup(database, group); });
}

void SettingsPage::addRepository(const QString &name, const QString &folder)
{
    const QString path = session()->workspacePath();
    const bool first = m_repositoryModel->rowCount() == 0;
    edit(
        tr("Added the repository “%1”.").arg(name),
        [path, name, folder, first]() -> Result<WorkspaceEditor::Outcome> {
            if (auto ok = WorkspaceEditor::checkName(name, QStringLiteral("repository")); !ok)
                return std::unexpected(ok.error());
            if (auto repository = Repository::open(folder); !repository)
                return fail(repository.error().code,
                    QStringLiteral("%1 is not a repository Coffer can use: %2 Use Initialise New for an "
                                   "empty folder.")
                        .arg(QDir::toNativeSeparators(folder), repository.error().message));
            return WorkspaceEditor(path).addRepository({ name, folder, first });
        },
        Form::Repository);
}

void SettingsPage::initialiseRepository(const QString &name, const QString &folder, bool requireEncryption)
{
    const QString path = session()->workspacePath();
    const bool first = m_repositoryModel->rowCount() == 0;
    const bool taken = session()->workspace() && session()->workspace()->repository(name).has_value();
    edit(
        tr("Initialised the repository “%1” in %2.").arg(name, QDir::toNativeSeparators(folder)),
        [path, name, folder, first, requireEncryption, taken]() -> Result<WorkspaceEditor::Outcome> {
            // Checked before anything is created, so a refused name leaves no folder behind.
            if (auto ok = WorkspaceEditor::checkName(name, QStringLiteral("repository")); !ok)
                return std::unexpected(ok.error());
            if (taken)
                return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("The workspace already has a repository named '%1'; choose another name").arg(name));
            if (auto repository = Repository::init(folder, requireEncryption); !repository)
                return fail(repository.error().code,
                    QStringLiteral("Cannot initialise a repository in %1: %2")
                        .arg(QDir::toNativeSeparators(folder), repository.error().message),
                    repository.error().detail);
            return WorkspaceEditor(path).addRepository({ name, folder, first });
        },
        Form::Repository);
}

void SettingsPage::setDefaultRepository(const QString &name)
{
    const QString path = session()->workspacePath();
    edit(tr("New backups go to the repository “%1” now.").arg(name),
        [path, name] { return WorkspaceEditor(path).setDefaultRepository(name); });
}

void SettingsPage::saveCompression(const QString &codec, int level)
{
    const QString path = session()->workspacePath();
    edit(tr("New backups are compressed with %1 (level %2) now.").arg(codec).arg(level),
        [path, codec, level] { return WorkspaceEditor(path).setCompression(codec, level); });
}

} // namespace coffer::ui
