#pragma once

#include "common/Error.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace coffer {
class Job;
class JobQueue;
} // namespace coffer

namespace coffer::ui {

// What every page of the console shares: the open workspace (read off the GUI thread) and the
// one job queue every operation runs through. Pages reload themselves on its signals.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject *parent = nullptr);
    // Cancels what is still queued and waits for running jobs to stop.
    ~Session() override;

    JobQueue *jobs() const { return m_jobs.get(); }
    // Queues a job; once it has finished, catalogChanged() tells the pages to read the repositories again.
    std::shared_ptr<Job> submit(std::shared_ptr<Job> job);

    QString workspacePath() const { return m_workspacePath; }
    // The workspace as last loaded: empty while the first load runs and when it could not be read.
    const std::optional<Workspace> &workspace() const { return m_workspace; }
    // Why the last load failed (a missing file, a YAML error with its line).
    const std::optional<Error> &workspaceError() const { return m_workspaceError; }
    bool isLoading() const { return m_loading; }

    // Reads the workspace at `path` in the background; workspaceChanged() follows.
    void openWorkspace(const QString &path);
    // Reads the same file again (after Settings edited it, or on F5).
    void reloadWorkspace();

Q_SIGNALS:
    // A load finished, whether or not the file could be read.
    void workspaceChanged();
    // A job finished and may have changed what the repositories hold. Coalesced: several jobs
    // ending together give one signal. Not for a scheduled round that ran nothing.
    void catalogChanged();

private:
    void onJobFinished(Job *job);

    std::unique_ptr<JobQueue> m_jobs;
    QString m_workspacePath;
    std::optional<Workspace> m_workspace;
    std::optional<Error> m_workspaceError;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_catalogChangePending = false;
};

} // namespace coffer::ui
