#pragma once

#include "common/Error.h"
#include "repository/Catalog.h"

namespace coffer {

// Pins and unpins backups. A pinned backup is kept by every prune and refused by delete until it
// is unpinned. The flag lives in the manifest (the truth, rewritten atomically under a shared
// lock, so no prune runs meanwhile) and in the catalog's copy; each change is audited.
class Pinning final
{
public:
    struct Change {
        CatalogEntry backup; // as it is now
        bool changed = false; // false: it already was pinned (unpinned)
    };

    static Result<Change> set(const QString &repositoryPath, const QString &idOrPrefix, bool pinned, int lockWaitMs);
};

} // namespace coffer
