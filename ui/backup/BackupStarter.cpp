#include "backup/BackupStarter.h"

#include "Session.h"
#include "backup/BackupJob.h"
#include "workspace/WorkspaceJobs.h"

namespace coffer::ui {

QStringList BackupStarter::start(Session &session, const QStringList &databases)
{
    const std::optional<Workspace> &workspace = session.workspace();
    if (!workspace)
        return { tr("No workspace is open.") };
    QStringList problems;
    for (const QString &database : databases) {
        auto params = workspacejobs::backupParams(*workspace, database);
        if (!params) {
            problems << tr("%1 was not backed up: %2").arg(database, params.error().message);
            continue;
        }
        session.submit(std::make_shared<BackupJob>(*params));
    }
    return problems;
}

QStringList BackupStarter::startAll(Session &session)
{
    if (!session.workspace())
        return start(session, {});
    QStringList names;
    for (const DatabaseEntry &database : session.workspace()->databases())
        names << database.name;
    if (names.isEmpty())
        return { tr("The workspace lists no databases: add them in Settings.") };
    return start(session, names);
}

} // namespace coffer::ui
