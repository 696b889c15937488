#pragma once

#include "retention/RetentionPolicy.h"
#include "schedule/RunLog.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {

// One prune a scheduled prune of a database runs: a scope of one repository (as PruneParams takes
// it) and the policies to plan it with. The scope is the database itself, unless a size cap covers
// more: then its group (the group's max_size_gb) or the whole repository (the repository default's),
// so that the cap is judged on every backup it covers. In a wider scope, the databases whose
// schedule does not prune keep every backup (`policies` protects them), as `prune: never` promises.
struct PruneTarget {
    QString repository; // path
    QString database; // scope: this database ...
    QString group; // ... or this group; both empty: the whole repository
    RetentionPolicySet policies;

    // "database orders", "group acme", "the repository"
    QString scopeText() const;
    // Equal for the same scope of the same repository: a round prunes each scope once.
    QString key() const { return repository + QLatin1Char('\n') + database + QLatin1Char('\n') + group; }
};

// What the scheduler knows about one database at one moment (ScheduleSurvey gathers it from the
// repositories' catalogs and the RunLog).
struct DatabaseState {
    QString database;
    // The newest backup that counts for the schedule: manual, scheduled, pre-migration. A restore's
    // safety backup and a drill's own backups do not. Invalid: never backed up.
    QDateTime newestBackup;
    QString newestBackupId;
    QString newestBackupRepository; // the path of the repository that holds it
    bool newestBackupVerified = false; // the newest backup has a verification, passed or failed
    QDateTime newestVerification; // of any of its backups
    QDateTime newestDrill; // of any of its backups
    int prunable = 0; // backups of this database the retention planner would delete now
    QList<PruneTarget> pruneTargets; // the prunes that would delete them (or, in a wider scope, others)
    QString pruneNote; // why nothing can be pruned, when a planner said so
    QHash<QString, RunRecord> lastAttempts; // by task kind: the newest attempt in the RunLog
    // By task kind: when the attempts since its last successful one failed, newest first (at most
    // DuePlanner::kCountedFailures): the retry delay doubles with each.
    QHash<QString, QList<QDateTime>> failures;
};

// One scheduled task of one database, and whether it is due.
struct PlannedTask {
    QString kind; // "backup", "prune", "verify", "drill"
    QString database;
    QString cadence; // Cadence::describe(), or "auto" for a prune
    QDateTime lastRun; // invalid: never
    bool due = false;
    QDateTime nextDue; // `now` when due; invalid when it cannot be told (a prune, no backup yet)
    QString reason; // for a person: "last backup 7 h ago, every 6 h", "never backed up"
};

// Decides what is due. Pure: no clock, no files; everything comes from the arguments.
//   backup: its cadence against the newest counted backup;
//   verify: its cadence against the newest verification, and at once when the newest backup was
//           never verified (health wants the newest backup verified); needs a backup;
//   drill:  its cadence against the newest drill; needs a backup;
//   prune:  `auto` is due whenever the retention planner would delete something.
// A task whose last attempt failed (after its last success) waits before it is due again, so a
// broken task does not run, and alert, every few minutes: retryDelaySeconds() after the failure.
class DuePlanner final
{
public:
    // The wait after one failed attempt; it doubles with each further one in a row.
    static constexpr qint64 kRetryDelaySeconds = 30 * 60;
    // Failures counted for the doubling; more change nothing once the cap is reached.
    static constexpr int kCountedFailures = 16;

    static const inline QString kBackup = QStringLiteral("backup");
    static const inline QString kPrune = QStringLiteral("prune");
    static const inline QString kVerify = QStringLiteral("verify");
    static const inline QString kDrill = QStringLiteral("drill");

    // Every scheduled task of every workspace database, in the workspace's order, each database's
    // as backup, prune, verify, drill. A database without a state has none of anything.
    static QList<PlannedTask> plan(
        const Workspace &workspace, const QList<DatabaseState> &states, const QDateTime &now);
    // The due tasks of `planned` in the order a round runs them: every backup first (so that
    // what follows sees them), then prunes, verifications, drills.
    static QList<PlannedTask> due(const QList<PlannedTask> &planned);

    // How long a task waits after the last of `failures` attempts in a row failed: 30 min, 1 h,
    // 2 h, ..., at most `capHours` (the longest gap of the task's cadence: a retry never waits
    // longer than the schedule itself would), and never less than 30 min.
    static qint64 retryDelaySeconds(int failures, double capHours);
};

} // namespace coffer
