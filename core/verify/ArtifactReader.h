#pragma once

#include "backup/Manifest.h"
#include "common/Progress.h"
#include "crypto/EncryptionKeys.h"
#include "verify/CheckResult.h"

namespace coffer {

// Reads a backup artifact once, checking what its manifest promises about the bytes:
// artifact_sha256 and, when decoding, decompress, plaintext_size and plaintext_sha256.
// Verification decodes into a scratch copy; a restore decodes next to its target.
class ArtifactReader final
{
public:
    struct Options {
        // Where the decoded database goes (a new 0600 file); empty: only hash the artifact.
        QString destination = {};
        bool durable = false; // fsync the decoded copy (a restore keeps it)
        QString phase = QStringLiteral("verify");
        const char *midPoint = nullptr; // a test hook point passed after the first chunk
        Credentials credentials = {};   // opens encrypted artifacts when decoding
    };

    // Every finding is a CheckResult; only cancellation, a failing test hook, a failure to
    // write the destination (a full disk) and missing or wrong keys for an encrypted artifact
    // (KeyRequired, WrongKey: the backup is not at fault) are Errors. A partial destination
    // is removed.
    static Result<QList<CheckResult>> read(const Manifest &manifest, const QString &artifactPath,
        const Options &options, const CancelFlag &cancel, const ProgressFn &progress);
};

} // namespace coffer
