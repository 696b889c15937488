#pragma once

#include "backup/Manifest.h"
#include "common/SqliteDb.h"
#include "verify/CheckResult.h"

namespace coffer {

// Compares a database file with what its backup's manifest recorded: integrity_check (or
// the cheaper quick_check), page size and count, table count, schema hash, row counts.
class DatabaseChecks final
{
public:
    struct Options {
        bool quick = false; // PRAGMA quick_check instead of integrity_check
        bool rowCounts = true; // off for a live database whose writers may already have moved on
        bool pageCount = true;
        bool schema = true; // table count and schema hash
        SqliteDb::Mode mode = SqliteDb::Mode::Immutable; // ReadOnly for a file others may use
    };

    static QList<CheckResult> againstManifest(const QString &path, const Manifest &manifest, const Options &options);
};

} // namespace coffer
