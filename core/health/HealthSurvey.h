#pragma once

#include "common/Error.h"
#include "drill/DrillOutcome.h"
#include "health/DatabaseHealth.h"
#include "repository/Catalog.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace coffer {

class Workspace;
struct DatabaseEntry;

// A repository of the workspace whose catalog could not be read (or only in part), and why.
struct UnreadableRepository {
    QString name;
    QString path;
    Error error;
};

// What one readable repository of the workspace holds, read once for every survey of it.
struct RepositoryCatalog {
    QString name;
    QString path;
    QList<CatalogEntry> backups; // every backup, safety and drill backups too (a prune plans over them)
    QList<DrillOutcome> drills; // empty when they could not be read (then also a problem)
};

// Every repository of a workspace read once: what the health survey and the scheduler's survey
// (ScheduleSurvey) are both judged from, so a caller that wants both opens each catalog once.
struct WorkspaceCatalogs {
    QList<RepositoryCatalog> repositories; // the readable ones, in the workspace's order
    QList<UnreadableRepository> problems;

    // Reads files: call it off the GUI thread. Once `isStale` (when given) says so, it reads no
    // further repository and returns what it has: for a reader whose result nobody waits for now.
    static WorkspaceCatalogs read(const Workspace &workspace, const std::function<bool()> &isStale = {});
};

// One database of the workspace as the health survey found it.
struct DatabaseSurvey {
    QString name;
    QString group; // the workspace's, else the newest backup's
    QString backupSchedule; // "daily at 02:30", "every 6 h"; empty when nothing schedules it
    int backupCount = 0; // counted backups, in every repository
    std::optional<CatalogEntry> newestBackup; // not counting safety and drill backups
    QString newestRepository; // the workspace's name of the repository holding it
    std::optional<DrillOutcome> drill; // the newest drill, passed or failed
    std::optional<DrillOutcome> passedDrill; // the newest drill that passed (its RTO is the one to trust)
    HealthInput input; // what `health` was judged from
    DatabaseHealth health;
};

// The health of every database of a workspace at one moment, from the catalogs of all its
// repositories. A repository that cannot be read is a problem in the survey, not a failure of it:
// its databases look as if it held nothing. Reads files: call it off the GUI thread.
struct HealthSurvey {
    QDateTime now;
    QList<DatabaseSurvey> databases; // in the workspace's order
    QList<UnreadableRepository> problems;
    QStringList repositories; // the names of the repositories the workspace lists

    static HealthSurvey take(const Workspace &workspace, const QDateTime &now);
    // The same from catalogs already read (WorkspaceCatalogs::read); does no I/O.
    static HealthSurvey take(const Workspace &workspace, const WorkspaceCatalogs &catalogs, const QDateTime &now);

    // The schedule part of a database's HealthInput: the backup interval (the schedule's backup
    // cadence, its longest gap; else the runbook's interval_hours; else none, and 24 h are
    // assumed), a calendar's description, and the drill interval when drills are scheduled.
    static HealthInput scheduledInput(const Workspace &workspace, const DatabaseEntry &database);

    // Backups that count as a database's protection: not safety copies taken before a restore, not
    // a drill's own backups.
    static bool counts(const Manifest &manifest);

    // The worst level of all databases; green when there are none.
    HealthLevel worstLevel() const;
    std::optional<DatabaseSurvey> database(const QString &name) const;
};

} // namespace coffer
