#pragma once

#include "repository/Catalog.h"

#include <QList>
#include <QStringList>

namespace coffer {

// Which backups a drill restores when it is given databases rather than ids.
class DrillSelection final
{
public:
    // For each of `databases` (in that order, each once): its newest backup, then `sample` - 1
    // of its other backups drawn at random (all of them when it has fewer), newest first.
    // `backups` is the catalog's list, newest first. The same seed draws the same backups.
    // A database without backups contributes nothing (the caller reports it).
    static QList<CatalogEntry> choose(
        const QList<CatalogEntry> &backups, const QStringList &databases, int sample, quint32 seed);
};

} // namespace coffer
