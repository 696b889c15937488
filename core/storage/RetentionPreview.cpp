#include "storage/RetentionPreview.h"

#include "retention/PruneJob.h"

namespace coffer {

Result<RetentionPlan> RetentionPreview::plan(
    const QList<CatalogEntry> &entries, const RetentionPolicySet &policies, const QDateTime &now)
{
    return RetentionPlanner::plan(retentionCandidates(entries), policies, now.toUTC());
}

RetentionPolicySet RetentionPreview::single(const RetentionPolicy &policy, const QString &timeZone)
{
    RetentionPolicySet set;
    set.repositoryDefault = policy;
    set.timeZone = timeZone;
    return set;
}

} // namespace coffer
