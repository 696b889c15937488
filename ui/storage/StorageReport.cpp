#include "storage/StorageReport.h"

#include "repository/Catalog.h"
#include "CatalogScan.h"
#include "workspace/Workspace.h"

namespace coffer::ui {

qint64 StorageReport::artifactBytes() const
{
    qint64 bytes = 0;
    for (const RepositoryStorage &repository : repositories)
        bytes += repository.usage.total().artifactBytes;
    return bytes;
}

StorageReport StorageReport::read(const Workspace &workspace)
{
    StorageReport report;
    report.problems = CatalogScan::forEach(workspace, [&report](const RepositoryEntry &entry, Catalog &catalog) {
        auto backups = catalog.backups();
        if (!backups)
            return Result<void>(std::unexpected(backups.error()));
        report.repositories << RepositoryStorage{ entry.name, entry.path, StorageUsage::of(*backups),
            StorageUsage::fileSystem(catalog.repository().root()) };
        return Result<void>();
    });
    return report;
}

} // namespace coffer::ui
