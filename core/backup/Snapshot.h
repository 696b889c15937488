#pragma once

#include "common/Error.h"
#include "common/Progress.h"

#include <QString>

namespace coffer::snapshot {

// NotFound, PermissionDenied or NotSqlite (with a sentence saying which) unless `path`
// is a readable file that starts with the SQLite header.
Result<void> checkSource(const QString &path);

// An online, consistent copy of `source` into the new file `destination` through the
// SQLite backup API. The source connection holds one read transaction for the whole copy,
// so every step sees the same snapshot and writers on a WAL database keep committing.
// Cancellable between steps; progress is in pages.
Result<void> take(const QString &source, const QString &destination, const CancelFlag &cancel,
                  const ProgressFn &progress);

} // namespace coffer::snapshot
