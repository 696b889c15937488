#pragma once

#include "verify/CheckResult.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace coffer::ui {

// One backup's size at one time: a point of a database's size trend.
struct SizePoint {
    QDateTime created; // UTC
    qint64 artifactSize = 0;
};

// What the dashboard knows about one database of the workspace, as read from the catalogs of all
// its repositories. The health is judged from it (DatabaseHealth) at the time it is shown.
struct DatabaseStatus {
    QString name;
    QString group;
    std::optional<double> intervalHours; // the workspace's schedule, if it gives one

    int backupCount = 0; // in all readable repositories
    QString newestBackupId; // empty when never backed up
    QString newestRepository; // the repository holding the newest backup
    QDateTime newestCreated; // UTC; invalid when never backed up
    qint64 newestArtifactSize = 0;
    std::optional<VerifyOutcome> verification; // the newest verification of the newest backup
    QList<SizePoint> trend; // the newest backups' sizes, oldest first
};

} // namespace coffer::ui

Q_DECLARE_METATYPE(coffer::ui::SizePoint)
