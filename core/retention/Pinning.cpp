#include "retention/Pinning.h"

#include "common/FileUtil.h"
#include "repository/RepoLock.h"

namespace coffer {

Result<Pinning::Change> Pinning::set(
    const QString &repositoryPath, const QString &idOrPrefix, bool pinned, int lockWaitMs)
{
    auto repo = Repository::open(repositoryPath);
    if (!repo)
        return std::unexpected(repo.error());
    auto lock = RepoLock::acquire(
        repo->locksDir(), RepoLock::Kind::Shared, pinned ? QStringLiteral("pin") : QStringLiteral("unpin"), lockWaitMs);
    if (!lock)
        return std::unexpected(lock.error());
    auto catalog = Catalog::open(*repo);
    if (!catalog)
        return std::unexpected(catalog.error());
    auto entry = catalog->backup(idOrPrefix);
    if (!entry)
        return std::unexpected(entry.error());
    Change change{ .backup = *entry };
    if (entry->manifest.pinned == pinned)
        return change;

    Manifest manifest = entry->manifest;
    manifest.pinned = pinned;
    const QString operation = pinned ? QStringLiteral("pin") : QStringLiteral("unpin");
    auto written = fileutil::replaceAtomically(entry->manifestPath, manifest.toBytes(), repo->stagingDir());
    if (written) {
        written = catalog->replaceManifest(manifest);
        // Prune plans from the catalog: a manifest that says otherwise is put back.
        if (!written)
            fileutil::replaceAtomically(entry->manifestPath, entry->manifest.toBytes(), repo->stagingDir());
    }
    catalog->audit({ .operation = operation,
        .target = manifest.database,
        .backupId = manifest.id,
        .outcome = written ? QStringLiteral("ok") : QStringLiteral("failed"),
        .detail = written ? (pinned ? QStringLiteral("kept by every prune until unpinned")
                                    : QStringLiteral("the retention policy decides again"))
                          : written.error().toString() });
    if (!written)
        return std::unexpected(written.error());
    change.backup.manifest = manifest;
    change.changed = true;
    return change;
}

} // namespace coffer
