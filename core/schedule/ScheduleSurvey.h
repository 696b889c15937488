#pragma once

#include "schedule/DuePlanner.h"
#include "schedule/RunLog.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace coffer {

struct WorkspaceCatalogs;

// What the scheduler's planner is fed: every workspace database's state, read from the catalogs
// of all the workspace's repositories and from the RunLog.
struct ScheduleSurvey {
    QList<DatabaseState> states; // in the workspace's order
    // Repositories (or the run log) that could not be read, one line each: their databases look as
    // if they held nothing there, which at worst makes a backup due early.
    QStringList problems;

    // `runLog` may be null: no attempts are known then. `now` is what the prune count is planned
    // at. Reads files: call it off the GUI thread.
    static ScheduleSurvey take(const Workspace &workspace, RunLog *runLog, const QDateTime &now);
    // The same from catalogs already read (WorkspaceCatalogs::read, which a HealthSurvey can
    // share); reads only the run log.
    static ScheduleSurvey take(
        const Workspace &workspace, const WorkspaceCatalogs &catalogs, RunLog *runLog, const QDateTime &now);
};

} // namespace coffer
