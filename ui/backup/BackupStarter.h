#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace coffer::ui {

class Session;

// Starts backups of workspace databases through the session's job queue, as
// `coffer-cli backup --db NAME` would (workspacejobs::backupParams).
class BackupStarter final
{
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::BackupStarter)

public:
    // Queues one backup per database; returns, one line each, why a database could not be queued.
    static QStringList start(Session &session, const QStringList &databases);
    // Every database of the workspace.
    static QStringList startAll(Session &session);
};

} // namespace coffer::ui
