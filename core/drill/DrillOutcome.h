#pragma once

#include "verify/CheckResult.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer {

// The outcome of one restore drill of one backup: restored into a scratch folder, verified in
// full, smoke-queried, timed, cleaned up. Stored in the catalog's `drills` table.
struct DrillOutcome {
    QString backupId;
    QString database;
    QDateTime time;        // when the drill started, UTC
    qint64 rtoMs = 0;      // from the start to a usable database: restored, checked, smoke queries passed
    qint64 durationMs = 0; // the whole drill, cleanup included
    // The full verification's checks, then one "smoke_query" check per query, whose detail names
    // the query, the expectation and the value found.
    QList<CheckResult> checks;

    bool ok() const { return allPassed(checks); }
};

} // namespace coffer
