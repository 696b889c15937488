#pragma once

#include "BackgroundLoad.h"
#include "report/VerificationRunReport.h"

#include <QMap>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace coffer {
class Job;
class VerifyJob;
enum class VerifyLevel;
} // namespace coffer

namespace coffer::ui {

class MessageBar;
class RunResultModel;
class Session;

// What a run verifies: every backup of every repository, one repository, one database (in
// every repository), or chosen backups (e.g. the catalog's selection).
struct RunScope {
    enum class Kind { All, Repository, Database, Selection };
    Kind kind = Kind::All;
    QString repository; // Repository: the workspace repository's name
    QString database; // Database
    QMap<QString, QStringList> selection; // Selection: full backup ids by repository name
};

// Runs a verification (level, scope) as one VerifyJob per repository with progress, shows its
// result as a tree (a pass/fail row per backup, a row per check under it) and exports it as
// JSON, HTML or PDF, written off the GUI thread.
class VerificationRunPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationRunPanel)

public:
    explicit VerificationRunPanel(Session *session, QWidget *parent = nullptr);
    ~VerificationRunPanel() override;

    void run(VerifyLevel level, const RunScope &scope);
    // The level and scope chosen in the panel's combo boxes.
    void runChosen();
    void cancel();
    bool isRunning() const { return !m_jobs.isEmpty() || m_reportLoad.isLoading(); }
    // The last run's report; empty before the first run.
    const std::optional<VerificationRunReport> &result() const { return m_result; }

    // Writes the result to `path` (format from its extension) off the GUI thread.
    void exportResult(const QString &path);
    bool isExporting() const { return m_exportLoad.isLoading(); }

    // Rebuilds the scope choices from the session's workspace.
    void updateScopes();
    // The backups selected in the catalog, offered as a scope while there are any.
    void setCatalogSelection(const QMap<QString, QStringList> &selection);

Q_SIGNALS:
    void runStarted();
    void runFinished(); // the report is on screen (also after a run that could not verify anything)
    void exportFinished(const QString &path, const QString &error); // error empty on success
    void backupActivated(const QString &backupId);

private:
    struct Running {
        QString repository;
        QString path;
        std::shared_ptr<VerifyJob> job;
    };

    void onJobFinished(const Job *job);
    void onReportBuilt(const VerificationRunReport &report);
    void askExportPath(const QString &suffix, const QString &filter);
    void updateControls();

    Session *m_session;
    BackgroundLoad m_reportLoad{ this };
    BackgroundLoad m_exportLoad{ this };
    RunResultModel *m_model;
    MessageBar *m_message;
    QComboBox *m_level;
    QComboBox *m_scope;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_runSummary;
    QTreeView *m_view;
    QPushButton *m_exportJson;
    QPushButton *m_exportHtml;
    QPushButton *m_exportPdf;

    QList<RunScope> m_scopes; // parallel to m_scope's items
    QMap<QString, QStringList> m_catalogSelection;
    QList<Running> m_jobs;
    RunScope m_runScope;
    QString m_runLevel;
    QDateTime m_started;
    std::optional<VerificationRunReport> m_result;
};

} // namespace coffer::ui
