#pragma once

#include <QDateTime>

#include <expected>

// The "now" that run-due and schedule list judge due-ness at: the current time, or, for tests
// only, the ISO 8601 time in $COFFER_NOW, so a test of calendar schedules does not depend on the
// time of day it runs at. Not documented for users: a fixed clock makes a scheduler lie.
namespace scheduleclock {

// On a COFFER_NOW that is not a time, prints why and gives the usage exit code.
std::expected<QDateTime, int> now();

// Whether COFFER_NOW fixes the clock (the core then receives it instead of reading the clock).
bool isFixed();

} // namespace scheduleclock
