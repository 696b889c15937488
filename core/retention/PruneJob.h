#pragma once

#include "jobs/Job.h"
#include "repository/Catalog.h"
#include "retention/RetentionPlanner.h"

#include <QDateTime>
#include <QStringList>

namespace coffer {

struct PruneParams {
    QString repositoryPath;
    QString database; // scope: one database ...
    QString group; // ... or one group; both empty: the whole repository
    RetentionPolicySet policies;
    bool dryRun = false;
    int lockWaitMs = 0;
    QDateTime now; // invalid: the current time; tests pass a fixed clock
};

struct PruneResult {
    RetentionPlan plan;
    bool dryRun = false;
    int deleted = 0;
    qint64 freedBytes = 0;
    QStringList failures; // backups the plan deleted that could not be deleted, and why
    bool cancelled = false;
};

// The backups of `entries` in the scope as the planner sees them.
QList<RetentionCandidate> retentionCandidates(const QList<CatalogEntry> &entries);

// Plans a prune and, unless it is a dry run, carries it out under the repository's exclusive
// lock: the plan is made after the lock is taken, so it sees what is really there, and every
// deletion goes through BackupDeleter (crash-safe order, audited).
class PruneJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PruneJob)

public:
    explicit PruneJob(PruneParams params, QObject *parent = nullptr);

    QString kind() const override { return QStringLiteral("prune"); }
    QString title() const override;
    QString exclusiveKey() const override { return repositoryKey(m_params.repositoryPath); }

    const PruneResult &result() const { return m_result; }

    // The work itself, callable without a queue.
    static Result<PruneResult> prune(const PruneParams &params, const CancelFlag &cancel, const ProgressFn &progress);

protected:
    Result<void> execute() override;

private:
    const PruneParams m_params;
    PruneResult m_result;
};

} // namespace coffer
