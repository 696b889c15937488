#pragma once

#include "schedule/Cadence.h"

namespace coffer {

// What the schedule of one database asks for, resolved from the workspace's `schedules:`
// (databases > groups > default) and the runbook's backup.schedules.<db>.interval_hours.
struct DatabaseSchedule {
    enum class PruneMode {
        Never, // nothing is deleted by the schedule
        Auto   // prune whenever the retention policy would delete something
    };

    Cadence backup;                  // Off when the workspace schedules no backup of it
    Cadence verify;                  // verifies the database's newest backup
    QString verifyLevel = QStringLiteral("full"); // "quick" or "full"
    Cadence drill;
    int drillSample = 1;             // backups per drill, the newest first, then a random sample
    PruneMode prune = PruneMode::Never;

    bool isEmpty() const { return backup.isOff() && verify.isOff() && drill.isOff() && prune == PruneMode::Never; }

    friend bool operator==(const DatabaseSchedule &, const DatabaseSchedule &) = default;
};

} // namespace coffer
