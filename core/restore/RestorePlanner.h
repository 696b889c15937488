#pragma once

#include "common/Progress.h"
#include "restore/RestorePlan.h"

#include <functional>

namespace coffer {

// Steps 1 and 2 of a restore: choose the backup and the target, then check everything
// before anything is touched — target folder, target file, names, whether the target is in
// use, repository, free space — and fully verify the backup by decoding it next to the
// target. The checks are the answer; an Error only means there was nothing to check (no
// such backup or repository) or the work was cancelled.
class RestorePlanner final
{
public:
    // Told each check as soon as it is decided, for a live checklist; the full verification comes last.
    using CheckFn = std::function<void(const CheckResult &)>;

    static Result<RestorePlan> prepare(
        const RestoreParams &params, const CancelFlag &cancel, const ProgressFn &progress, const CheckFn &onCheck = {});
};

} // namespace coffer
