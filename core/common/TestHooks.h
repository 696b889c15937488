#pragma once

#include "common/Error.h"

// Named points inside jobs where a test can interrupt a real process:
//   COFFER_HOLD_AT=NAME  prints "coffer: holding at NAME" to stderr and stops the process
//                        (SIGSTOP): a test can then kill it, or change the world and SIGCONT it;
//   COFFER_KILL_AT=NAME  the process kills itself (SIGKILL) there, as a crash would;
//   COFFER_FAIL_AT=NAME  point() returns an error there, as a failing step would.
// Costs a few cached getenv calls otherwise.
namespace coffer::testhooks {

[[nodiscard]] Result<void> point(const char *name);

} // namespace coffer::testhooks
