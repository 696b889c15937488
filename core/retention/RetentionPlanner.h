#pragma once

#include "common/Error.h"
#include "retention/RetentionPolicy.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace coffer {

// One backup as the planner sees it (retentionCandidates() in PruneJob.h builds them from the catalog).
struct RetentionCandidate {
    QString id;
    QString database;
    QString group;
    QDateTime created; // UTC
    qint64 bytes = 0;  // artifact size: what deleting it frees
    QString trigger;   // "safety" backups are kept until `expires` and are outside the rules
    bool pinned = false;
    QDateTime expires;     // invalid: no expiry
    bool verified = false; // its latest verification passed
};

// Keep or delete, and why: reasons read after "kept: " or "deleted: ", e.g. "daily 2026-11-20",
// "pinned", "older than 30 days".
struct RetentionDecision {
    RetentionCandidate backup;
    bool keep = true;
    QStringList reasons;

    QString explanation() const; // "kept: daily 2026-11-20, pinned"
};

struct RetentionDatabaseSummary {
    QString database;
    int kept = 0;
    int deleted = 0;
    qint64 keptBytes = 0;
    qint64 freedBytes = 0;
};

struct RetentionPlan {
    QDateTime now;
    QString timeZone; // the IANA id the calendar rules used
    // Sorted by database, then newest first.
    QList<RetentionDecision> decisions;
    QList<RetentionDatabaseSummary> databases; // sorted by name
    // E.g. a size cap that protected backups alone exceed.
    QStringList warnings;

    int deletedCount() const;
    qint64 freedBytes() const;
    QList<RetentionDecision> deletions() const;
};

// A pure function from (backups, policies, now) to a plan: no clock, no files, no catalog, so
// tests drive it with a fake clock.
class RetentionPlanner final
{
public:
    // InvalidArgument when a database with backups has an empty effective policy (such a
    // policy would delete everything) or when a policy is out of range.
    static Result<RetentionPlan> plan(
        const QList<RetentionCandidate> &backups, const RetentionPolicySet &policies, const QDateTime &now);
};

} // namespace coffer
