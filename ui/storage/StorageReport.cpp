#include "storage/StorageReport.h"

#include "CatalogScan.h"
#include "repository/Catalog.h"
#include "workspace/Workspace.h"

namespace coffer::ui {

qint64 StorageReport::artifactBytes() const
{
    qint64 bytes = 0;
    for (const RepositoryStorage &repository : repositories)
        bytes += repository.usage.total().artifactBytes;
    return bytes;
}

StorageReport StorageReport::read(const Workspace &workspace, const QDateTime &now)
{
    StorageReport report;
    report.readAt = now.toUTC();
    report.retention = workspace.retention();
    report.problems = CatalogScan::forEach(workspace, [&report](const RepositoryEntry &entry, Catalog &catalog) {
        auto backups = catalog.backups();
        if (!backups)
            return Result<void>(std::unexpected(backups.error()));
        auto trail = catalog.auditTrail();
        if (!trail)
            return Result<void>(std::unexpected(trail.error()));
        RepositoryStorage storage{ .name = entry.name,
            .path = entry.path,
            .usage = StorageUsage::of(*backups),
            .fileSystem = StorageUsage::fileSystem(catalog.repository().root()),
            .volume = StorageVolumes::of(catalog.repository().root()),
            .entries = *backups,
            .history = {},
            .unplacedDeletions = 0,
            .growth = {} };
        storage.history = StorageHistory::of(
            StorageHistory::lifetimes(*backups, *trail, &storage.unplacedDeletions), report.readAt);
        storage.growth = StorageGrowth::of(storage.history, storage.volume.freeBytes);
        report.repositories << std::move(storage);
        return Result<void>();
    });
    report.removableMedia = StorageVolumes::removableMedia();
    return report;
}

} // namespace coffer::ui
