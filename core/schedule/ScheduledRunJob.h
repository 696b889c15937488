#pragma once

#include "jobs/Job.h"
#include "monitor/Publisher.h"
#include "schedule/RunLog.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>

namespace coffer {

struct ScheduledRunParams {
    Workspace workspace;
    QDateTime now;          // invalid: the current time; tests pass a fixed clock
    // Tests only: a clock read at each step (a moving fake clock); set, it replaces `now`.
    std::function<QDateTime()> clock;
    int lockWaitMs = 0;     // how long to wait for another run (another process) to finish
    bool publish = true;    // metrics, Pushgateway and webhook afterwards (Publisher)
};

struct ScheduledRunResult {
    // A skip past this is worth a person's attention: the holder may hang, and nothing is
    // published meanwhile.
    static constexpr qint64 kLongHeldLockSeconds = 3600;

    bool skipped = false;        // another run held the workspace's run lock
    QString skippedReason;       // "another run is in progress (pid 1234 on host)"
    qint64 lockHeldSeconds = -1; // when skipped: since when the other run holds the lock; -1: unknown
    QList<RunRecord> runs;       // what ran, in order; each also recorded in the RunLog
    QStringList reasons;         // why each of `runs` was due ("last backup 7 h ago, every 6 h")
    QStringList problems;        // repositories that could not be read, a RunLog write that failed
    PublishReport publishReport; // when published

    bool isLockHeldLong() const { return skipped && lockHeldSeconds > kLongHeldLockSeconds; }
};

// Another run's hold on a workspace's run lock, as ScheduledRunJob::runLockHolder() finds it.
struct RunLockHolder {
    qint64 pid = 0;          // 0: unknown
    QString host;            // empty: unknown
    qint64 heldSeconds = -1; // since the holder took the lock (the lock file's age); -1: unknown

    bool isHeldLong() const { return heldSeconds > ScheduledRunResult::kLongHeldLockSeconds; }
};

// One round of scheduled work for a workspace — what `coffer-cli run-due` runs and what the
// console's scheduler submits every minute: under the workspace's run lock (never two rounds at
// once, across processes), finds what is due (DuePlanner over the catalogs and the RunLog) and
// runs it in order — backups, then prunes, then verifications, then drills — one task at a time,
// records every task in the RunLog, then publishes. Idempotent: a second round right after the
// first finds nothing due. A failed task is retried at the next slot, or after a wait that
// doubles with each failure in a row (DuePlanner). The round fails only when it cannot run at all (unreadable workspace state); failed
// tasks are runs with ok == false.
class ScheduledRunJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduledRunJob)

public:
    explicit ScheduledRunJob(ScheduledRunParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("schedule"); }
    QString title() const override;
    // The round backs up, prunes and drills in any of the workspace's repositories: inside one
    // process it runs alone with respect to every other writer of them (a pin, a delete, a prune).
    QStringList exclusiveKeys() const override;

    const ScheduledRunResult &result() const { return m_result; }

    // Whether another run holds the run lock of the workspace at `workspacePath` now, as a round
    // starting now would find it, without waiting and without creating the state folder: its
    // holder, or nothing when the lock is free (a lock left by a holder that died counts as free,
    // and is removed). Fails when the lock cannot be inspected. For lookers that would rather not
    // submit a round that skips (the console's scheduler).
    static Result<std::optional<RunLockHolder>> runLockHolder(const QString &workspacePath);

protected:
    Result<void> execute() override;

private:
    const ScheduledRunParams m_params;
    ScheduledRunResult m_result;
};

} // namespace coffer
