#pragma once

#include "BackgroundLoad.h"
#include "catalog/CatalogLoader.h"
#include "workspace/Workspace.h"

#include <QList>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace coffer::ui {

class MessageBar;
class RestoreBackupListModel;
class RestoreState;
class TableDiffModel;

// The restore wizard's first page: which backup to restore. A database, then one of its backups
// (newest first, with its verification), or the newest verified one in one click; below, what the
// chosen backup contains. The catalogs are read off the GUI thread.
class RestoreBackupPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreBackupPage)

public:
    explicit RestoreBackupPage(RestoreState *state, QWidget *parent = nullptr);
    ~RestoreBackupPage() override;

    bool isComplete() const override;
    bool isLoading() const { return m_load.isLoading(); }
    // Reads the catalogs again; the chosen backup stays chosen while it is still there.
    void reload();

Q_SIGNALS:
    // A load of the catalogs was shown.
    void loaded();

private:
    struct Load {
        QList<BackupRow> rows;
        QList<RepositoryProblem> problems;
    };
    // Every backup of the workspace's repositories, plus those of `extraRepository` when the
    // workspace does not list it. Runs off the GUI thread.
    static Load read(const std::optional<Workspace> &workspace, const QString &extraRepository);

    void onLoaded(const Load &load);
    // The database whose backups to show first after a load, and the backup to select in it.
    QString initialDatabase(QString *backupId, QString *repositoryPath) const;
    void showDatabase(const QString &database, const QString &selectId = {}, const QString &selectRepository = {});
    // Selects the request's database's latest verified backup, or says why another one is selected.
    void preselectLatest();
    void selectRow(int row);
    void onSelectionChanged();
    void showContents();
    void updateViews();
    void setNote(const QString &text);

    RestoreState *m_state = nullptr;
    RestoreBackupListModel *m_backups = nullptr;
    TableDiffModel *m_contents = nullptr;
    MessageBar *m_messageBar = nullptr;
    QComboBox *m_databases = nullptr;
    QPushButton *m_latestVerified = nullptr;
    QLabel *m_note = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyState = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_contentsTable = nullptr;

    QList<BackupRow> m_all; // every backup the last load found, newest first
    bool m_loadedOnce = false;
    bool m_requestApplied = false; // the request's pre-selection was made (once: later loads keep the user's choice)
    QString m_noteFor; // the backup the note is about
    BackgroundLoad m_load{ this }; // last: destroyed first, waiting for a load still running
};

} // namespace coffer::ui
