#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace coffer {

// How long work reports where it is: a phase name ("snapshot", "compress", "read back",
// "verify") and bytes or pages done out of a total (0 when unknown).
using ProgressFn = std::function<void(const QString &phase, qint64 done, qint64 total)>;

// Set from another thread to ask long work to stop at its next check.
using CancelFlag = std::atomic_bool;

} // namespace coffer
