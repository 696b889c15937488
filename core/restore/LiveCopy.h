#pragma once

#include "common/Error.h"
#include "common/Progress.h"

#include <QString>

namespace coffer {

// Copies a database into a live one through the SQLite backup API. The copy is one write
// transaction on the target: its other connections wait on the lock and then see the new
// content, and a failure or cancel part-way leaves the target as it was.
class LiveCopy final
{
public:
    static Result<void> copy(
        const QString &source, const QString &target, const CancelFlag &cancel, const ProgressFn &progress);
};

} // namespace coffer
