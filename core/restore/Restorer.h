#pragma once

#include "common/Progress.h"
#include "restore/RestorePlan.h"

#include <functional>
#include <optional>

namespace coffer {

// How long one step of a restore took.
struct RestorePhase {
    QString name; // preflight, safety backup, install, verify, rollback
    qint64 ms = 0;
};

// How a restore ended. On failure `error` says why and `rolledBack` whether the previous
// database had to be, and was, put back.
struct RestoreResult {
    QString safetyBackupId;
    QList<RestorePhase> phases;
    QList<CheckResult> installedChecks;
    bool installed = false; // the restored database reached the target (and stayed, unless rolled back)
    bool rolledBack = false;
    // Putting the previous database back was needed and did not happen: rollbackDetail says
    // where things stand, and the safety backup (if any) holds the previous database.
    bool rollbackFailed = false;
    QString rollbackDetail;
    QString gap; // data written after the backup that the restored database does not have
    QStringList warnings; // e.g. an audit record that could not be written
    std::optional<Error> error;

    bool ok() const { return !error; }
};

// Steps 3 to 6 of a restore, from a plan whose checks passed: safety backup of the current
// target, install (atomic swap, or live copy-in), verify the installed database, and on any
// failure put the previous database back. Every outcome goes to the audit trail.
class Restorer final
{
public:
    // Told the name of each phase (RestorePhase::name) as it begins.
    using PhaseFn = std::function<void(const QString &)>;

    static RestoreResult execute(
        const RestorePlan &plan, const CancelFlag &cancel, const ProgressFn &progress, const PhaseFn &onPhase = {});
};

} // namespace coffer
