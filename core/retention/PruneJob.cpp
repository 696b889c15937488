#include "retention/PruneJob.h"

#include "common/TestHooks.h"
#include "repository/BackupDeleter.h"
#include "repository/RepoLock.h"

namespace coffer {

QList<RetentionCandidate> retentionCandidates(const QList<CatalogEntry> &entries)
{
    QList<RetentionCandidate> candidates;
    candidates.reserve(entries.size());
    for (const CatalogEntry &entry : entries) {
        const Manifest &m = entry.manifest;
        candidates.append({ .id = m.id,
            .database = m.database,
            .group = m.group,
            .created = m.created,
            .bytes = m.artifactSize,
            .trigger = m.trigger,
            .pinned = m.pinned,
            .expires = m.expires,
            .verified = entry.lastVerification && entry.lastVerification->ok() });
    }
    return candidates;
}

PruneJob::PruneJob(PruneParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString PruneJob::title() const
{
    const QString scope = !m_params.database.isEmpty() ? m_params.database
        : !m_params.group.isEmpty()                    ? tr("group %1").arg(m_params.group)
                                                       : tr("all databases");
    return m_params.dryRun ? tr("Preview the prune of %1").arg(scope) : tr("Prune %1").arg(scope);
}

Result<void> PruneJob::execute()
{
    auto result = prune(m_params, cancelFlag(), progressReporter());
    if (!result)
        return std::unexpected(result.error());
    m_result = *result;
    if (m_result.cancelled)
        return fail(
            ErrorCode::Cancelled, tr("The prune was cancelled after %n deletion(s)", nullptr, m_result.deleted));
    if (!m_result.failures.isEmpty())
        return fail(ErrorCode::Io, tr("%n backup(s) could not be deleted", nullptr, int(m_result.failures.size())),
            m_result.failures.join(QLatin1Char('\n')));
    return {};
}

Result<PruneResult> PruneJob::prune(const PruneParams &params, const CancelFlag &cancel, const ProgressFn &progress)
{
    if (params.policies.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("No retention policy: give at least one rule (e.g. --keep-daily 7) or set `retention:` in "
                           "the workspace; an empty policy would delete every backup"));
    auto repo = Repository::open(params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    // A preview only reads; a prune excludes backups, restores and other prunes while it plans and deletes.
    auto lock = RepoLock::acquire(repo->locksDir(), params.dryRun ? RepoLock::Kind::Shared : RepoLock::Kind::Exclusive,
        params.dryRun ? QStringLiteral("prune preview") : QStringLiteral("prune"), params.lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto entries = catalog->backups(params.database);
    if (!entries)
        return std::unexpected(entries.error());
    QHash<QString, CatalogEntry> byId;
    QList<CatalogEntry> inScope;
    for (const CatalogEntry &entry : std::as_const(*entries)) {
        if (!params.group.isEmpty() && entry.manifest.group != params.group)
            continue;
        inScope << entry;
        byId.insert(entry.manifest.id, entry);
    }

    PruneResult result;
    result.dryRun = params.dryRun;
    auto plan = RetentionPlanner::plan(retentionCandidates(inScope), params.policies,
        params.now.isValid() ? params.now.toUTC() : QDateTime::currentDateTimeUtc());
    if (!plan)
        return std::unexpected(plan.error());
    result.plan = *plan;
    if (params.dryRun)
        return result;
    if (auto hook = testhooks::point("prune-planned"); !hook)
        return std::unexpected(hook.error());

    const QList<RetentionDecision> deletions = result.plan.deletions();
    const qint64 total = result.plan.freedBytes();
    BackupDeleter deleter(*catalog);
    for (const RetentionDecision &decision : deletions) {
        if (cancel.load()) {
            result.cancelled = true;
            break;
        }
        const CatalogEntry &entry = byId[decision.backup.id];
        if (auto removed = deleter.remove(entry, QStringLiteral("prune"), decision.explanation()); !removed) {
            result.failures << QStringLiteral("%1 (%2): %3")
                                   .arg(entry.manifest.shortId(), entry.manifest.database, removed.error().toString());
            continue;
        }
        ++result.deleted;
        result.freedBytes += entry.manifest.artifactSize;
        if (progress)
            progress(QStringLiteral("delete"), result.freedBytes, total);
    }
    const QString outcome = result.cancelled ? QStringLiteral("cancelled")
        : result.failures.isEmpty()          ? QStringLiteral("ok")
                                             : QStringLiteral("failed");
    catalog->audit({ .operation = QStringLiteral("prune"),
        .target = params.database.isEmpty() ? (params.group.isEmpty() ? repo->root() : params.group) : params.database,
        .outcome = outcome,
        .detail = QStringLiteral("deleted %1 of %2 backup(s) the policy selected, %3 bytes freed, %4 kept; %5")
                      .arg(result.deleted)
                      .arg(deletions.size())
                      .arg(result.freedBytes)
                      .arg(inScope.size() - result.deleted)
                      .arg(params.policies.describe()) });
    return result;
}

} // namespace coffer
