#pragma once

#include "common/Progress.h"
#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QHash>

#include <optional>

namespace coffer {

class Job;

// Runs one due task of one database on the calling thread, the way the rest of Coffer runs it
// (a BackupJob, PruneJob::prune, VerifyJob::verifyAll, a DrillJob), and describes the outcome
// as a RunRecord. A task that fails is a record with ok == false, never an error.
class ScheduledTaskRunner final
{
public:
    // `progress` gets one phase per task, "backup orders". `cancel` is polled before and
    // forwarded into each task.
    ScheduledTaskRunner(const Workspace &workspace, const CancelFlag &cancel, ProgressFn progress);

    // Nothing when the task was cancelled before it finished: a cancelled task neither
    // succeeded nor failed, and is not recorded. `plannedAt` is the time the task was found due
    // at (the survey's): a prune plans with it, so it deletes what the survey counted.
    std::optional<RunRecord> run(const PlannedTask &task, const DatabaseState &state, const QDateTime &plannedAt);

private:
    void backup(RunRecord &record);
    void prune(RunRecord &record, const DatabaseState &state, const QDateTime &plannedAt);
    void verify(RunRecord &record, const DatabaseState &state);
    void drill(RunRecord &record, const DatabaseState &state);
    // Runs `job` here, forwarding cancel and progress; false when it was cancelled.
    bool runInline(Job &job, const QString &phase);

    const Workspace &m_workspace;
    const CancelFlag &m_cancel;
    ProgressFn m_progress;
    bool m_cancelled = false;
    // Prune scopes already pruned by this runner (PruneTarget::key()), and for which database: a
    // size cap shared by several databases is enforced once per round.
    QHash<QString, QString> m_prunedScopes;
};

} // namespace coffer
