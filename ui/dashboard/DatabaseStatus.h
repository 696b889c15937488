#pragma once

#include "drill/DrillOutcome.h"
#include "health/DatabaseHealth.h"
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

// What the dashboard knows about one database of the workspace, as the health survey
// (HealthSurvey, what `coffer-cli health` judges by) found it in the catalogs of all its
// repositories. The health is judged from `healthInput` (DatabaseHealth) at the time it is shown.
struct DatabaseStatus {
    QString name;
    QString group;
    std::optional<double> intervalHours; // the backup interval health judges by, if the workspace gives one
    HealthInput healthInput; // what the health is judged from, at any time

    int backupCount = 0; // in all readable repositories; safety and drill backups aside
    QString newestBackupId; // empty when never backed up
    QString newestRepository; // the repository holding the newest backup
    QDateTime newestCreated; // UTC; invalid when never backed up
    qint64 newestArtifactSize = 0;
    std::optional<VerifyOutcome> verification; // the newest verification of the newest backup
    QList<SizePoint> trend; // the newest backups' sizes, oldest first

    std::optional<DrillOutcome> lastDrill; // the newest restore drill of the database, of whichever backup
    QString drillSchedule; // "Sun at 04:00"; empty when the workspace schedules no drill of it
    QString backupSchedule; // "every 6 h", "daily at 02:30"; empty when nothing schedules them
    // When the scheduler (DuePlanner, at the load) has the next backup fall due: by the schedule,
    // or after the retry delay that follows a failed scheduled backup. Invalid when nothing
    // schedules backups. `backupDue`: it was due at the load (nextBackup is that moment then).
    QDateTime nextBackup;
    bool backupDue = false;
    QString nextBackupReason; // the planner's, in English: "last attempt failed 5 min ago (…); retrying in 25 min (…)"
};

} // namespace coffer::ui

Q_DECLARE_METATYPE(coffer::ui::SizePoint)
