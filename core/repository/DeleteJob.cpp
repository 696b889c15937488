#include "repository/DeleteJob.h"

#include "repository/BackupDeleter.h"
#include "repository/RepoLock.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace coffer {

DeleteJob::DeleteJob(DeleteParams params, QObject *parent)
    : Job(parent)
    , m_params(std::move(params))
{
}

QString DeleteJob::title() const
{
    return m_params.ids.size() == 1 ? tr("Delete backup %1").arg(m_params.ids.first().left(8))
                                    : tr("Delete %n backup(s)", nullptr, int(m_params.ids.size()));
}

QString DeleteJob::exclusiveKey() const
{
    return repositoryKey(m_params.repositoryPath);
}

Result<void> DeleteJob::execute()
{
    auto result = remove(m_params, cancelFlag(), progressReporter());
    if (!result)
        return std::unexpected(result.error());
    m_result = *result;
    if (m_result.cancelled)
        return fail(ErrorCode::Cancelled,
            tr("The deletion was cancelled after %n backup(s)", nullptr, int(m_result.deleted.size())));
    if (!m_result.failures.isEmpty()) {
        QStringList why;
        for (const DeleteFailure &failure : std::as_const(m_result.failures))
            why << QStringLiteral("%1 (%2): %3")
                       .arg(failure.backup.manifest.shortId(), failure.backup.manifest.database,
                           failure.error.toString());
        return fail(ErrorCode::Io, tr("%n backup(s) could not be deleted", nullptr, int(why.size())),
            why.join(QLatin1Char('\n')));
    }
    if (m_result.deleted.isEmpty() && !m_result.refused.isEmpty()) {
        QStringList names;
        for (const CatalogEntry &entry : std::as_const(m_result.refused))
            names << entry.manifest.shortId();
        return fail(ErrorCode::InvalidArgument,
            tr("Pinned backups are not deleted (%1); unpin them first", nullptr, int(names.size()))
                .arg(names.join(QStringLiteral(", "))));
    }
    return {};
}

Result<DeleteResult> DeleteJob::remove(const DeleteParams &params, const CancelFlag &cancel, const ProgressFn &progress)
{
    auto repo = Repository::open(params.repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto lock
        = RepoLock::acquire(repo->locksDir(), RepoLock::Kind::Exclusive, QStringLiteral("delete"), params.lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());

    // Looked up again under the lock: what the user chose may have been pruned or pinned since.
    QList<CatalogEntry> chosen;
    QSet<QString> seen;
    for (const QString &id : params.ids) {
        auto entry = catalog->backup(id);
        if (!entry)
            return std::unexpected(entry.error());
        if (!seen.contains(entry->manifest.id)) {
            seen.insert(entry->manifest.id);
            chosen << *entry;
        }
    }

    DeleteResult result;
    qint64 total = 0;
    for (const CatalogEntry &entry : std::as_const(chosen))
        total += entry.manifest.pinned ? 0 : entry.manifest.artifactSize;
    BackupDeleter deleter(*catalog);
    for (const CatalogEntry &entry : std::as_const(chosen)) {
        if (entry.manifest.pinned) {
            result.refused << entry;
            continue;
        }
        if (cancel.load()) {
            result.cancelled = true;
            break;
        }
        if (auto removed = deleter.remove(entry, QStringLiteral("delete"), params.reason); !removed) {
            result.failures << DeleteFailure{ entry, removed.error() };
            continue;
        }
        result.deleted << entry;
        result.freedBytes += entry.manifest.artifactSize;
        if (progress)
            progress(QStringLiteral("delete"), result.freedBytes, total);
    }
    return result;
}

} // namespace coffer
