#pragma once

#include <QString>

// Named points inside jobs where a test can stop a real process. When the environment
// variable COFFER_HOLD_AT names the point, the process prints "coffer: holding at NAME" to
// stderr and sleeps until it is killed. Costs one cached getenv otherwise.
namespace coffer::testhooks {

void holdPoint(const char *name);

} // namespace coffer::testhooks
