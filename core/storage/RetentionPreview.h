#pragma once

#include "common/Error.h"
#include "retention/RetentionPlanner.h"

#include <QDateTime>
#include <QList>

namespace coffer {

struct CatalogEntry;

// What a prune would do to a repository now, without touching it: the same candidates
// (retentionCandidates) through the same planner as PruneJob, so the preview is the prune's plan.
class RetentionPreview final
{
public:
    // The plan for `entries` (one repository's backups) under `policies` at `now`.
    static Result<RetentionPlan> plan(
        const QList<CatalogEntry> &entries, const RetentionPolicySet &policies, const QDateTime &now);
    // A set with `policy` as the repository default and nothing per group or database: the edited
    // policy of a "what if" preview, in `timeZone` (empty: the system's).
    static RetentionPolicySet single(const RetentionPolicy &policy, const QString &timeZone = {});
};

} // namespace coffer
