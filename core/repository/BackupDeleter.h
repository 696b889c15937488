#pragma once

#include "common/Error.h"

#include <QString>

namespace coffer {

class Catalog;
class Repository;
struct CatalogEntry;

// Deletes backups in an order that keeps a repository truthful through a crash at any point:
//   1. an intent record staging/<id>.deleting is written and fsynced;
//   2. the catalog row is marked, so no listing, lookup or restore sees the backup any more;
//   3. the artifact is removed (folder fsynced), 4. then the manifest (folder fsynced),
//   5. then the row; 6. empty folders and the intent record go last.
// So neither the index nor a manifest ever claims a backup whose artifact is gone, and a crash
// leaves an intent record that the next Repository::open() finishes (finishInterrupted()).
// The caller holds the repository's exclusive lock.
class BackupDeleter final
{
public:
    explicit BackupDeleter(Catalog &catalog);

    // Deletes one backup and appends `operation` ("prune", "delete") with `reason` to the audit
    // trail (a failure is audited too).
    Result<void> remove(const CatalogEntry &entry, const QString &operation, const QString &reason);

    // Finishes the deletions whose intent records a crash left in staging; how many it finished.
    // Called by Repository::open() while it holds the exclusive lock.
    static int finishInterrupted(const Repository &repository);

private:
    Catalog &m_catalog;
};

} // namespace coffer
