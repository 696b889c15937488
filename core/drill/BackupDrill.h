#pragma once

#include "common/Progress.h"
#include "crypto/EncryptionKeys.h"
#include "drill/DrillOutcome.h"
#include "drill/SmokeQueryCheck.h"
#include "repository/Catalog.h"
#include "workspace/Workspace.h"

#include <optional>

namespace coffer {

// What one drill of one backup found: the drill itself and, when the backup could be examined,
// the full verification it amounts to (recorded beside it, so the catalog's last verification
// reflects the drill).
struct BackupDrillResult {
    DrillOutcome drill;
    std::optional<VerifyOutcome> verification; // absent when keys were missing: the backup is not at fault
};

// One restore drill: a private folder under the scratch directory (coffer-drill-<pid>-XXXXXX, 0700:
// the pid says whose it is once the process is gone), the backup restored into it
// as a restore materialises it (MaterialisedCopy: decode, hashes, integrity_check, counts and
// schema against the manifest, after the manifest file itself is checked: every check of a full
// verification, reading the artifact once), the smoke queries, then the folder removed.
class BackupDrill final
{
public:
    struct Options {
        QString scratchDirectory; // an existing folder; the drill's own folder goes inside it
        Credentials credentials = {};
        int smokeTimeLimitMs = SmokeQueryCheck::kDefaultTimeLimitMs; // per query
        QString label = {}; // names the backup in progress phases, e.g. "2/3 orders 1a2b3c4d"
    };

    // A backup that fails a check, or cannot be decrypted with the credentials given, is an
    // outcome. Errors: cancellation, and a scratch folder that cannot be made or written (a full
    // disk there says nothing about the backup). The scratch folder is removed in every case.
    static Result<BackupDrillResult> run(const CatalogEntry &entry, const QList<SmokeQuery> &queries,
        const Options &options, const CancelFlag &cancel, const ProgressFn &progress);

    // Removes the drill folders in `scratchDirectory` that a killed drill left behind, with the
    // plaintext copy inside: real folders (never a symlink, never followed) owned by this user,
    // named coffer-drill-<pid>-XXXXXX, whose process no longer runs. A folder of a running process,
    // or anything else, is left alone. Returns the folders removed.
    static QStringList removeLeftovers(const QString &scratchDirectory);
};

} // namespace coffer
