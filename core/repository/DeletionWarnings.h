#pragma once

#include "repository/Catalog.h"

#include <QList>
#include <QStringList>

namespace coffer {

// What a deletion by hand loses beyond the backups themselves, one line per database: its last
// backup, or its newest (or only) verified one. Deleting them is allowed; doing so unawares is
// not. `entries` are the repository's backups as Catalog::backups() lists them (newest first);
// `ids` are the full ids about to be deleted. Pinned backups are left out: a deletion refuses them.
QStringList deletionWarnings(const QList<CatalogEntry> &entries, const QStringList &ids);

} // namespace coffer
