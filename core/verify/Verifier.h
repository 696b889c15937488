#pragma once

#include "common/Progress.h"
#include "crypto/EncryptionKeys.h"
#include "repository/Catalog.h"
#include "verify/CheckResult.h"

namespace coffer {

enum class VerifyLevel { Quick, Full };

QString levelName(VerifyLevel level);
Result<VerifyLevel> levelFromName(const QString &name);

// Checks one backup against its manifest. Quick: the manifest file is well-formed and the
// artifact's size and SHA-256 match. Full: also decompresses it (in one pass with the quick
// hash), checks the plaintext size and SHA-256, runs PRAGMA integrity_check on the restored
// copy, and compares page count, table count, schema hash and row counts with the manifest.
// Every finding is a named CheckResult; only cancellation and a failure to write the scratch
// copy (a full temporary folder says nothing about the backup) are Errors.
class Verifier final
{
public:
    // Full verification of an encrypted backup needs `credentials` (KeyRequired, WrongKey).
    static Result<VerifyOutcome> verify(const CatalogEntry &entry, VerifyLevel level, const CancelFlag &cancel,
        const ProgressFn &progress, const Credentials &credentials = {});
};

} // namespace coffer
