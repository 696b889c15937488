#pragma once

#include <QString>

namespace coffer::fuzz {

// Writes the seed corpus of the container fuzz target into `dir` (COFFER_FUZZ_WRITE_SEEDS): small
// files regenerated on each run, so that no binary blobs live in the repository.
void writeSeeds(const QString &dir);

} // namespace coffer::fuzz
